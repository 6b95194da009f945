import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * ARCHITECTURE.md as a test: dependencies point one way, and each third-party package
 * lives behind one adapter. Reads the import lines of every file under src/.
 */
const srcDir = fileURLToPath(new URL('../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const files = sourceFiles(srcDir).map((file) => {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'";]*?from\s+'([^']+)'|import\('([^']+)'\)/g)].map((m) => m[1] ?? m[2] ?? '');
  return { path: relative(srcDir, file).split('\\').join('/'), specifiers };
});

const layerOf = (path: string) => path.split('/')[0] ?? '';

/** Which layers each layer may import from (itself always allowed). */
const allowedLayers: Record<string, string[]> = {
  core: [],
  detect: ['core'],
  rules: ['core'],
  sources: ['core'],
  report: ['core'],
  // The one pinned HTTP client: it knows hosts, timeouts and retries, not rules or providers.
  net: ['core'],
  verify: ['core', 'rules', 'net'],
  // Revocation acts on what the live check said, confirms through it, and reads the flows from the rules;
  // notification renders the json report's findings (report/'s schema, its Markdown escaping).
  respond: ['core', 'rules', 'net', 'verify', 'report'],
  // The one pipeline every front end shares: config → prepare → source → tail → result.
  // It reads reports back (a baseline, `verify --report`) through report/'s one schema.
  run: ['core', 'detect', 'rules', 'sources', 'net', 'verify', 'respond', 'report'],
  // The partner endpoint (HTTP, signature, store, worker): a front end over run/ and respond/.
  serve: ['core', 'detect', 'rules', 'net', 'verify', 'respond', 'report', 'run'],
  // Front ends: each builds a RunConfig and renders a RunResult. Nothing imports them but the CLI's `serve`, which starts serve/.
  cli: ['core', 'detect', 'rules', 'sources', 'net', 'verify', 'report', 'run', 'serve'],
  action: ['core', 'detect', 'rules', 'sources', 'net', 'verify', 'respond', 'report', 'run'],
};

/** The only files that may import each third-party package. */
const adapters: Record<string, string[]> = {
  picocolors: ['report/colors.ts'],
  'fast-glob': ['sources/glob.ts'],
  ignore: ['sources/worktree.ts'],
  yaml: ['rules/load.ts', 'run/config-file.ts'],
  zod: ['rules/schema.ts', 'rules/revoke-schema.ts', 'report/schema.ts', 'run/config-file.ts', 'run/shard-plan.ts'],
  yargs: ['cli/main.ts', 'cli/grammar.ts', 'cli/options.ts', 'cli/quick-args.ts'],
  '@octokit/rest': ['respond/notify/github-client.ts'],
  '@octokit/plugin-retry': ['respond/notify/github-client.ts'],
  '@octokit/plugin-throttling': ['respond/notify/github-client.ts'],
  '@actions/core': ['action/runner.ts'],
  'yargs/helpers': ['cli/main.ts'],
  'node-sqlite3-wasm': ['serve/store.ts'],
  'prom-client': ['serve/metrics.ts'],
};

describe('architecture', () => {
  it.each(files.map((f) => [f.path, f] as const))('%s imports only from the layers below it', (_path, file) => {
    const layer = layerOf(file.path);
    const allowed = allowedLayers[layer];
    expect(allowed, `unknown layer ${layer}`).toBeDefined();
    for (const specifier of file.specifiers.filter((s) => s.startsWith('.'))) {
      const target = relative(srcDir, join(srcDir, file.path, '..', specifier)).split('\\').join('/');
      const targetLayer = layerOf(target);
      if (targetLayer !== layer) expect(allowed, `${file.path} imports ${specifier}`).toContain(targetLayer);
    }
  });

  it('keeps each third-party package behind its adapter', () => {
    for (const file of files) {
      for (const specifier of file.specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('node:'))) {
        expect(adapters[specifier], `${file.path} imports ${specifier}, which has no declared adapter`).toBeDefined();
        expect(adapters[specifier], `${file.path} imports ${specifier} outside its adapter`).toContain(file.path);
      }
    }
  });

  it('lets nothing import the front ends (cli/, action/)', () => {
    for (const file of files.filter((f) => !['cli', 'action'].includes(layerOf(f.path)))) {
      for (const specifier of file.specifiers.filter((s) => s.startsWith('.'))) {
        const target = relative(srcDir, join(srcDir, file.path, '..', specifier)).split('\\').join('/');
        expect(['cli', 'action'], `${file.path} imports ${specifier}`).not.toContain(layerOf(target));
      }
    }
    for (const file of files.filter((f) => layerOf(f.path) === 'action')) {
      expect(file.specifiers.filter((s) => s.includes('/cli/')), `${file.path} imports the CLI`).toEqual([]);
    }
  });

  it('keeps the core free of any import but core', () => {
    for (const file of files.filter((f) => layerOf(f.path) === 'core')) {
      expect(file.specifiers.filter((s) => !s.startsWith('./'))).toEqual([]);
    }
  });
});
