/** `addedRunsInCommits`: the lines each commit of a range added, with the commit. */
import { describe, expect, it } from 'vitest';
import { addedRunsInCommits } from '../../src/sources/commit-diffs.js';
import { isolatedGitEnv, TestRepo } from '../helpers/history-repos.js';
import { cleanTmpDirs, makeTmpDir } from '../helpers/tmp.js';

Object.assign(process.env, isolatedGitEnv);
cleanTmpDirs('each');

describe('addedRunsInCommits', () => {
  it('yields each commit’s added lines with new-file line numbers and the commit', async () => {
    const repo = TestRepo.init(makeTmpDir('commit-diffs'));
    const base = repo.commit({ 'a.txt': 'one\ntwo\nthree\n' });
    const first = repo.commit({ 'a.txt': 'one\nTWO\nthree\nfour\n', 'b c.txt': 'new\n' });
    const second = repo.commit({ 'a.txt': 'zero\none\nTWO\nthree\nfour\n' });
    const runs = [];
    for await (const run of addedRunsInCommits(repo.dir, ['--reverse', '--end-of-options', `${base}..HEAD`, '--'])) {
      runs.push({ path: run.path, startLine: run.startLine, lines: run.lines, commit: run.commit?.commit });
    }
    expect(runs).toEqual([
      { path: 'a.txt', startLine: 2, lines: ['TWO'], commit: first },
      { path: 'a.txt', startLine: 4, lines: ['four'], commit: first },
      { path: 'b c.txt', startLine: 1, lines: ['new'], commit: first },
      { path: 'a.txt', startLine: 1, lines: ['zero'], commit: second },
    ]);
  });

  it('ignores diff settings in the repository config (external diff, no prefix, colour)', async () => {
    const repo = TestRepo.init(makeTmpDir('commit-diffs'));
    const base = repo.commit({ 'a.txt': 'a\n' });
    repo.git('config', 'diff.external', 'false');
    repo.git('config', 'diff.noprefix', 'true');
    repo.git('config', 'color.ui', 'always');
    const next = repo.commit({ 'a.txt': 'a\nb\n' });
    const runs = [];
    for await (const run of addedRunsInCommits(repo.dir, [`${base}..HEAD`])) runs.push([run.path, run.lines, run.commit?.commit]);
    expect(runs).toEqual([['a.txt', ['b'], next]]);
  });
});
