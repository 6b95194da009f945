/**
 * Refuse to test a stale `dist/`. The CLI tests run the built bin (test/helpers/cli.ts) and
 * the threaded scans load `worker.js` from the build (src/run/pool.ts), so a `dist/`
 * older than `src/` would test yesterday's code while the unit tests test today's.
 * Building is `npm test`'s job (and `npm ci`'s, through `prepare`), done once before vitest
 * starts; here we only check the stamp the build writes (scripts/dist-stamp.mjs).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const stampScript = fileURLToPath(new URL('../../scripts/dist-stamp.mjs', import.meta.url));

export default function setup(): void {
  const check = spawnSync(process.execPath, [stampScript, 'check'], { encoding: 'utf8' });
  if (check.error) throw check.error;
  if (check.status !== 0) {
    throw new Error(check.stderr.trim() || `dist/ is stale: run npm run build (${stampScript} exited ${check.status})`);
  }
}
