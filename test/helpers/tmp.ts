/** Temporary directories that are removed after each test (or at the end of the file). */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

const made: string[] = [];

function removeAll(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh empty directory (real path, so symlinked /tmp does not confuse relative paths). */
export function makeTmpDir(label = 'test'): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `keywarden-${label}-`)));
  made.push(dir);
  return dir;
}

/** Remove the directories made by this test file after each test (default) or once at the end. */
export function cleanTmpDirs(when: 'each' | 'all' = 'each'): void {
  if (when === 'each') afterEach(removeAll);
  else afterAll(removeAll);
}

export type Tree = Record<string, string | Buffer>;

/** Write `files` (paths relative to `root`, with `/`) and return `root`. */
export function writeTree(root: string, files: Tree): string {
  for (const [path, content] of Object.entries(files)) {
    const absolute = join(root, ...path.split('/'));
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
  return root;
}
