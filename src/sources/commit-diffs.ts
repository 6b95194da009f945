import { gitLines } from './git.js';
import { addedRuns, commitFormat, type AddedRun } from './unified-diff.js';

/**
 * The lines added by each commit that `revisionArgs` select (a range such as `A..B`, the
 * commits a push adds, ...), as runs carrying their commit. One `git log -p -U0`: merges
 * show no diff (what they add came from their parents' commits), binary files have no
 * lines, and user config cannot change the output (external diff, textconv, prefixes,
 * colour, relative paths and signatures are all turned off).
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
