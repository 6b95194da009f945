import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../src/sources/worktree.js';
import { runCli } from '../helpers/cli.js';
import { git, isolatedGitEnv } from '../helpers/history-repos.js';
import { keyFactory } from '../helpers/keys.js';
import { cleanTmpDirs, makeTmpDir, writeTree, type Tree } from '../helpers/tmp.js';

/**
 * A file git tracks is scanned even when `.gitignore` matches it (it was added with
 * `git add -f`, or before the ignore line was written): git itself keeps committing its
 * changes, so a key in it leaks like any other.
 */
const keys = keyFactory(11_0005);
cleanTmpDirs('all');

const gitignore = '*.env\nbuild/\n/vendor\n';

/** A repository holding `tree`, with `forced` added despite .gitignore, and `untracked` written but never added. */
function repo(tree: Tree, forced: readonly string[], untracked: Tree = {}): string {
  const dir = writeTree(makeTmpDir('tracked'), { '.gitignore': gitignore, ...tree });
  git(dir, ['init', '-q', '-b', 'main', '.']);
  git(dir, ['add', '-A']);
  if (forced.length > 0) git(dir, ['add', '-f', '--', ...forced]);
  git(dir, ['commit', '-q', '--no-verify', '-m', 'initial']);
  writeTree(dir, untracked);
  return dir;
}

async function listed(dir: string, paths: string[] = [dir], gitignoreOn = true): Promise<string[]> {
  const { files } = await listFiles({ root: dir, paths, gitignore: gitignoreOn, exclude: [] });
  return files.map((file) => file.path).sort();
}

describe('tracked files that .gitignore matches', () => {
  it('are listed, at the top, in an ignored directory and in one ignored from the root; ignored untracked files are not', async () => {
    const dir = repo(
      { 'app.env': 'A=1\n', 'build/out.env': 'B=1\n', 'build/deep/more.txt': 'x\n', 'vendor/lib.js': 'x\n', 'src/a.ts': 'x\n' },
      ['app.env', 'build/out.env', 'vendor/lib.js'],
      { 'local.env': 'C=1\n', 'build/untracked.js': 'x\n', 'vendor/other.js': 'x\n' },
    );
    expect(await listed(dir)).toEqual(['.gitignore', 'app.env', 'build/out.env', 'src/a.ts', 'vendor/lib.js']);
  });

  it('scanning a subdirectory lists the tracked files under it, with paths from the top', async () => {
    const dir = repo({ 'sub/keep.env': 'A=1\n', 'sub/b.ts': 'x\n', 'other/x.env': 'x\n' }, ['sub/keep.env', 'other/x.env']);
    expect(await listed(dir, [join(dir, 'sub')])).toEqual(['sub/b.ts', 'sub/keep.env']);
  });

  it('a tracked file deleted from the work tree is not listed', async () => {
    const dir = repo({ 'gone.env': 'A=1\n', 'kept.env': 'A=1\n' }, ['gone.env', 'kept.env'], { 'untracked.env': 'x\n' });
    rmSync(join(dir, 'gone.env'));
    expect(await listed(dir)).toEqual(['.gitignore', 'kept.env']);
  });

  it('scan . reports a key in a tracked ignored file (exit 1); before, it passed with exit 0', async () => {
    const key = keys.openrouter();
    const dir = repo({ 'deploy/prod.env': `OPENROUTER_API_KEY=${key}\n`, 'README.md': 'hi\n' }, ['deploy/prod.env']);
    const run = await runCli(['scan', '.', '--format', 'json'], { cwd: dir, env: isolatedGitEnv });
    expect(run.code, run.stderr).toBe(1);
    expect((JSON.parse(run.stdout) as { findings: { path: string; line: number }[] }).findings.map((f) => [f.path, f.line])).toEqual([['deploy/prod.env', 1]]);
  });

  it('outside a git work tree, .gitignore alone decides', async () => {
    const dir = writeTree(makeTmpDir('tracked'), { '.gitignore': gitignore, 'app.env': 'A=1\n', 'a.ts': 'x\n' });
    expect(await listed(dir)).toEqual(['.gitignore', 'a.ts']);
  });
});
