#!/usr/bin/env node
/**
 * `npm run build:action`: the GitHub Action's bundle, committed in dist/action/ because
 * action.yml runs it from the repository itself (no install step on the runner).
 *
 * Split like the CLI's (scripts/build.mjs): dist/action/index.js and the chunks it imports
 * only when a run needs them (the verifier, the revoke step, the YAML config reader and zod,
 * octokit for the PR comment), so a run loads what it uses. Every file sits in dist/action/,
 * two directories below the package root, as the sources do (`import.meta.url` paths hold).
 *
 * `@actions/core` imports its OIDC client (`@actions/http-client`, and undici under it: ~0.8 MB)
 * at the top of its entry, and keywarden never asks for an ID token. Those packages are
 * declared free of side effects here, so the bundler leaves out what nothing calls; anything
 * that is called is kept as usual.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = process.argv[2] ?? join(root, 'dist', 'action');

/** Packages whose unused imports may be dropped: nothing of theirs runs at import that keywarden needs. */
const unusedUnlessCalled = /^(@actions\/http-client|undici|tunnel)(\/|$)/;

const withoutSideEffects = {
  name: 'without-side-effects',
  setup(bundler) {
    bundler.onResolve({ filter: unusedUnlessCalled }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const resolved = await bundler.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'resolving' });
      return { ...resolved, sideEffects: false };
    });
  },
};

// Old chunks (their names carry hashes) would pile up beside the new ones.
for (const entry of safeReaddir(outdir)) rmSync(join(outdir, entry), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { index: 'src/action/main.ts' },
  outdir,
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Bundled CommonJS packages require node's built-ins; ESM has no `require` of its own.
  banner: { js: "import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);" },
  legalComments: 'none',
  plugins: [withoutSideEffects],
  logLevel: 'warning',
});

function safeReaddir(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
