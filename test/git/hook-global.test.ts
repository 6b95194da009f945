/**
 * `core.hooksPath` may name a directory outside the repository, often a global one that every
 * repository of the user runs hooks from (`git config --global core.hooksPath ~/.githooks`).
 * `hook install` in one repository must not quietly put keywarden's hook (or take it away)
 * there for all of them: it refuses with exit 2, naming the directory and the files it would
 * write, unless `--global` says that is what the user wants. Real repositories; install and
 * uninstall run in this process (test/helpers/in-process.ts `hookCommand`), the built CLI keeps
 * `--global` as argv sets it, the refusal as it prints it, and the help.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { git, isolatedGitEnv } from '../helpers/history-repos.js';
import { hookCommand } from '../helpers/in-process.js';
import { cleanTmpDirs, makeFileTmpDir, makeTmpDir, writeTree } from '../helpers/tmp.js';

cleanTmpDirs();
// install and uninstall run git in this process: keep the machine's git config out of it.

/** A repository with README.md committed, made once and copied for each test (a copy costs no git run). */
let template: string | undefined;

/** A repository one level down in a temp dir of its own, so `../` from its top is that dir too. */
function repo(): string {
  if (template === undefined) {
    template = join(makeFileTmpDir('hook-global-template'), 'repo');
    git(makeTmpDir('hook-global-init'), ['init', '-q', '-b', 'main', template]);
    writeTree(template, { 'README.md': 'hello\n' });
    git(template, ['add', '-A']);
    git(template, ['commit', '-q', '--no-verify', '-m', 'initial']);
  }
  const dir = join(makeTmpDir('hook-global'), 'repo');
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** A user's global git config (a file of its own, as `git config --global` writes it), with HOME beside it for `~`. */
function userConfig(hooksPath: string): { env: Record<string, string>; file: string; home: string } {
  const home = makeTmpDir('home');
  const file = join(home, '.gitconfig');
  writeFileSync(file, `[core]\n\thooksPath = ${hooksPath}\n`);
  return { env: { GIT_CONFIG_GLOBAL: file, HOME: home }, file, home };
}

const cli = (cwd: string, args: string[]) => runCli(args, { cwd, env: isolatedGitEnv });
/** `keywarden hook install FLAGS` in this process, git reading its config as `env` says. */
const install = (cwd: string, flags: { prePush?: boolean; global?: boolean }, env: Record<string, string> = {}) => hookCommand('install', cwd, flags, env);

interface Case {
  name: string;
  /** Sets core.hooksPath for `dir`; returns the environment and the hooks directory it means. */
  setup: (dir: string) => { env: Record<string, string>; hooks: string; origin?: string };
}

const cases: Case[] = [
  {
    name: 'an absolute path in the repository config',
    setup: (dir) => {
      const hooks = makeTmpDir('shared-hooks');
      git(dir, ['config', 'core.hooksPath', hooks]);
      return { env: {}, hooks, origin: join(dir, '.git', 'config') };
    },
  },
  {
    name: 'an absolute path in the global config',
    setup: () => {
      const hooks = makeTmpDir('global-hooks');
      const { env, file } = userConfig(hooks);
      return { env, hooks, origin: file };
    },
  },
  {
    name: '~/.githooks in the global config',
    setup: () => {
      const { env, file, home } = userConfig('~/.githooks');
      return { env, hooks: join(home, '.githooks'), origin: file };
    },
  },
  {
    name: 'a relative path that leads out of the repository',
    setup: (dir) => {
      git(dir, ['config', 'core.hooksPath', '../beside-hooks']);
      return { env: {}, hooks: join(dir, '..', 'beside-hooks') };
    },
  },
];

describe('hook install refuses a hooks directory outside the repository unless --global', () => {
  it.each(cases)('$name: exit 2, naming the directory and the files, nothing written', async ({ setup }) => {
    const dir = repo();
    const { env, hooks, origin } = setup(dir);
    const run = await install(dir, { prePush: true }, env);
    expect(run.code, run.stdout).toBe(2);
    expect(run.error).toContain(`core.hooksPath`);
    expect(run.error).toContain(hooks);
    expect(run.error).toContain(join(hooks, 'pre-commit'));
    expect(run.error).toContain(join(hooks, 'pre-push'));
    if (origin) expect(run.error).toContain(origin);
    expect(run.error).toContain('--global');
    expect(existsSync(join(hooks, 'pre-commit'))).toBe(false);
    expect(existsSync(join(hooks, 'pre-push'))).toBe(false);
    expect(existsSync(join(dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
  });

  it.each(cases)('$name: with --global it installs there and says where', async ({ setup }) => {
    const dir = repo();
    const { env, hooks } = setup(dir);
    const run = await install(dir, { global: true }, env);
    expect(run.code, run.error).toBe(0);
    expect(readFileSync(join(hooks, 'pre-commit'), 'utf8')).toContain('keywarden');
    expect(run.stdout).toContain(join(hooks, 'pre-commit'));
  });

  it('names a hook already there, which install would chain', async () => {
    const dir = repo();
    const hooks = makeTmpDir('shared-hooks');
    writeFileSync(join(hooks, 'pre-commit'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    git(dir, ['config', 'core.hooksPath', hooks]);
    const run = await install(dir, {});
    expect(run.code).toBe(2);
    expect(run.error).toContain(`${join(hooks, 'pre-commit')}.keywarden-chained`);
    expect(readFileSync(join(hooks, 'pre-commit'), 'utf8')).toBe('#!/bin/sh\nexit 0\n');
  });

  it('a hooks directory inside the repository needs no --global', async () => {
    const dir = repo();
    git(dir, ['config', 'core.hooksPath', '.githooks']);
    const run = await install(dir, {});
    expect(run.code, run.error).toBe(0);
    expect(readFileSync(join(dir, '.githooks', 'pre-commit'), 'utf8')).toContain('keywarden');
  });
});

describe('hook uninstall refuses it too: removing the hook there unguards every repository that uses it', () => {
  it('exit 2 and the hook stays without --global; removed with it (end to end)', async () => {
    const dir = repo();
    const hooks = makeTmpDir('shared-hooks');
    git(dir, ['config', 'core.hooksPath', hooks]);
    expect((await cli(dir, ['hook', 'install', '--global'])).code).toBe(0);
    const refused = await cli(dir, ['hook', 'uninstall']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`keywarden: core.hooksPath (set in ${join(dir, '.git', 'config')}) points outside this repository, at ${hooks}`);
    expect(refused.stderr).toContain(join(hooks, 'pre-commit'));
    expect(refused.stderr).toContain('--global');
    expect(existsSync(join(hooks, 'pre-commit'))).toBe(true);
    const removed = await cli(dir, ['hook', 'uninstall', '--global']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(existsSync(join(hooks, 'pre-commit'))).toBe(false);
  });
});

it('--global is in the help', async () => {
  const run = await cli(repo(), ['hook', 'install', '--help']);
  expect(run.stdout).toMatch(/--global/);
});
