/**
 * Build `dist/` once before the tests: worker threads (src/run/pool.ts) load
 * `worker.js` next to the compiled pool, so the thread tests and the CLI tests run the
 * built code, exactly as users do.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export default function setup(): void {
  try {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const output = (error as { stdout?: string }).stdout ?? String(error);
    // tsc still emits on type errors; the tests that need dist/ fail on their own if it is missing.
    if (!existsSync(fileURLToPath(new URL('../../dist/run/worker.js', import.meta.url)))) {
      throw new Error(`npm run build failed:\n${output}`, { cause: error });
    }
    process.stderr.write(`warning: npm run build reported errors:\n${output}\n`);
  }
}
