import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { addHuskyHook, detectFrameworks, hookScript, installHook, removeHuskyHook, uninstallHook } from '../../src/sources/hooks.js';
import { cliPath, repoRoot, runCli, withoutCaBundle } from '../helpers/cli.js';
import { git, isolatedGitEnv, TestRepo } from '../helpers/history-repos.js';
import { hookCommand, jsonFindings, prePush, scan } from '../helpers/in-process.js';
import { keyFactory } from '../helpers/keys.js';
import { cleanTmpDirs, makeFileTmpDir, makeTmpDir, writeTree, type Tree } from '../helpers/tmp.js';

/**
 * `keywarden hook install/uninstall` and the hooks they write: a key blocks, a clean change
 * passes, an existing hook is chained and put back, hook managers are detected, and a guard
 * that cannot start blocks. What install and uninstall write, print and refuse runs in this
 * process (test/helpers/in-process.ts `hookCommand`), as does what `hook pre-push` finds for
 * the ref lines git hands it (`prePush`); git really running the installed hooks keeps real
 * `git commit` and `git push` runs, one per behaviour, and the built bin keeps one install,
 * one refusal and the pre-commit framework's entry.
 */
const keys = keyFactory(3_0304);
cleanTmpDirs('all');
// install, uninstall and pre-push run git in this process: keep the machine's git config out of it.

/** A repository with README.md committed, made once and copied for each test (a copy costs no git run). */
let template: string | undefined;

/** A fresh repository: README.md committed, then `files` in a commit of their own. */
function repo(files: Tree = {}): string {
  if (template === undefined) {
    template = makeFileTmpDir('hook-template');
    TestRepo.init(template).commit({ 'README.md': 'hello\n' }, 'initial');
    // As git's default template leaves it (the tests' git runs with an empty one): existing hooks go here.
    mkdirSync(join(template, '.git', 'hooks'));
  }
  const dir = makeTmpDir('hook');
  cpSync(template, dir, { recursive: true });
  if (Object.keys(files).length > 0) new TestRepo(dir).commit(files, 'files');
  return dir;
}

const cli = (cwd: string, args: string[]) => runCli(args, { cwd, env: isolatedGitEnv });
/** `keywarden hook install FLAGS` / `uninstall` in this process; the hooks it writes call back the built bin. */
const install = (cwd: string, flags: { prePush?: boolean; global?: boolean } = {}) => hookCommand('install', cwd, flags);
const uninstall = (cwd: string) => hookCommand('uninstall', cwd);

