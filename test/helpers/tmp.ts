/** Temporary directories that are removed after each test (or at the end of the file). */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

const made: string[] = [];
const madeForFile: string[] = [];

function remove(dirs: string[]): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
const removeAll = () => remove(made);

/**
 * Remove what is left at the end of a test file: the file-long directories (`makeFileTmpDir`),
 * and those of files that never asked for `cleanTmpDirs` (they were left in the system's
 * temporary directory, dozens a run, some holding clones). test/helpers/setup.ts calls it.
 */
export function removeFileTmpDirs(): void {
  remove(madeForFile);
  remove(made);
}

const newDir = (label: string) => realpathSync(mkdtempSync(join(tmpdir(), `keywarden-${label}-`)));

/** A fresh empty directory (real path, so symlinked /tmp does not confuse relative paths). */
export function makeTmpDir(label = 'test'): string {
  const dir = newDir(label);
  made.push(dir);
  return dir;
}

/** A fresh empty directory that lives until the file's tests have all run, whatever `cleanTmpDirs` says: for a `beforeAll`'s fixture. */
export function makeFileTmpDir(label = 'test'): string {
  const dir = newDir(label);
  madeForFile.push(dir);
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
