import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { repoRoot, runCli } from '../helpers/cli.js';
import { git, isolatedGitEnv } from '../helpers/history-repos.js';
import { keyFactory } from '../helpers/keys.js';
import { cleanTmpDirs, makeTmpDir, writeTree, type Tree } from '../helpers/tmp.js';

/**
 * `keywarden hook install/uninstall` and the hooks they write, exercised through real
 * `git commit` and `git push` runs: a key blocks, a clean change passes, an existing hook is
 * chained and put back, hook managers are detected, and a guard that cannot start blocks.
 */
const keys = keyFactory(3_0304);
cleanTmpDirs('all');

function repo(files: Tree = {}): string {
  const dir = makeTmpDir('hook');
  git(dir, ['init', '-q', '-b', 'main', '.']);
  writeTree(dir, { 'README.md': 'hello\n', ...files });
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '--no-verify', '-m', 'initial']);
  return dir;
}

const cli = (cwd: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}) =>
  runCli(args, { cwd, env: { ...isolatedGitEnv, ...options.env }, ...(options.input !== undefined ? { input: options.input } : {}) });

/** Run git with hooks enabled, as a user would; returns status and everything printed. */
function gitWithHooks(cwd: string, args: string[], env: Record<string, string> = {}): { status: number | null; output: string } {
  const run = spawnSync('git', args, { cwd, env: { ...process.env, ...isolatedGitEnv, ...env }, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function commitFiles(dir: string, files: Tree, message = 'change', env: Record<string, string> = {}) {
  writeTree(dir, files);
  git(dir, ['add', '-A']);
  return gitWithHooks(dir, ['commit', '-m', message], env);
}

const head = (dir: string) => git(dir, ['rev-parse', 'HEAD']);
const isExecutable = (path: string) => (statSync(path).mode & 0o111) !== 0;

describe('keywarden hook install: the pre-commit hook through a real git commit', () => {
  it('blocks a commit with a key, and lets a clean one and a marked fake through', async () => {
    const dir = repo();
    const install = await cli(dir, ['hook', 'install']);
    expect(install.code).toBe(0);
    expect(install.stdout).toContain('installed .git/hooks/pre-commit');
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    expect(isExecutable(hook)).toBe(true);

    const key = keys.openrouter();
    const before = head(dir);
    const blocked = commitFiles(dir, { 'src/llm.ts': `\nexport const key = "${key}";\n` });
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain('src/llm.ts:2:21');
    expect(blocked.output).toContain('commit blocked');
    expect(blocked.output).not.toContain(key);
    expect(head(dir)).toBe(before);

    writeTree(dir, { 'src/llm.ts': 'export const key = process.env.OPENROUTER_API_KEY;\n' });
    expect(commitFiles(dir, {}).status).toBe(0);
    expect(commitFiles(dir, { 'test/fixture.ts': `const fake = "${keys.openrouter()}"; // keywarden:allow\n` }).status).toBe(0);
    expect(head(dir)).not.toBe(before);
  });

  it('guards `git commit -a`, which commits unstaged edits of tracked files', async () => {
    const dir = repo({ 'app.env': 'A=1\n' });
    await cli(dir, ['hook', 'install']);
    writeTree(dir, { 'app.env': `A=1\nKEY=${keys.tokenrouterLive()}\n` });
    const run = gitWithHooks(dir, ['commit', '-a', '-m', 'oops']);
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('app.env:2');
  });

  it('installs where core.hooksPath points', async () => {
    const dir = repo();
    git(dir, ['config', 'core.hooksPath', '.githooks']);
    const install = await cli(dir, ['hook', 'install']);
    expect(install.stdout).toContain('installed .githooks/pre-commit');
    expect(existsSync(join(dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    const run = commitFiles(dir, { 'k.env': `K=${keys.openrouter()}\n` });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('k.env:1');
  });

  it('is idempotent', async () => {
    const dir = repo();
    await cli(dir, ['hook', 'install']);
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    const first = readFileSync(hook, 'utf8');
    const again = await cli(dir, ['hook', 'install']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already installed');
    expect(readFileSync(hook, 'utf8')).toBe(first);
    expect(existsSync(`${hook}.keywarden-chained`)).toBe(false);
  });

  it('fails closed: a hook that cannot start keywarden blocks the commit', async () => {
    const dir = repo();
    await cli(dir, ['hook', 'install']);
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, readFileSync(hook, 'utf8').replace(/^node=.*$/m, "node='/nowhere/node'").replace(/^bin=.*$/m, "bin='/nowhere/main.js'"));
    // A PATH with git and the tools the hook uses, but neither node nor npx.
    const bin = makeTmpDir('hook-path');
    for (const tool of ['git', 'dirname', 'cat']) {
      const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
      symlinkSync(found, join(bin, tool));
    }
    const before = head(dir);
    const run = commitFiles(dir, { 'clean.txt': 'nothing secret\n' }, 'change', { PATH: bin });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('cannot run the pre-commit guard');
    expect(head(dir)).toBe(before);
  });
});

describe('keywarden hook install: chaining an existing hook', () => {
  const existing = '#!/bin/sh\necho "lint ran" >> "$(git rev-parse --git-dir)/lint.log"\nexit ${LINT_EXIT:-0}\n';

  it('runs the existing hook first, blocks on either, and uninstall restores it exactly', async () => {
    const dir = repo();
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, existing);
    chmodSync(hook, 0o750);
    const install = await cli(dir, ['hook', 'install']);
    expect(install.stdout).toContain('pre-commit.keywarden-chained');
    expect(readFileSync(`${hook}.keywarden-chained`, 'utf8')).toBe(existing);

    expect(commitFiles(dir, { 'a.txt': 'clean\n' }).status).toBe(0);
    expect(readFileSync(join(dir, '.git', 'lint.log'), 'utf8')).toBe('lint ran\n');
    expect(commitFiles(dir, { 'b.txt': 'clean too\n' }, 'change', { LINT_EXIT: '3' }).status).not.toBe(0);
    const blocked = commitFiles(dir, { 'c.env': `K=${keys.agentrouter()}\n` });
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain('c.env:1');

    const uninstall = await cli(dir, ['hook', 'uninstall']);
    expect(uninstall.code).toBe(0);
    expect(uninstall.stdout).toContain('restored');
    expect(readFileSync(hook, 'utf8')).toBe(existing);
    expect(statSync(hook).mode & 0o777).toBe(0o750);
    expect(existsSync(`${hook}.keywarden-chained`)).toBe(false);
  });

  it('uninstall removes a hook that chained nothing, and leaves foreign hooks alone', async () => {
    const dir = repo();
    await cli(dir, ['hook', 'install', '--pre-push']);
    const uninstall = await cli(dir, ['hook', 'uninstall']);
    expect(uninstall.stdout).toMatch(/removed .git\/hooks\/pre-commit/);
    expect(uninstall.stdout).toMatch(/removed .git\/hooks\/pre-push/);
    expect(existsSync(join(dir, '.git', 'hooks', 'pre-commit'))).toBe(false);

    const foreign = join(dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(foreign, existing, { mode: 0o755 });
    const nothing = await cli(dir, ['hook', 'uninstall']);
    expect(nothing.stdout).toContain('no keywarden hooks');
    expect(readFileSync(foreign, 'utf8')).toBe(existing);
  });
});

describe('keywarden hook install: hook managers', () => {
  it('adds its line to husky hook files instead of a raw hook, and uninstall takes it out again', async () => {
    const original = '#!/usr/bin/env sh\nnpm test\n';
    const dir = repo({ '.husky/pre-commit': original });
    const install = await cli(dir, ['hook', 'install', '--pre-push']);
    expect(install.code).toBe(0);
    expect(install.stdout).toContain('husky');
    expect(existsSync(join(dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    const preCommit = readFileSync(join(dir, '.husky', 'pre-commit'), 'utf8');
    expect(preCommit.startsWith(original)).toBe(true);
    expect(preCommit).toContain('npx --no-install keywarden staged');
    expect(readFileSync(join(dir, '.husky', 'pre-push'), 'utf8')).toContain('npx --no-install keywarden hook pre-push "$@"');
    expect(isExecutable(join(dir, '.husky', 'pre-push'))).toBe(true);
    expect((await cli(dir, ['hook', 'install'])).stdout).toContain('already runs');
    expect(readFileSync(join(dir, '.husky', 'pre-commit'), 'utf8')).toBe(preCommit);

    await cli(dir, ['hook', 'uninstall']);
    expect(readFileSync(join(dir, '.husky', 'pre-commit'), 'utf8')).toBe(original);
    expect(existsSync(join(dir, '.husky', 'pre-push'))).toBe(false);
  });

  it('the husky line blocks a commit once husky runs it', async () => {
    const dir = repo({ '.husky/.keep': '' });
    await cli(dir, ['hook', 'install']);
    // What husky 9 sets up: git runs .husky/_/<hook>, which runs .husky/<hook> with sh -e; keywarden is a devDependency.
    writeTree(dir, { '.husky/_/pre-commit': '#!/bin/sh\nexec sh -e "$(dirname "$0")/../pre-commit" "$@"\n' });
    chmodSync(join(dir, '.husky', '_', 'pre-commit'), 0o755);
    git(dir, ['config', 'core.hooksPath', '.husky/_']);
    writeTree(dir, { 'package.json': '{ "name": "app", "private": true, "devDependencies": { "keywarden": "*" } }\n' });
    writeTree(dir, { 'node_modules/.keep': '' });
    symlinkSync(repoRoot, join(dir, 'node_modules', 'keywarden'));
    writeTree(dir, { 'node_modules/.bin/keywarden': `#!/bin/sh\nexec '${process.execPath}' '${join(repoRoot, 'dist', 'cli', 'main.js')}' "$@"\n` });
    chmodSync(join(dir, 'node_modules', '.bin', 'keywarden'), 0o755);
    writeTree(dir, { '.gitignore': 'node_modules/\n' });
    const run = commitFiles(dir, { 'k.env': `K=${keys.openrouter()}\n` });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('k.env:1');
  });

  it.each([['lefthook.yml'], ['lefthook.yaml'], ['.lefthook.yml']])('prints a lefthook snippet for %s and installs no raw hook', async (file) => {
    const config = 'pre-commit:\n  commands:\n    lint:\n      run: npm run lint\n';
    const dir = repo({ [file]: config });
    const install = await cli(dir, ['hook', 'install', '--pre-push']);
    expect(install.code).toBe(0);
    expect(install.stdout).toContain(`lefthook: ${file} found`);
    expect(install.stdout).toContain('run: npx --no-install keywarden staged');
    expect(install.stdout).toContain('use_stdin: true');
    expect(existsSync(join(dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    expect(readFileSync(join(dir, file), 'utf8')).toBe(config);
  });

  it('prints a pre-commit framework snippet that parses as YAML, and installs no raw hook', async () => {
    const dir = repo({ '.pre-commit-config.yaml': 'repos: []\n' });
    const install = await cli(dir, ['hook', 'install', '--pre-push']);
    expect(install.code).toBe(0);
    expect(install.stdout).toContain('pre-commit: .pre-commit-config.yaml found');
    expect(existsSync(join(dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    const lines = install.stdout.split('\n');
    const start = lines.findIndex((line) => line.includes('- repo: local'));
    const end = lines.findIndex((line, i) => i > start && line.trim() === '');
    const snippet = lines.slice(start, end === -1 ? undefined : end);
    const indent = Math.min(...snippet.map((line) => line.length - line.trimStart().length));
    const repos = parseYaml(`repos:\n${snippet.map((line) => `  ${line.slice(indent)}`).join('\n')}\n`) as { repos: { repo: string; hooks: { id: string; entry: string; stages: string[] }[] }[] };
    expect(repos.repos[0]?.repo).toBe('local');
    expect(repos.repos[0]?.hooks.map((h) => [h.id, h.entry, h.stages])).toEqual([
      ['keywarden', 'npx --no-install keywarden scan', ['pre-commit']],
      ['keywarden-push', 'npx --no-install keywarden hook pre-push', ['pre-push']],
    ]);
  });
});

describe('the pre-push hook', () => {
  const zero = '0'.repeat(40);

  function pushable(): { dir: string; remote: string } {
    const remote = makeTmpDir('remote');
    git(remote, ['init', '-q', '--bare', '.']);
    const dir = repo();
    git(dir, ['remote', 'add', 'origin', remote]);
    return { dir, remote };
  }

  function commitNoVerify(dir: string, files: Tree, message = 'change'): string {
    writeTree(dir, files);
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '--no-verify', '-m', message]);
    return head(dir);
  }

  it('blocks a push of commits that add a key, on an existing branch and on a new one', async () => {
    const { dir, remote } = pushable();
    await cli(dir, ['hook', 'install', '--pre-push']);
    expect(existsSync(join(dir, '.git', 'hooks', 'pre-push'))).toBe(true);
    expect(gitWithHooks(dir, ['push', '-q', '-u', 'origin', 'main']).status).toBe(0);

    const pushed = head(dir);
    commitNoVerify(dir, { 'leak.env': `K=${keys.openrouter()}\n` }, 'add a key');
    commitNoVerify(dir, { 'leak.env': 'K=from-env\n' }, 'remove it again');
    const existing = gitWithHooks(dir, ['push', 'origin', 'main']);
    expect(existing.status).not.toBe(0);
    expect(existing.output).toContain('leak.env:1');
    expect(existing.output).toContain('push blocked');
    expect(git(remote, ['rev-parse', 'main'])).toBe(pushed);

    git(dir, ['checkout', '-q', '-b', 'feature', pushed]);
    commitNoVerify(dir, { 'feature.ts': `const k = "${keys.agentrouter()}";\n` });
    const fresh = gitWithHooks(dir, ['push', 'origin', 'feature']);
    expect(fresh.status).not.toBe(0);
    expect(fresh.output).toContain('feature.ts:1');
    expect(() => git(remote, ['rev-parse', '--verify', 'feature'])).toThrow();
  });

  it('lets a new branch through when only its own commits are clean, ignoring what the remote already has', async () => {
    const { dir } = pushable();
    commitNoVerify(dir, { 'old.env': `K=${keys.openrouter()}\n` }, 'an old leak, already public');
    git(dir, ['push', '-q', '--no-verify', 'origin', 'main']);
    await cli(dir, ['hook', 'install', '--pre-push']);
    git(dir, ['checkout', '-q', '-b', 'topic']);
    commitNoVerify(dir, { 'topic.txt': 'clean\n' });
    expect(gitWithHooks(dir, ['push', 'origin', 'topic']).status).toBe(0);
    expect(gitWithHooks(dir, ['push', 'origin', '--delete', 'topic']).status).toBe(0);
  });

  it('hands the ref lines to a chained pre-push hook too', async () => {
    const { dir } = pushable();
    const hook = join(dir, '.git', 'hooks', 'pre-push');
    writeFileSync(hook, '#!/bin/sh\ncat > "$(git rev-parse --git-dir)/refs-seen"\n', { mode: 0o755 });
    await cli(dir, ['hook', 'install', '--pre-push']);
    expect(gitWithHooks(dir, ['push', '-q', 'origin', 'main']).status).toBe(0);
    expect(readFileSync(join(dir, '.git', 'refs-seen'), 'utf8')).toBe(`refs/heads/main ${head(dir)} refs/heads/main ${zero}\n`);
  });

  it('scans the refs given on stdin, reporting commits as history findings', async () => {
    const { dir } = pushable();
    git(dir, ['push', '-q', 'origin', 'main']);
    const base = head(dir);
    const leak = commitNoVerify(dir, { 'a.env': `\nK=${keys.tokenrouterTest()}\n` });
    const line = `refs/heads/main ${leak} refs/heads/main ${base}\n`;
    const run = await cli(dir, ['hook', 'pre-push', 'origin', 'unused-url', '--format', 'json'], { input: line });
    expect(run.code).toBe(1);
    const [finding] = (JSON.parse(run.stdout) as { findings: { source: string; path: string; line: number; commit: string }[] }).findings;
    expect(finding).toMatchObject({ source: 'history', path: 'a.env', line: 2, commit: leak });

    expect((await cli(dir, ['hook', 'pre-push', 'origin'], { input: `refs/heads/main ${base} refs/heads/main ${base}\n` })).code).toBe(0);
    expect((await cli(dir, ['hook', 'pre-push', 'origin'], { input: `(delete) ${zero} refs/heads/gone ${leak}\n` })).code).toBe(0);
  });

  it('reads the range the pre-commit framework passes in PRE_COMMIT_FROM_REF / PRE_COMMIT_TO_REF', async () => {
    const { dir } = pushable();
    const base = head(dir);
    const leak = commitNoVerify(dir, { 'b.env': `K=${keys.openrouter()}\n` });
    const env = { PRE_COMMIT_FROM_REF: base, PRE_COMMIT_TO_REF: leak, PRE_COMMIT_REMOTE_NAME: 'origin' };
    expect((await cli(dir, ['hook', 'pre-push'], { env })).code).toBe(1);
    expect((await cli(dir, ['hook', 'pre-push'], { env: { ...env, PRE_COMMIT_TO_REF: base } })).code).toBe(0);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  interface Hook {
    id: string;
    entry: string;
    language: string;
    pass_filenames?: boolean;
    always_run?: boolean;
  }
  const hooks = parseYaml(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

  it('declares a node hook that scans the files pre-commit passes', () => {
    const hook = hooks.find((h) => h.id === 'keywarden');
    expect(hook).toMatchObject({ language: 'node' });
    expect(hook?.pass_filenames).not.toBe(false);
    expect(hook?.entry.split(/\s+/).slice(0, 2)).toEqual(['keywarden', 'scan']);
  });

  it('its entry, given files as under `pre-commit run --all-files`, scans them rather than passing vacuously', async () => {
    const hook = hooks.find((h) => h.id === 'keywarden');
    const args = (hook?.entry ?? '').split(/\s+/).slice(1);
    const dir = repo({ 'clean.txt': 'hello\n', 'config/app.env': `KEY=${keys.openrouter()}\n` });
    // pre-commit passes tracked files; nothing is staged, so a staged-only check would pass.
    const files = git(dir, ['ls-files']).split('\n');
    const run = await cli(dir, [...args, ...files]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('config/app.env:1');
    expect((await cli(dir, [...args, 'clean.txt', 'README.md'])).code).toBe(0);
  });
});
