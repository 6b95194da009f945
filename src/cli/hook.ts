import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { KeywardenError } from '../core/errors.js';
import { gitOutput } from '../sources/git.js';
import {
  addHuskyHook,
  assertSafeToWrite,
  detectFrameworks,
  hookPlan,
  installHook,
  lefthookSnippet,
  preCommitSnippet,
  removeHuskyHook,
  uninstallHook,
  type HookName,
  type Launcher,
} from '../sources/hooks.js';
import { addedChunksInCommits } from '../sources/commit-diffs.js';
import type { Chunk } from '../core/types.js';
import { parsePushLines, pushRevisions, unpushedRevisions, zeroSha, type PushedRef } from '../sources/push.js';
import { workTreeTop } from '../sources/staged.js';
import { runGuard } from './guard.js';
import type { HookOptions, HookUninstallOptions, ReportOptions } from './options.js';

export interface PrePushOptions extends ReportOptions {
  /** The remote's name (or its URL when it has none), as git passes it to the hook. */
  remote?: string | undefined;
}

/** The hooks directory git runs hooks from (honours core.hooksPath), absolute. */
async function hooksDir(top: string): Promise<string> {
  return resolve(top, await gitPath(top, ['rev-parse', '--git-path', 'hooks']));
}

async function gitPath(top: string, args: string[]): Promise<string> {
  const { stdout } = await gitOutput(top, args);
  return stdout.toString('utf8').replace(/\n$/, '');
}

/** Where git runs hooks from, and the directories install and uninstall may write in. */
interface HookTarget {
  dir: string;
  roots: string[];
  /**
   * The hooks directory lies outside the repository (`core.hooksPath=~/.githooks`): usually a
   * directory every repository of the user runs hooks from, so writing there needs `--global`.
   */
  shared: boolean;
}

/**
 * Where install and uninstall may write: the work tree's top and the git dirs (a linked
 * worktree's hooks live in the common one), and, with `--global`, a hooks directory the user
 * configured outside the repository: git config is the user's own, no cloned repository can
 * set it. A hooks path *inside* the repository whose real location is elsewhere (a committed
 * symlink) is still refused.
 */
async function hookTarget(top: string): Promise<HookTarget> {
  const gitDir = await gitPath(top, ['rev-parse', '--absolute-git-dir']);
  const commonDir = resolve(top, await gitPath(top, ['rev-parse', '--git-common-dir']));
  const roots = [top, gitDir, commonDir];
  const dir = await hooksDir(top);
  const shared = !roots.some((root) => dir === root || dir.startsWith(`${root}${sep}`));
  return { dir, roots: shared ? [...roots, dir] : roots, shared };
}

/** Where `core.hooksPath` is set (`file:/home/me/.gitconfig`), for the refusal to name; undefined when git cannot say. */
async function hooksPathOrigin(top: string): Promise<string | undefined> {
  const { stdout, code } = await gitOutput(top, ['config', '--show-origin', '--get', 'core.hooksPath'], { allowFailure: true });
  const origin = stdout.toString('utf8').split('\t')[0];
  return code === 0 && origin ? (origin.startsWith('file:') ? resolve(top, origin.slice('file:'.length)) : origin) : undefined;
}

/**
 * Refuse (exit 2) to touch a hooks directory outside the repository without `--global`:
 * keywarden's hook there would guard (or, removed, stop guarding) every repository that uses
 * it, not just this one. The message names the directory, where it is set, and each file.
 */
async function refuseShared(top: string, target: HookTarget, names: readonly HookName[], verb: 'install' | 'uninstall'): Promise<void> {
  if (!target.shared) return;
  const origin = await hooksPathOrigin(top);
  const plan = hookPlan(target.dir, names, verb);
  const lines = [
    `core.hooksPath${origin ? ` (set in ${origin})` : ''} points outside this repository, at ${target.dir}: git runs the hooks there for every repository that uses this setting, not just this one.`,
    plan.length > 0 ? `hook ${verb} would:\n${plan.map((line) => `  ${line}`).join('\n')}` : `hook ${verb} would change nothing there.`,
    `Run \`keywarden hook ${verb} --global\` to ${verb} it there for all of them${verb === 'install' ? ', or first give this repository hooks of its own with `git config --local core.hooksPath .git/hooks`' : ''}.`,
  ];
  throw new KeywardenError(lines.join('\n'));
}

