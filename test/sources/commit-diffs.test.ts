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

  /** Every added line of the range, as `path:line:text`. */
  async function added(repo: TestRepo, revisions: string[]): Promise<string[]> {
    const lines: string[] = [];
    for await (const run of addedRunsInCommits(repo.dir, revisions)) run.lines.forEach((text, i) => lines.push(`${run.path}:${run.startLine + i}:${text}`));
    return lines;
  }

  it('diffs a root commit even when the repository sets log.showRoot=false', async () => {
    const repo = TestRepo.init(makeTmpDir('commit-diffs'));
    repo.git('config', 'log.showRoot', 'false');
    repo.commit({ 'a.txt': 'first\n' });
    expect(await added(repo, ['HEAD'])).toEqual(['a.txt:1:first']);
  });

  it('reads files that .gitattributes marks -diff or binary as text', async () => {
    const repo = TestRepo.init(makeTmpDir('commit-diffs'));
    const base = repo.commit({ '.gitattributes': '*.cfg -diff\n*.dat binary\n' });
    repo.commit({ 'app.cfg': 'token = abc\n', 'x.dat': 'text after all\n' });
    expect(await added(repo, [`${base}..HEAD`])).toEqual(['app.cfg:1:token = abc', 'x.dat:1:text after all']);
  });

  it('survives diff.suppressBlankEmpty and diff.interHunkContext in the repository config', async () => {
    const repo = TestRepo.init(makeTmpDir('commit-diffs'));
    repo.git('config', 'diff.suppressBlankEmpty', 'true');
    repo.git('config', 'diff.interHunkContext', '5');
    const base = repo.commit({ 'a.txt': 'a\n\nb\n\nc\n' });
    repo.commit({ 'a.txt': 'a\nA\n\nb\n\nc\nC\n' });
    expect(await added(repo, [`${base}..HEAD`])).toEqual(['a.txt:2:A', 'a.txt:7:C']);
  });

  it('reports what a merge adds itself (an evil merge), but not what it brings from its parents', async () => {
    const repo = TestRepo.init(makeTmpDir('commit-diffs'));
    const base = repo.commit({ 'a.txt': 'base\n' });
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit({ 'side.txt': 'from side\n' });
    repo.git('checkout', '-q', '-');
    repo.commit({ 'main.txt': 'from main\n' });
    repo.git('merge', '-q', '--no-commit', '--no-ff', 'side');
    repo.commit({ 'evil.txt': 'added by the merge\n', 'a.txt': 'base\nresolved here\n' }, 'merge side');
    const lines = await added(repo, ['--end-of-options', `${base}..HEAD`, '--']);
    expect(lines.sort()).toEqual(['a.txt:2:resolved here', 'evil.txt:1:added by the merge', 'main.txt:1:from main', 'side.txt:1:from side']);
  });
});
