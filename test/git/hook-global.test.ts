/**
 * `core.hooksPath` may name a directory outside the repository, often a global one that every
 * repository of the user runs hooks from (`git config --global core.hooksPath ~/.githooks`).
 * `hook install` in one repository must not quietly put keywarden's hook (or take it away)
 * there for all of them: it refuses with exit 2, naming the directory and the files it would
 * write, unless `--global` says that is what the user wants. Real repositories, the built CLI.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { git, isolatedGitEnv } from '../helpers/history-repos.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';

cleanTmpDirs();

/** A repository one level down in a temp dir of its own, so `../` from its top is that dir too. */
function repo(): string {
  const dir = join(makeTmpDir('hook-global'), 'repo');
  git(makeTmpDir('hook-global-init'), ['init', '-q', '-b', 'main', dir]);
  writeTree(dir, { 'README.md': 'hello\n' });
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '--no-verify', '-m', 'initial']);
  return dir;
}

/** A user's global git config (a file of its own, as `git config --global` writes it), with HOME beside it for `~`. */
function userConfig(hooksPath: string): { env: Record<string, string>; file: string; home: string } {
  const home = makeTmpDir('home');
  const file = join(home, '.gitconfig');
  writeFileSync(file, `[core]\n\thooksPath = ${hooksPath}\n`);
  return { env: { GIT_CONFIG_GLOBAL: file, HOME: home }, file, home };
}

const cli = (cwd: string, args: string[], env: Record<string, string> = {}) => runCli(args, { cwd, env: { ...isolatedGitEnv, ...env } });

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
    const run = await cli(dir, ['hook', 'install', '--pre-push'], env);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`core.hooksPath`);
    expect(run.stderr).toContain(hooks);
    expect(run.stderr).toContain(join(hooks, 'pre-commit'));
    expect(run.stderr).toContain(join(hooks, 'pre-push'));
    if (origin) expect(run.stderr).toContain(origin);
    expect(run.stderr).toContain('--global');
    expect(existsSync(join(hooks, 'pre-commit'))).toBe(false);
    expect(existsSync(join(hooks, 'pre-push'))).toBe(false);
    expect(existsSync(join(dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
  });

  it.each(cases)('$name: with --global it installs there and says where', async ({ setup }) => {
    const dir = repo();
    const { env, hooks } = setup(dir);
    const run = await cli(dir, ['hook', 'install', '--global'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(hooks, 'pre-commit'), 'utf8')).toContain('keywarden');
    expect(run.stdout).toContain(join(hooks, 'pre-commit'));
  });

  it('names a hook already there, which install would chain', async () => {
    const dir = repo();
    const hooks = makeTmpDir('shared-hooks');
    writeFileSync(join(hooks, 'pre-commit'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    git(dir, ['config', 'core.hooksPath', hooks]);
    const run = await cli(dir, ['hook', 'install'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(hooks, 'pre-commit')}.keywarden-chained`);
    expect(readFileSync(join(hooks, 'pre-commit'), 'utf8')).toBe('#!/bin/sh\nexit 0\n');
  });

  it('a hooks directory inside the repository needs no --global', async () => {
    const dir = repo();
    git(dir, ['config', 'core.hooksPath', '.githooks']);
    const run = await cli(dir, ['hook', 'install']);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(dir, '.githooks', 'pre-commit'), 'utf8')).toContain('keywarden');
  });
});

describe('hook uninstall refuses it too: removing the hook there unguards every repository that uses it', () => {
  it('exit 2 and the hook stays without --global; removed with it', async () => {
    const dir = repo();
    const hooks = makeTmpDir('shared-hooks');
    git(dir, ['config', 'core.hooksPath', hooks]);
    expect((await cli(dir, ['hook', 'install', '--global'])).code).toBe(0);
    const refused = await cli(dir, ['hook', 'uninstall']);
    expect(refused.code).toBe(2);
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
