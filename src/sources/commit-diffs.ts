import { gitLines } from './git.js';
import type { Chunk } from '../core/types.js';
import { addedRuns, commitFormat, runChunk, type AddedRun } from './unified-diff.js';

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

/** The same lines as chunks attributed to their commits (origin `history`), leaving out `excluded` paths. */
export async function* addedChunksInCommits(repo: string, revisionArgs: readonly string[], excluded?: (path: string) => boolean): AsyncGenerator<Chunk> {
  for await (const run of addedRunsInCommits(repo, revisionArgs)) {
    if (!run.commit || excluded?.(run.path)) continue;
    yield runChunk(run, { kind: 'history', path: run.path, ...run.commit });
  }
}
