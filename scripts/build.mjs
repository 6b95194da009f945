#!/usr/bin/env node
/**
 * `npm run build`, first step: bundle the CLI and the scan worker with esbuild.
 *
 * Why a bundle rather than tsc's one file per module: the CLI is started for every commit (the
 * hook), every pipeline (`redact`) and every test, and node spends most of a short run
 * resolving, reading and compiling ~100 separate modules (ours and yargs'). One bundle per
 * entry point, with the modules loaded on demand (each command, yargs, the verifier) split
 * into chunks that are still imported only when needed, measured at ~40% less start-up
 * (`npm run bench -- startup`). Types are checked by `npm run typecheck`, not here.
 *
 * Every output sits two directories below the package root (dist/cli/, dist/run/,
 * dist/chunks/), as the sources do (src/x/): code that finds files from `import.meta.url`
 * (`../../rules/`, `../../package.json`, `../../dist/run/worker.js`) works from either.
 */
import { rmSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

// A fresh dist/ each time (chunk names carry hashes, so old ones would pile up), but the
// committed Action bundle (dist/action/) stays: it is built by `npm run build:action` and checked in.
for (const entry of safeReaddir(dist)) {
  if (entry !== 'action') rmSync(join(dist, entry), { recursive: true, force: true });
}

await build({
  absWorkingDir: root,
  entryPoints: { 'cli/main': 'src/cli/main.ts', 'run/worker': 'src/run/worker.ts', 'run/write-rule-cache': 'src/run/write-rule-cache.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Bundled CommonJS packages (fast-glob) require node's built-ins; ESM has no `require` of its own.
  banner: { js: "import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);" },
  // SQLite as WebAssembly loads its .wasm file from beside its own module: it stays a package, not bundled.
  external: ['node-sqlite3-wasm'],
  legalComments: 'eof',
  logLevel: 'warning',
});

/** Entries of `dir`, or none when it does not exist. */
function safeReaddir(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
