import type { Chunk } from '../core/types.js';
import { blobAt, gitLines } from './git.js';
import { isUtf16, sniffText, utf8Of } from './text-encoding.js';
import { addedLinesOf, addedRuns, commitFormat, runChunk, type AddedRun, type CommitInfo } from './unified-diff.js';

/**
 * The lines added by each commit that `revisionArgs` select (a range such as `A..B`, the
 * commits a push adds, ...), as runs carrying their commit. One `git log -p -U0`:
 * - a root commit is diffed against the empty tree (`--root`);
 * - a merge shows a dense combined diff (`--cc`), whose added lines are only those it
 *   brings itself (a conflict resolution, an "evil" merge), never what its parents had;
 * - `--text`, so a `.gitattributes` `binary` or `-diff` line cannot hide a text file;
 * - user config cannot change the output (external diff, textconv, prefixes, colour,
 *   relative paths and signatures are all turned off).
 *
 * `revisionArgs` go to git as they are: put `--end-of-options` before user-supplied
 * revisions and `--` after them, so a revision can never be read as an option or a path.
 */
export function addedRunsInCommits(repo: string, revisionArgs: readonly string[]): AsyncGenerator<AddedRun> {
  return addedRuns(
    gitLines(repo, [
      'log',
      '-p',
      '-U0',
      '--root',
      '--cc',
      '--text',
      `--format=${commitFormat}`,
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '--no-relative',
      '--no-show-signature',
      '--src-prefix=a/',
      '--dst-prefix=b/',
      ...revisionArgs,
    ]),
  );
}

/**
 * The lines a commit adds to a UTF-16 file, decoded: `--text` prints its bytes as they are,
 * a NUL in every other byte, where no key can be seen. Compared with the file in the first
 * parent (none for a root commit, or a file added or renamed there).
 */
async function utf16AddedRuns(repo: string, commit: CommitInfo, path: string): Promise<AddedRun[]> {
  const after = await blobAt(repo, commit.commit, path);
  if (!after || !isUtf16(sniffText(after))) return [];
  const before = await blobAt(repo, `${commit.commit}^`, path);
  const text = (blob: Buffer | undefined) => (blob ? utf8Of(blob).toString('utf8') : '');
  return addedLinesOf(path, text(before), text(after), commit);
}

/**
 * The same lines as chunks attributed to their commits (origin `history`), leaving out `excluded` paths.
 * Lines holding a NUL (UTF-16 text, or binary) are scanned as they are, and the files they came
 * from are read again at the end: those that are UTF-16 text give their added lines decoded.
 */
export async function* addedChunksInCommits(repo: string, revisionArgs: readonly string[], excluded?: (path: string) => boolean): AsyncGenerator<Chunk> {
  const withNul = new Map<string, { commit: CommitInfo; path: string }>();
  for await (const run of addedRunsInCommits(repo, revisionArgs)) {
    if (!run.commit || excluded?.(run.path)) continue;
    if (run.lines.some((line) => line.includes('\0'))) withNul.set(`${run.commit.commit}\0${run.path}`, { commit: run.commit, path: run.path });
    yield runChunk(run, { kind: 'history', path: run.path, ...run.commit });
  }
  for (const { commit, path } of withNul.values()) {
    for (const run of await utf16AddedRuns(repo, commit, path)) yield runChunk(run, { kind: 'history', path, ...commit });
  }
}
