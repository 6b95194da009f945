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
  verify: ['core', 'rules'],
  notify: ['core'],
  pipeline: ['core', 'detect', 'rules', 'sources', 'verify'],
  cli: ['core', 'detect', 'rules', 'sources', 'verify', 'report', 'pipeline'],
  // The action is a second entry beside the CLI: it shares the CLI's run setup (config, rules, verifier).
  action: ['core', 'detect', 'rules', 'sources', 'verify', 'notify', 'report', 'pipeline', 'cli'],
};

/** The only files that may import each third-party package. */
const adapters: Record<string, string[]> = {
  picocolors: ['report/colors.ts'],
  'fast-glob': ['sources/worktree.ts'],
  ignore: ['sources/worktree.ts'],
  yaml: ['rules/load.ts', 'cli/config.ts'],
  zod: ['rules/schema.ts', 'report/schema.ts', 'cli/config.ts'],
  yargs: ['cli/main.ts', 'cli/options.ts'],
  '@octokit/rest': ['notify/github.ts'],
  'yargs/helpers': ['cli/main.ts'],
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

  it('keeps the core free of any import but core', () => {
    for (const file of files.filter((f) => layerOf(f.path) === 'core')) {
      expect(file.specifiers.filter((s) => !s.startsWith('./'))).toEqual([]);
    }
  });
});