/** Run git with hooks enabled, as a user would; returns status and everything printed. */
function gitWithHooks(cwd: string, args: string[], env: Record<string, string> = {}): { status: number | null; output: string } {
  const run = spawnSync('git', args, { cwd, env: { ...withoutCaBundle(process.env), ...isolatedGitEnv, ...env }, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function commitFiles(dir: string, files: Tree, message = 'change', env: Record<string, string> = {}) {
  writeTree(dir, files);
  git(dir, ['add', '-A']);
  return gitWithHooks(dir, ['commit', '-m', message], env);
}

const head = (dir: string) => git(dir, ['rev-parse', 'HEAD']);
const isExecutable = (path: string) => (statSync(path).mode & 0o111) !== 0;

/** A directory of links to the tools a hook needs, for a PATH with neither node nor npx (plus `extra` scripts). */
function toolsDir(extra: Record<string, string> = {}): string {
  const bin = makeTmpDir('hook-path');
  for (const tool of ['git', 'dirname', 'cat']) {
    const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    symlinkSync(found, join(bin, tool));
  }
  for (const [name, script] of Object.entries(extra)) writeFileSync(join(bin, name), script, { mode: 0o755 });
  return bin;
}

/** Point an installed hook at a node and a bin that do not exist, as after the global install it recorded was removed. */
function breakLauncher(hook: string, parts: { node?: boolean; bin?: boolean } = { node: true, bin: true }): void {
  let text = readFileSync(hook, 'utf8');
  if (parts.node) text = text.replace(/^node=.*$/m, "node='/nowhere/node'");
  if (parts.bin) text = text.replace(/^bin=.*$/m, "bin='/nowhere/main.js'");
  writeFileSync(hook, text);
}

/** A project-local keywarden, as `npm install` leaves it in node_modules/.bin, that records each run in `log`. */
function localBin(dir: string, log: string): void {
  const script = `#!/bin/sh\necho ran >> '${log}'\nexec '${process.execPath}' '${cliPath}' "$@"\n`;
  writeTree(dir, { 'node_modules/.bin/keywarden': script, '.gitignore': 'node_modules/\n' });
  chmodSync(join(dir, 'node_modules', '.bin', 'keywarden'), 0o755);
}

/**
 * Where `hook install` may write in a fresh repository: its top and its git dir (as the command
 * asks git for them). For the runs in this process of what the command does with each hook file.
 */
const rootsOf = (dir: string) => [dir, join(dir, '.git')];
const launcherFor = { node: process.execPath, bin: cliPath };

/** Characters a shell would act on if a path were not quoted. */
const nastyName = `it's "q" $HOME \`touch pwned\` $(touch pwned2) dir`;

describe('keywarden hook install: the pre-commit hook through a real git commit', () => {
  it('blocks a commit with a key, and lets a clean one and a marked fake through (installed by the bin)', async () => {
    const dir = repo();
    const install = await cli(dir, ['hook', 'install', '--pre-push']);
    expect(install.code).toBe(0);
    expect(install.stdout).toContain('installed .git/hooks/pre-commit');
    expect(install.stdout).toContain('installed .git/hooks/pre-push');
    // The node and bin it records: what the runs in this process record too (`hookCommand`).
    expect(install.stdout).toContain(`it runs ${cliPath} with ${process.execPath}`);
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

    // One commit: the key replaced, and a marked fake beside it.
    const clean = commitFiles(dir, { 'src/llm.ts': 'export const key = process.env.OPENROUTER_API_KEY;\n', 'test/fixture.ts': `const fake = "${keys.openrouter()}"; // keywarden:allow\n` });
    expect(clean.status, clean.output).toBe(0);
    expect(head(dir)).not.toBe(before);
    expect(git(dir, ['show', '--name-only', '--format=', 'HEAD']).split('\n').sort()).toEqual(['src/llm.ts', 'test/fixture.ts']);
  });

  it('guards `git commit -a`, which commits unstaged edits of tracked files', async () => {
    const dir = repo({ 'app.env': 'A=1\n' });
    await install(dir);
    writeTree(dir, { 'app.env': `A=1\nKEY=${keys.tokenrouterLive()}\n` });
    const run = gitWithHooks(dir, ['commit', '-a', '-m', 'oops']);
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('app.env:2');
  });

  it('installs where core.hooksPath points', async () => {
    const dir = repo();
    git(dir, ['config', 'core.hooksPath', '.githooks']);
    expect((await install(dir)).stdout).toContain('installed .githooks/pre-commit');
    expect(existsSync(join(dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    const run = commitFiles(dir, { 'k.env': `K=${keys.openrouter()}\n` });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('k.env:1');
  });

  it('is idempotent', async () => {
    const dir = repo();
    await install(dir);
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    const first = readFileSync(hook, 'utf8');
    const again = await install(dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already installed');
    expect(readFileSync(hook, 'utf8')).toBe(first);
    expect(existsSync(`${hook}.keywarden-chained`)).toBe(false);
  });

  it('fails closed: a hook that cannot start keywarden blocks the commit', async () => {
    const dir = repo();
    await install(dir);
    breakLauncher(join(dir, '.git', 'hooks', 'pre-commit'));
    const before = head(dir);
    const run = commitFiles(dir, { 'clean.txt': 'nothing secret\n' }, 'change', { PATH: toolsDir() });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('cannot run the pre-commit guard');
    expect(head(dir)).toBe(before);
  });

  it.each(['pre-commit', 'pre-push'] as const)('the %s hook never falls back to npx (which would ask the registry), and exits 2, not 1', async (name) => {
    const dir = repo();
    await install(dir, { prePush: true });
    const hook = join(dir, '.git', 'hooks', name);
    breakLauncher(hook);
    const called = join(makeTmpDir('npx-called'), 'log');
    const path = toolsDir({ npx: `#!/bin/sh\necho "$@" >> '${called}'\nexit 1\n`, node: `#!/bin/sh\necho node >> '${called}'\nexit 1\n` });
    const run = spawnSync(hook, [], { cwd: dir, env: { ...isolatedGitEnv, PATH: path }, input: '', encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`cannot run the ${name} guard`);
    expect(run.stderr).toContain('node_modules/.bin/keywarden');
    expect(existsSync(called)).toBe(false);
  });

  it("falls back to the project's node_modules/.bin/keywarden, in a directory whose name a shell would act on", async () => {
    const dir = makeTmpDir(nastyName);
    git(dir, ['init', '-q', '-b', 'main', '.']);
    const log = join(makeTmpDir('local-bin'), 'log');
    localBin(dir, log);
    writeTree(dir, { 'README.md': 'hello\n' });
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '--no-verify', '-m', 'initial']);
    await install(dir);
    breakLauncher(join(dir, '.git', 'hooks', 'pre-commit'), { bin: true });
    const path = toolsDir();
    const blocked = commitFiles(dir, { 'k.env': `K=${keys.openrouter()}\n` }, 'change', { PATH: path });
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain('k.env:1');
    writeTree(dir, { 'k.env': 'K=from-env\n' });
    expect(commitFiles(dir, {}, 'change', { PATH: path }).status).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('ran\nran\n');
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
    expect(existsSync(join(dir, 'pwned2'))).toBe(false);
  });

  it('quotes the recorded node and bin, whatever characters their paths hold', () => {
    const dir = repo();
    const odd = join(makeTmpDir('odd-bin'), nastyName);
    mkdirSync(odd);
    symlinkSync(cliPath, join(odd, 'main.js'));
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, hookScript('pre-commit', { node: process.execPath, bin: join(odd, 'main.js') }), { mode: 0o755 });
    const run = commitFiles(dir, { 'k.env': `K=${keys.openrouter()}\n` });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('k.env:1');
    for (const where of [dir, odd, join(odd, '..')]) {
      expect(existsSync(join(where, 'pwned'))).toBe(false);
      expect(existsSync(join(where, 'pwned2'))).toBe(false);
    }
  });
});

describe('keywarden hook install: chaining an existing hook', () => {
  const existing = '#!/bin/sh\necho "lint ran" >> "$(git rev-parse --git-dir)/lint.log"\nexit ${LINT_EXIT:-0}\n';

  it('runs the existing hook first, blocks on either, and uninstall restores it exactly', async () => {
    const dir = repo();
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, existing);
    chmodSync(hook, 0o750);
    expect((await install(dir)).stdout).toContain('pre-commit.keywarden-chained');
    expect(readFileSync(`${hook}.keywarden-chained`, 'utf8')).toBe(existing);

    expect(commitFiles(dir, { 'a.txt': 'clean\n' }).status).toBe(0);
    expect(readFileSync(join(dir, '.git', 'lint.log'), 'utf8')).toBe('lint ran\n');
    expect(commitFiles(dir, { 'b.txt': 'clean too\n' }, 'change', { LINT_EXIT: '3' }).status).not.toBe(0);
    const blocked = commitFiles(dir, { 'c.env': `K=${keys.agentrouter()}\n` });
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain('c.env:1');

    const removed = await uninstall(dir);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('restored');
    expect(readFileSync(hook, 'utf8')).toBe(existing);
    expect(statSync(hook).mode & 0o777).toBe(0o750);
    expect(existsSync(`${hook}.keywarden-chained`)).toBe(false);
  });

  it('uninstall removes a hook that chained nothing, and leaves foreign hooks alone', async () => {
    const dir = repo();
    await install(dir, { prePush: true });
    const removed = await uninstall(dir);
    expect(removed.stdout).toMatch(/removed .git\/hooks\/pre-commit/);
    expect(removed.stdout).toMatch(/removed .git\/hooks\/pre-push/);
    expect(existsSync(join(dir, '.git', 'hooks', 'pre-commit'))).toBe(false);

    const foreign = join(dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(foreign, existing, { mode: 0o755 });
    const nothing = await uninstall(dir);
    expect(nothing.stdout).toContain('no keywarden hooks');
    expect(readFileSync(foreign, 'utf8')).toBe(existing);
  });
  // What install and uninstall do with each hook file, run in this process; the command's own runs are above.
  it("takes a hook for keywarden's only by the marker line it writes, not by the marker anywhere in the file", () => {
    const mentions = '#!/bin/sh\n# runs lint; keywarden (see # keywarden-hook pre-commit in its docs) runs after\nnpm run lint\n';
    const dir = repo();
    const hooks = join(dir, '.git', 'hooks');
    const hook = join(hooks, 'pre-commit');
    writeFileSync(hook, mentions, { mode: 0o755 });
    expect(uninstallHook(hooks, 'pre-commit', rootsOf(dir)).action).toBe('absent');
    expect(readFileSync(hook, 'utf8')).toBe(mentions);

    expect(installHook(hooks, 'pre-commit', launcherFor, rootsOf(dir))).toEqual({ action: 'installed', path: hook, chained: `${hook}.keywarden-chained` });
    expect(readFileSync(`${hook}.keywarden-chained`, 'utf8')).toBe(mentions);
    expect(uninstallHook(hooks, 'pre-commit', rootsOf(dir)).action).toBe('restored');
    expect(readFileSync(hook, 'utf8')).toBe(mentions);
    expect(existsSync(`${hook}.keywarden-chained`)).toBe(false);
  });
});

describe('keywarden hook install: never writes through a symlink or outside the repository', () => {
  /** A file outside the repository that a committed symlink points at. */
  function victim(content: string | undefined): string {
    const path = join(makeTmpDir('victim'), 'profile');
    if (content !== undefined) writeFileSync(path, content);
    return path;
  }

  /** A block that got there some other way, which uninstall must not take out through the link either. */
  const planted = (content: string | undefined) =>
    `${content ?? ''}# keywarden >>> added by \`keywarden hook install\`; \`keywarden hook uninstall\` removes this block\nnpx --no-install keywarden staged\n# keywarden <<<\n`;

  it.each([
    ['an existing file', 'export PATH=/usr/bin\n'],
    ['a dangling link', undefined],
  ])('refuses a .husky hook that is a symlink to %s, on install and on uninstall (in process)', (_what, content) => {
    const target = victim(content);
    const dir = repo({ '.husky/.keep': '' });
    const husky = join(dir, '.husky');
    symlinkSync(target, join(husky, 'pre-commit'));
    expect(() => addHuskyHook(husky, 'pre-commit', dir)).toThrow(/\.husky\/pre-commit.*symbolic link/);
    if (content === undefined) expect(existsSync(target)).toBe(false);
    else expect(readFileSync(target, 'utf8')).toBe(content);
    expect(lstatSync(join(husky, 'pre-commit')).isSymbolicLink()).toBe(true);
    writeFileSync(target, planted(content));
    expect(() => removeHuskyHook(husky, 'pre-commit', dir)).toThrow(/symbolic link/);
    expect(readFileSync(target, 'utf8')).toBe(planted(content));
  });

  it('refuses a .husky hook that is a symlink to an existing file, on install (end to end) and on uninstall', async () => {
    const content = 'export PATH=/usr/bin\n';
    const target = victim(content);
    const dir = repo({ '.husky/.keep': '' });
    symlinkSync(target, join(dir, '.husky', 'pre-commit'));
    const install = await cli(dir, ['hook', 'install']);
    expect(install.code).toBe(2);
    expect(install.stderr).toMatch(/\.husky\/pre-commit.*symbolic link/);
    expect(readFileSync(target, 'utf8')).toBe(content);
    expect(lstatSync(join(dir, '.husky', 'pre-commit')).isSymbolicLink()).toBe(true);

    // uninstall's refusal as the command makes it; as the bin prints one: hook-global.test.ts.
    writeFileSync(target, planted(content));
    const refused = await uninstall(dir);
    expect(refused.code).toBe(2);
    expect(refused.error).toContain('symbolic link');
    expect(readFileSync(target, 'utf8')).toBe(planted(content));
  });

  it('refuses a .husky directory that is a symlink', async () => {
    const outside = makeTmpDir('victim-dir');
    const dir = repo();
    symlinkSync(outside, join(dir, '.husky'));
    const refused = await install(dir, { prePush: true });
    expect(refused.code).toBe(2);
    expect(refused.error).toMatch(/\.husky.*symbolic link/);
    expect(existsSync(join(outside, 'pre-commit'))).toBe(false);
    expect(existsSync(join(outside, 'pre-push'))).toBe(false);
  });

  it('refuses a hooks directory (core.hooksPath) that leads outside the repository', async () => {
    const outside = makeTmpDir('victim-hooks');
    const dir = repo();
    symlinkSync(outside, join(dir, '.githooks'));
    git(dir, ['config', 'core.hooksPath', '.githooks']);
    const refused = await install(dir);
    expect(refused.code).toBe(2);
    expect(refused.error).toMatch(/outside/);
    expect(existsSync(join(outside, 'pre-commit'))).toBe(false);
  });

  it('installs into a hooks directory the user configured outside the repository (global hooks) when --global says so', async () => {
    const globalHooks = makeTmpDir('global-hooks');
    const dir = repo();
    git(dir, ['config', 'core.hooksPath', globalHooks]);
    // Without --global it refuses: see hook-global.test.ts.
    expect((await install(dir, { global: true })).code).toBe(0);
    expect(readFileSync(join(globalHooks, 'pre-commit'), 'utf8')).toContain('keywarden');
  });

  it("moves a raw hook that is a symlink aside without writing through it, even one whose target carries keywarden's marker (in process)", () => {
    const dir = repo();
    const hooks = join(dir, '.git', 'hooks');
    const hook = join(hooks, 'pre-commit');
    const script = hookScript('pre-commit', { node: process.execPath, bin: '/nowhere/main.js' });
    const target = victim(script);
    symlinkSync(target, hook);
    expect(installHook(hooks, 'pre-commit', launcherFor, rootsOf(dir)).action).toBe('installed');
    expect(readFileSync(target, 'utf8')).toBe(script);
    expect(lstatSync(hook).isSymbolicLink()).toBe(false);
    expect(readlinkSync(`${hook}.keywarden-chained`)).toBe(target);
    expect(uninstallHook(hooks, 'pre-commit', rootsOf(dir)).action).toBe('restored');
    expect(readlinkSync(hook)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe(script);
  });
});

describe('keywarden hook install: hook managers', () => {
  it('adds its line to husky hook files instead of a raw hook, and uninstall takes it out again', async () => {
    const original = '#!/usr/bin/env sh\nnpm test\n';
    const dir = repo({ '.husky/pre-commit': original });
    const installed = await install(dir, { prePush: true });
    expect(installed.code).toBe(0);
    expect(installed.stdout).toContain('husky');
    expect(existsSync(join(dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    const preCommit = readFileSync(join(dir, '.husky', 'pre-commit'), 'utf8');
    expect(preCommit.startsWith(original)).toBe(true);
    expect(preCommit).toContain('npx --no-install keywarden staged');
    expect(readFileSync(join(dir, '.husky', 'pre-push'), 'utf8')).toContain('npx --no-install keywarden hook pre-push "$@"');
    expect(isExecutable(join(dir, '.husky', 'pre-push'))).toBe(true);
    expect((await install(dir)).stdout).toContain('already runs');
    expect(readFileSync(join(dir, '.husky', 'pre-commit'), 'utf8')).toBe(preCommit);

    await uninstall(dir);
    expect(readFileSync(join(dir, '.husky', 'pre-commit'), 'utf8')).toBe(original);
    expect(existsSync(join(dir, '.husky', 'pre-push'))).toBe(false);
  });

  it('the husky line blocks a commit once husky runs it', async () => {
    const dir = repo({ '.husky/.keep': '' });
    await install(dir);
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

  it('says plainly that the husky line does not run yet when husky is not active in the clone', async () => {
    const dir = repo({ '.husky/.keep': '' });
    const inactive = await install(dir);
    expect(inactive.code).toBe(0);
    expect(inactive.stdout).toContain('husky is not active in this clone');
    expect(inactive.stdout).toContain('`npx husky`');
    expect(inactive.stdout).toMatch(/commits are NOT guarded/);

    git(dir, ['config', 'core.hooksPath', '.husky/_']);
    const active = await install(dir);
    expect(active.stdout).not.toContain('not active');
    expect(active.stdout).not.toContain('NOT guarded');
  });

  it.each([['lefthook.yml'], ['lefthook.yaml'], ['.lefthook.yml']])('finds lefthook by %s', (file) => {
    const dir = makeTmpDir('lefthook');
    writeFileSync(join(dir, file), 'pre-commit:\n');
    expect(detectFrameworks(dir)).toEqual({ lefthook: file });
  });

  it('prints a lefthook snippet for lefthook.yml and installs no raw hook', async () => {
    const file = 'lefthook.yml';
    const config = 'pre-commit:\n  commands:\n    lint:\n      run: npm run lint\n';
    const dir = repo({ [file]: config });
    const printed = await install(dir, { prePush: true });
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain(`lefthook: ${file} found`);
    expect(printed.stdout).toContain('Nothing was installed');
    expect(printed.stdout).toMatch(/commits and pushes are NOT guarded/);
    expect(printed.stdout).not.toMatch(/^installed/m);
    // The exact snippet, indented as printed.
    expect(printed.stdout).toContain(
      [
        '    pre-commit:',
        '      commands:',
        '        keywarden:',
        '          run: npx --no-install keywarden staged',
        '    pre-push:',
        '      commands:',
        '        keywarden:',
        '          run: npx --no-install keywarden hook pre-push {1}',
        '          use_stdin: true',
      ].join('\n'),
    );
    expect(existsSync(join(dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    expect(readFileSync(join(dir, file), 'utf8')).toBe(config);
  });

  it('prints a pre-commit framework snippet that parses as YAML, and installs no raw hook', async () => {
    const dir = repo({ '.pre-commit-config.yaml': 'repos: []\n' });
    const printed = await install(dir, { prePush: true });
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('pre-commit: .pre-commit-config.yaml found');
    expect(printed.stdout).toContain('Nothing was installed');
    expect(printed.stdout).toContain('pre-commit install --hook-type pre-commit --hook-type pre-push');
    expect(printed.stdout).toMatch(/commits and pushes are NOT guarded/);
    expect(existsSync(join(dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    const lines = printed.stdout.split('\n');
    const start = lines.findIndex((line) => line.includes('- repo: local'));
    const end = lines.findIndex((line, i) => i > start && line.trim() === '');
    const snippet = lines.slice(start, end === -1 ? undefined : end);
    const indent = Math.min(...snippet.map((line) => line.length - line.trimStart().length));
    const repos = parseYaml(`repos:\n${snippet.map((line) => `  ${line.slice(indent)}`).join('\n')}\n`) as { repos: { repo: string; hooks: { id: string; entry: string; stages: string[] }[] }[] };
    expect(repos.repos[0]?.repo).toBe('local');
    expect(repos.repos[0]?.hooks.map((h) => [h.id, h.entry, h.stages])).toEqual([
      ['keywarden', 'npx --no-install keywarden scan --', ['pre-commit']],
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

  /** Commit without running hooks; returns the commit id. */
  const commitNoVerify = (dir: string, files: Tree, message = 'change'): string => new TestRepo(dir).commit(files, message);

  interface PushFinding {
    source: string;
    path: string;
    line: number;
    commit: string;
  }
  const pushFindings = (run: { report: string }) => jsonFindings<PushFinding>(run);

  it('blocks a push of commits that add a key, on an existing branch and on a new one', async () => {
    const { dir, remote } = pushable();
    git(dir, ['push', '-q', '--no-verify', '-u', 'origin', 'main']);
    await install(dir, { prePush: true });
    expect(existsSync(join(dir, '.git', 'hooks', 'pre-push'))).toBe(true);

    const pushed = head(dir);
    commitNoVerify(dir, { 'leak.env': `K=${keys.openrouter()}\n` }, 'add a key');
    commitNoVerify(dir, { 'leak.env': 'K=from-env\n' }, 'remove it again');
    const existing = gitWithHooks(dir, ['push', 'origin', 'main']);
    expect(existing.status).not.toBe(0);
    expect(existing.output).toContain('leak.env:1');
    expect(existing.output).toContain('push blocked');
    expect(git(remote, ['rev-parse', 'main'])).toBe(pushed);

    // A new branch: the line git hands the hook names no remote commit (see the chained hook's test below).
    git(dir, ['checkout', '-q', '-b', 'feature', pushed]);
    const feature = commitNoVerify(dir, { 'feature.ts': `const k = "${keys.agentrouter()}";\n` });
    const fresh = await prePush(dir, { remote: 'origin', stdin: `refs/heads/feature ${feature} refs/heads/feature ${zero}\n`, format: 'json' });
    expect(fresh.code).toBe(1);
    expect(pushFindings(fresh).map((f) => `${f.path}:${f.line}`)).toEqual(['feature.ts:1']);
  });

  it('lets a new branch through when only its own commits are clean, ignoring what the remote already has', async () => {
    const { dir } = pushable();
    commitNoVerify(dir, { 'old.env': `K=${keys.openrouter()}\n` }, 'an old leak, already public');
    git(dir, ['push', '-q', '--no-verify', 'origin', 'main']);
    git(dir, ['checkout', '-q', '-b', 'topic']);
    const topic = commitNoVerify(dir, { 'topic.txt': 'clean\n' });
    expect((await prePush(dir, { remote: 'origin', stdin: `refs/heads/topic ${topic} refs/heads/topic ${zero}\n` })).code).toBe(0);
    expect((await prePush(dir, { remote: 'origin', stdin: `(delete) ${zero} refs/heads/topic ${topic}\n` })).code).toBe(0);
  });

  it('hands the ref lines to a chained pre-push hook too, and lets a clean push through', async () => {
    const { dir, remote } = pushable();
    const hook = join(dir, '.git', 'hooks', 'pre-push');
    writeFileSync(hook, '#!/bin/sh\ncat > "$(git rev-parse --git-dir)/refs-seen"\n', { mode: 0o755 });
    await install(dir, { prePush: true });
    expect(gitWithHooks(dir, ['push', '-q', 'origin', 'main']).status).toBe(0);
    expect(readFileSync(join(dir, '.git', 'refs-seen'), 'utf8')).toBe(`refs/heads/main ${head(dir)} refs/heads/main ${zero}\n`);
    expect(git(remote, ['rev-parse', 'main'])).toBe(head(dir));
  });

  it('scans the refs given on stdin, reporting commits as history findings', async () => {
    const { dir } = pushable();
    git(dir, ['push', '-q', 'origin', 'main']);
    const base = head(dir);
    const leak = commitNoVerify(dir, { 'a.env': `\nK=${keys.tokenrouterTest()}\n` });
    const line = `refs/heads/main ${leak} refs/heads/main ${base}\n`;
    const run = await prePush(dir, { remote: 'origin', stdin: line, format: 'json' });
    expect(run.code).toBe(1);
    const [finding] = pushFindings(run);
    expect(finding).toMatchObject({ source: 'history', path: 'a.env', line: 2, commit: leak });

    expect((await prePush(dir, { remote: 'origin', stdin: `refs/heads/main ${base} refs/heads/main ${base}\n` })).code).toBe(0);
    expect((await prePush(dir, { remote: 'origin', stdin: `(delete) ${zero} refs/heads/gone ${leak}\n` })).code).toBe(0);
  });

  it('reads the range the pre-commit framework passes in PRE_COMMIT_FROM_REF / PRE_COMMIT_TO_REF', async () => {
    const { dir } = pushable();
    const base = head(dir);
    const leak = commitNoVerify(dir, { 'b.env': `K=${keys.openrouter()}\n` });
    const env = { PRE_COMMIT_FROM_REF: base, PRE_COMMIT_TO_REF: leak, PRE_COMMIT_REMOTE_NAME: 'origin' };
    expect((await prePush(dir, {}, env)).code).toBe(1);
    expect((await prePush(dir, {}, { ...env, PRE_COMMIT_TO_REF: base })).code).toBe(0);
  });

  it("with no ref lines, scans every local branch's commits that no remote-tracking ref has, not only HEAD's", async () => {
    const { dir } = pushable();
    commitNoVerify(dir, { 'old.env': `K=${keys.openrouter()}\n` }, 'an old leak, already public');
    git(dir, ['push', '-q', '--no-verify', 'origin', 'main']);
    git(dir, ['checkout', '-q', '-b', 'leaky']);
    const leak = commitNoVerify(dir, { 'leaky.env': `K=${keys.agentrouter()}\n` });
    git(dir, ['checkout', '-q', 'main']);
    commitNoVerify(dir, { 'clean.txt': 'clean\n' });
    // Another command in a shared hook read git's lines first: stdin is empty.
    const run = await prePush(dir, { remote: 'origin', stdin: '', format: 'json' });
    expect(run.code).toBe(1);
    expect(pushFindings(run).map((f) => [f.path, f.commit])).toEqual([['leaky.env', leak]]);

    git(dir, ['branch', '-q', '-D', 'leaky']);
    expect((await prePush(dir, { remote: 'origin', stdin: '' })).code).toBe(0);
  });

  it('with no ref lines, fails closed (exit 2) when git cannot walk the local branches', async () => {
    const { dir } = pushable();
    git(dir, ['push', '-q', 'origin', 'main']);
    const lost = commitNoVerify(dir, { 'a.txt': 'clean\n' });
    // A commit object gone missing (a broken or partial clone): HEAD cannot be read, nor the branch walked.
    unlinkSync(join(dir, '.git', 'objects', lost.slice(0, 2), lost.slice(2)));
    const run = await prePush(dir, { remote: 'origin', stdin: '' });
    expect(run.code).toBe(2);
    expect(run.error).toContain('git log');
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
    expect(hook?.entry.split(/\s+/)).toEqual(['keywarden', 'scan', '--']);
  });

  it('its entry reads every file name as a path: files named --help, --version or -o are scanned, not obeyed', async () => {
    const hook = hooks.find((h) => h.id === 'keywarden');
    const args = (hook?.entry ?? '').split(/\s+/).slice(1);
    const dir = repo({ '--help': `KEY=${keys.openrouter()}\n`, '--version': 'v1\n', '-o': 'x\n' });
    const files = git(dir, ['ls-files']).split('\n');
    expect(files).toEqual(['--help', '--version', '-o', 'README.md']);
    const run = await cli(dir, [...args, ...files]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('--help:1');
    // `-o README.md` must not have written a report over README.md.
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('hello\n');
  });

  it('its entry, given files as under `pre-commit run --all-files`, scans them rather than passing vacuously', async () => {
    const hook = hooks.find((h) => h.id === 'keywarden');
    const args = (hook?.entry ?? '').split(/\s+/).slice(1);
    const dir = repo({ 'clean.txt': 'hello\n', 'config/app.env': `KEY=${keys.openrouter()}\n` });
    // pre-commit passes tracked files; nothing is staged, so a staged-only check would pass.
    // What the entry's arguments become is the test above's (the bin); here, what the scan of those files finds.
    expect(args).toEqual(['scan', '--']);
    const files = git(dir, ['ls-files']).split('\n');
    const run = await scan(dir, { paths: files });
    expect(run.code).toBe(1);
    expect(run.report).toContain('config/app.env:1');
    expect((await scan(dir, { paths: ['clean.txt', 'README.md'] })).code).toBe(0);
  });
});
