import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { KeywardenError } from '../core/errors.js';
import { blobAt, gitOutput } from './git.js';

/**
 * Files as a commit has them, copied out of git: a pull request's checks read their config
 * and rule directories from the PR's base, not from the working tree its head checked out.
 * Paths are repository-relative with `/`; nothing here follows a symbolic link.
 */

/** What a path is at a commit: a regular file, a directory, or neither (a symbolic link, a submodule, absent). */
export type EntryKind = 'file' | 'dir' | 'link' | 'missing';

interface TreeEntry {
  mode: string;
  type: string;
  path: string;
}

/** `git ls-tree -z` at `rev` for `pathspec` (a directory's entries when it ends with `/`). */
async function lsTree(repo: string, rev: string, pathspec: string): Promise<TreeEntry[]> {
  // Literal pathspecs: a configured path is a name, not a glob or `:(magic)`.
  const { stdout } = await gitOutput(repo, ['--literal-pathspecs', 'ls-tree', '-z', '--full-tree', '--end-of-options', rev, '--', pathspec]);
  return stdout
    .toString('utf8')
    .split('\0')
    .filter((record) => record !== '')
    .map((record) => {
      const tab = record.indexOf('\t');
      const [mode = '', type = ''] = record.slice(0, tab).split(' ');
      return { mode, type, path: record.slice(tab + 1) };
    });
}

function kindOf(entry: TreeEntry | undefined): EntryKind {
  if (!entry) return 'missing';
  if (entry.type === 'tree') return 'dir';
  if (entry.type === 'blob') return entry.mode === '120000' ? 'link' : 'file';
  return 'missing';
}

/** What `path` is at `rev`. */
export async function entryAt(repo: string, rev: string, path: string): Promise<EntryKind> {
  if (path === '') return 'dir';
  const entries = await lsTree(repo, rev, path);
  return kindOf(entries.find((entry) => entry.path === path));
}

/** Write the regular file `rev:path` to `target` (its directories made). */
export async function copyFileAt(repo: string, rev: string, path: string, target: string): Promise<void> {
  const content = await blobAt(repo, rev, path);
  if (content === undefined) throw new KeywardenError(`cannot read ${path} at ${rev.slice(0, 7)}`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}

/**
 * Copy the regular files directly inside directory `path` at `rev` into `target` (rule
 * directories are read one level deep); links and subdirectories are left out. Returns their names.
 */
export async function copyDirAt(repo: string, rev: string, path: string, target: string): Promise<string[]> {
  const files = (await lsTree(repo, rev, path === '' ? '.' : `${path}/`)).filter((entry) => kindOf(entry) === 'file');
  mkdirSync(target, { recursive: true });
  const names: string[] = [];
  for (const file of files) {
    const name = path === '' ? file.path : file.path.slice(path.length + 1);
    await copyFileAt(repo, rev, file.path, join(target, name));
    names.push(name);
  }
  return names;
}

/** Whether anything at or under `path` differs between commits `from` and `to`. */
export async function changedBetween(repo: string, from: string, to: string, path: string): Promise<boolean> {
  const { code } = await gitOutput(repo, ['--literal-pathspecs', 'diff', '--quiet', '--no-ext-diff', '--no-renames', from, to, '--', path === '' ? '.' : path], { allowFailure: true });
  if (code !== 0 && code !== 1) throw new KeywardenError(`git diff ${from.slice(0, 7)} ${to.slice(0, 7)} -- ${path} failed (exit ${code})`);
  return code === 1;
}
