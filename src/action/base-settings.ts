import { mkdtempSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { KeywardenError } from '../core/errors.js';
import { changedBetween, copyDirAt, copyFileAt, entryAt, type EntryKind } from '../sources/base-files.js';

/**
 * A pull request must not choose the rules that judge it: a PR that adds an `exclude:` for
 * its own leak, or a rule that hangs the scan, would otherwise pass its own check. So on a
 * pull request the action reads its `config` file and `rules` directories (and the rule
 * directories that config names) as they are at the PR's base commit, copied out of git
 * into a temporary directory, and says when the PR changes any of them: those changes take
 * effect once merged, when the base has them.
 */

export interface BaseSettings {
  /** The config file to run with: its copy from the base, or the path as given when it is outside the repository; none when only the PR adds it. */
  config?: string;
  /** The rule directories to run with, likewise. */
  rules: string[];
  /** The settings' repository paths that this pull request adds, changes or removes. */
  changed: string[];
}

export interface BaseCommit {
  /** The repository's work tree top. */
  top: string;
  /** Where the inputs' relative paths start (the workspace). */
  workspace: string;
  base: string;
  head: string;
  /** Where the copies go (a fresh temporary directory). */
  into: string;
}

/** `path` relative to the repository top with `/`, or undefined when it lies outside the repository. */
function inRepository(at: BaseCommit, path: string): string | undefined {
  const rel = relative(at.top, resolve(at.workspace, path));
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

function refuseKind(input: string, path: string, kind: EntryKind, base: string): never {
  const what = kind === 'link' ? 'a symbolic link (not followed)' : kind === 'dir' ? 'a directory' : 'a file';
  throw new KeywardenError(`${input}: ${path || '.'} is ${what} at the base commit ${base.slice(0, 7)}, which is where a pull request's settings are read from`);
}

/**
 * One settings path at the base: its copy (`copy`), or the path as given when it is outside
 * the repository or absent from both commits (so reading it fails as it would have), or
 * nothing when only the PR adds it. Records the path in `changed` when the PR touches it.
 */
async function fromBase(at: BaseCommit, input: string, given: string, want: 'file' | 'dir', changed: string[]): Promise<string | undefined> {
  const path = inRepository(at, given);
  if (path === undefined) return given;
  const top = at.top;
  if (await changedBetween(top, at.base, at.head, path)) changed.push(path || '.');
  const kind = await entryAt(top, at.base, path);
  if (kind === 'missing') return (await entryAt(top, at.head, path)) === 'missing' ? given : undefined;
  if (kind !== want) refuseKind(input, path, kind, at.base);
  const copy = join(at.into, path);
  if (want === 'file') await copyFileAt(top, at.base, path, copy);
  else await copyDirAt(top, at.base, path, copy);
  return copy;
}

/** The action's `config` and `rules` as the pull request's base commit has them (see above). */
export async function settingsAtBase(at: BaseCommit, inputs: { config?: string; rules: readonly string[] }): Promise<BaseSettings> {
  const changed: string[] = [];
  const config = inputs.config === undefined ? undefined : await fromBase(at, 'input config', inputs.config, 'file', changed);
  // The base config's own rule directories, resolved from its copy: copy them out too, at the same place.
  if (config !== undefined && config.startsWith(at.into + sep)) {
    // Loaded only when there is a config (the YAML parser and zod are most of the Action's start-up otherwise).
    const { loadConfig } = await import('../run/config-file.js');
    for (const dir of loadConfig(config).rules) {
      const rel = relative(at.into, dir);
      if (!rel.startsWith('..') && !isAbsolute(rel)) await fromBase({ ...at, workspace: at.top }, `${inputs.config ?? 'config'}: rules`, rel, 'dir', changed);
    }
  }
  const rules: string[] = [];
  for (const dir of inputs.rules) {
    const used = await fromBase(at, 'input rules', dir, 'dir', changed);
    if (used !== undefined) rules.push(used);
  }
  return { ...(config !== undefined ? { config } : {}), rules, changed: [...new Set(changed)] };
}

/** A fresh directory for the copies, under the runner's temp directory when there is one. */
export function settingsDir(env: NodeJS.ProcessEnv, tmpdir: string): string {
  return mkdtempSync(join(env.RUNNER_TEMP || tmpdir, 'keywarden-base-'));
}

/** The note the log, the job summary and the PR comment carry when the PR changes the settings; undefined when it does not. */
export function settingsNote(changed: readonly string[], base: string): string | undefined {
  if (changed.length === 0) return undefined;
  const names = changed.map((path) => `\`${path.replace(/[`\r\n]/g, '?')}\``).join(', ');
  return (
    `⚠️ This pull request changes keywarden's settings (${names}). This check used them as they are at the base commit ${base.slice(0, 7)}, ` +
    'so that a pull request cannot change the rules that check it; the changes take effect once merged.'
  );
}