/** The node and the keywarden bin running now, for a raw hook to call back. */
function launcher(): Launcher {
  const script = process.argv[1] ?? '';
  let bin = resolve(script);
  try {
    bin = realpathSync(script);
  } catch {
    // keep the resolved path; the hook falls back to npx if it is gone
  }
  return { node: process.execPath, bin };
}

/**
 * Where `hook install`/`uninstall` run and where they say what they did: the process's own,
 * unless a caller in this process (a test) gives others, with the launcher the bin would record.
 */
export interface HookIO {
  cwd: string;
  stdout: { write(text: string): unknown };
  /** The node and bin the raw hooks call back; by default the ones running now. */
  launcher?: Launcher;
}

const processIO = (): HookIO => ({ cwd: process.cwd(), stdout: process.stdout });

const sayTo = (io: HookIO) => (text: string) => io.stdout.write(`${text}\n`);

/** A path as the user reads it: relative inside the work tree, absolute outside it (a global hooks directory). */
function shownFrom(top: string): (path: string) => string {
  return (path) => {
    const rel = relative(top, path);
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  };
}

/** `keywarden hook install [--pre-push]`. */
export async function runHookInstall(args: HookOptions, io: HookIO = processIO()): Promise<number> {
  const say = sayTo(io);
  const top = await workTreeTop(io.cwd);
  const names: HookName[] = args.prePush ? ['pre-commit', 'pre-push'] : ['pre-commit'];
  const shown = shownFrom(top);
  const guarded = args.prePush ? 'commits and pushes are' : 'commits are';
  const dir = await hooksDir(top);
  const frameworks = detectFrameworks(top);
  /** Something git will run now calls keywarden. */
  let active = false;

  if (frameworks.husky) {
    const huskyDir = join(top, frameworks.husky);
    // Check every file first, so a refused one leaves nothing half done.
    for (const path of [huskyDir, ...names.map((name) => join(huskyDir, name))]) assertSafeToWrite(path, [top]);
    const huskyActive = !relative(huskyDir, dir).startsWith('..');
    for (const name of names) {
      const { action, path } = addHuskyHook(huskyDir, name, top);
      say(`husky: ${action === 'unchanged' ? 'keywarden already runs from' : `${action} keywarden in`} ${shown(path)}`);
    }
    say('  it runs `npx --no-install keywarden`: keep keywarden in devDependencies, and commit the file so the team gets it.');
    if (huskyActive) active = true;
    else {
      say(`  husky is not active in this clone: git runs hooks from ${shown(dir)}, not ${frameworks.husky}/_, so nothing runs that file yet.`);
      say('  Run `npx husky` (or `npm install`, when the package.json "prepare" script runs husky) to activate it.');
    }
  }
  if (frameworks.lefthook) {
    say(`lefthook: ${frameworks.lefthook} found. Nothing was installed: \`lefthook install\` would replace a raw git hook, so keywarden leaves git's hooks to lefthook.`);
    say(`  Add this to ${frameworks.lefthook} (merge it with any hooks already there), then run \`lefthook install\`:\n`);
    say(indent(lefthookSnippet(names)));
  }
  if (frameworks.preCommit) {
    say(`pre-commit: ${frameworks.preCommit} found. Nothing was installed: \`pre-commit install\` would replace a raw git hook, so keywarden leaves git's hooks to pre-commit.`);
    say(`  Add this under \`repos:\` in ${frameworks.preCommit}, then run \`pre-commit install${args.prePush ? ' --hook-type pre-commit --hook-type pre-push' : ''}\`:\n`);
    say(indent(preCommitSnippet(names)));
  }
  if (frameworks.husky || frameworks.lefthook || frameworks.preCommit) {
    if (!active) say(`keywarden: no git hook runs keywarden yet: ${guarded} NOT guarded until you follow the steps above.`);
    return 0;
  }

  const target = await hookTarget(top);
  if (!args.global) await refuseShared(top, target, names, 'install');
  const run = io.launcher ?? launcher();
  for (const name of names) {
    const outcome = installHook(target.dir, name, run, target.roots);
    const verb = { installed: 'installed', updated: 'updated', unchanged: 'already installed:' }[outcome.action];
    say(`${verb} ${shown(outcome.path)}${outcome.chained ? ` (the hook that was there runs first, from ${shown(outcome.chained)})` : ''}`);
  }
  say(`  it runs ${run.bin} with ${run.node}, falling back to the project's node_modules/.bin/keywarden; if neither runs, it blocks.`);
  if (target.shared) say(`  ${target.dir} is outside this repository (core.hooksPath): every repository that runs hooks from it is guarded by it now.`);
  return 0;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `    ${line}`))
    .join('\n');
}

