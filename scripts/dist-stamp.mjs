#!/usr/bin/env node
/**
 * Is dist/ the build of the sources as they are now?
 *
 *   node scripts/dist-stamp.mjs write   the last step of `npm run build`: record what dist/ was built from
 *   node scripts/dist-stamp.mjs check   exit 0 when dist/ is fresh, 1 (saying why) when it is stale or missing
 *
 * The stamp is a hash of every build input's path and content (src/**\/*.ts, rules/*.yaml,
 * the build script, package-lock.json for the bundled packages, the esbuild version), so it
 * does not depend on mtimes, which a clone, a checkout or a copy sets arbitrarily. `check`
 * also looks for each built entry point, so a dist/ pruned by hand is stale too. test/helpers/global-setup.ts fails the test run on a stale
 * dist/, and `npm test` builds only when this says stale (`npm ci` has just built).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stampFile = join(root, 'dist', '.build-stamp');

/** Files under `dir` (recursively) whose names match `pattern`, as sorted paths relative to the root with `/`. */
function filesUnder(dir, pattern) {
  const found = [];
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && pattern.test(entry.name)) found.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(join(root, dir));
  return found.sort();
}

function sources() {
  return filesUnder('src', /\.ts$/);
}

/** Hash of the build's inputs. */
function inputHash() {
  const hash = createHash('sha256');
  const esbuild = JSON.parse(readFileSync(join(root, 'node_modules', 'esbuild', 'package.json'), 'utf8')).version;
  hash.update(`esbuild ${esbuild}\0`);
  for (const path of [...sources(), ...filesUnder('rules', /\.ya?ml$/), 'scripts/build.mjs', 'package-lock.json']) {
    hash.update(path).update('\0').update(readFileSync(join(root, path))).update('\0');
  }
  return hash.digest('hex');
}

/** Why dist/ is not the build of the current sources, or undefined when it is. */
function staleness() {
  if (!existsSync(stampFile)) return 'dist/ has no build stamp (it was not made by npm run build, or the build failed)';
  if (readFileSync(stampFile, 'utf8').trim() !== inputHash()) return 'src/, rules/, the build script or package-lock.json changed since the last build';
  const outputs = ['dist/cli/main.js', 'dist/run/worker.js', 'dist/rules/builtin-rules.json'];
  const missing = outputs.filter((path) => !existsSync(join(root, path)));
  if (missing.length > 0) return `${missing.length} built file(s) missing, e.g. ${missing[0]}`;
  return undefined;
}

const command = process.argv[2];
if (command === 'write') {
  writeFileSync(stampFile, `${inputHash()}\n`);
} else if (command === 'check') {
  const why = staleness();
  if (why !== undefined) {
    process.stderr.write(`dist/ is stale: run npm run build (${why})\n`);
    process.exit(1);
  }
} else {
  process.stderr.write('usage: node scripts/dist-stamp.mjs write|check\n');
  process.exit(2);
}
