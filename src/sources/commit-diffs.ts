import { gitLines } from './git.js';
import { addedRuns, commitFormat, type AddedRun } from './unified-diff.js';

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