/** `keywarden hook uninstall`: remove what install added, putting chained hooks back. */
export async function runHookUninstall(args: HookUninstallOptions, io: HookIO = processIO()): Promise<number> {
  const say = sayTo(io);
  const top = await workTreeTop(io.cwd);
  const target = await hookTarget(top);
  const { dir, roots } = target;
  if (!args.global) await refuseShared(top, target, ['pre-commit', 'pre-push'], 'uninstall');
  const shown = shownFrom(top);
  const frameworks = detectFrameworks(top);
  let changed = 0;
  for (const name of ['pre-commit', 'pre-push'] as const) {
    const raw = uninstallHook(dir, name, roots);
    if (raw.action === 'removed') say(`removed ${shown(raw.path)}`);
    if (raw.action === 'restored') say(`removed keywarden's ${name} hook and restored the one it chained: ${shown(raw.path)}`);
    if (raw.action === 'foreign') say(`left ${shown(raw.path)} alone: it is not keywarden's (a chained hook is still kept beside it)`);
    if (raw.action === 'removed' || raw.action === 'restored') changed++;
    if (frameworks.husky) {
      const husky = removeHuskyHook(join(top, frameworks.husky), name, top);
      if (husky.action === 'removed') {
        say(`husky: removed keywarden from ${shown(husky.path)}`);
        changed++;
      }
    }
  }
  for (const file of [frameworks.lefthook, frameworks.preCommit]) {
    if (file) say(`${file}: remove the keywarden entries from it yourself if you added them.`);
  }
  if (changed === 0) say('no keywarden hooks were installed here.');
  return 0;
}

/**
 * The refs being pushed: git's stdin lines, else the range the pre-commit framework describes
 * in `env`, else undefined: no lines (another command in a shared hook read them first), so
 * what is pushed is unknown.
 */
export function pushedRefs(stdin: string, env: NodeJS.ProcessEnv): PushedRef[] | undefined {
  const refs = parsePushLines(stdin);
  if (refs.length > 0) return refs;
  const to = env['PRE_COMMIT_TO_REF'];
  const from = env['PRE_COMMIT_FROM_REF'];
  if (to) return parsePushLines(`HEAD ${to} HEAD ${from || zeroSha}`);
  return undefined;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * What the pre-push guard scans: the lines the pushed commits add. Unknown refs: every local
 * branch's unpushed commits (HEAD's alone could be the wrong branch). A git failure while
 * walking them throws, so the push stops (exit 2).
 */
export async function pushedChunks(top: string, refs: PushedRef[] | undefined, remote: string | undefined): Promise<(excluded: (path: string) => boolean) => AsyncIterable<Chunk>> {
  const revisions = refs === undefined ? unpushedRevisions : await pushRevisions(top, refs, remote);
  return (excluded) => (revisions ? addedChunksInCommits(top, revisions, excluded) : emptyChunks());
}

/** `keywarden hook pre-push [REMOTE] [URL]`, run by the pre-push hook: scan the commits being pushed. */
export async function runHookPrePush(args: PrePushOptions): Promise<number> {
  const top = await workTreeTop(process.cwd());
  const refs = pushedRefs(process.stdin.isTTY ? '' : await readStdin(), process.env);
  const chunksOf = await pushedChunks(top, refs, args.remote ?? process.env['PRE_COMMIT_REMOTE_NAME']);
  return runGuard(args, top, chunksOf, 'push');
}

async function* emptyChunks(): AsyncGenerator<never> {}
