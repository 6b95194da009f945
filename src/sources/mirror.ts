import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { KeywardenError } from '../core/errors.js';
import { isLoopback } from '../core/loopback.js';
import { gitEnv, gitOutput } from './git.js';

/**
 * Bare mirrors of remote repositories in a cache directory (SPEC §8): cloned the first time,
 * fetched afterwards, so a second audit only downloads what is new. The token travels only as
 * an HTTP header set through git's environment (`GIT_CONFIG_*`), never in a URL, an argument
 * or the mirror's config: `ps` shows no token and the cache holds none.
 */

/** `OWNER/NAME` as GitHub allows them; anything else (`..`, slashes) must not become a path. */
const repositoryName = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/;

export function isRepositoryName(name: string): boolean {
  return repositoryName.test(name);
}

/** The default cache: `$XDG_CACHE_HOME/keywarden`, else `~/.cache/keywarden`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg !== undefined && xdg !== '' ? xdg : join(homedir(), '.cache'), 'keywarden');
}

/** Where the mirror of `fullName` cloned from `cloneUrl` lives: by host (local clone sources under `local`), owner, name. */
export function mirrorDir(cache: string, fullName: string, cloneUrl: string): string {
  if (!isRepositoryName(fullName)) throw new KeywardenError(`not a repository name (OWNER/NAME): ${fullName}`);
  const [owner = '', name = ''] = fullName.split('/');
  return join(cache, 'mirrors', hostOf(cloneUrl), owner, `${name}.git`);
}

function hostOf(cloneUrl: string): string {
  try {
    const url = new URL(cloneUrl);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.host.replace(/[^A-Za-z0-9.-]/g, '_');
  } catch {
    // A local path: no host.
  }
  return 'local';
}

/**
 * The environment for git runs that reach `cloneUrl`: https and local sources only (`file`,
 * which local paths use too; plain http only to a loopback host, as the API client allows), no
 * prompt, and with a token the `Authorization` header as GitHub's own checkout sends it (Basic
 * `x-access-token:TOKEN`, which git over https accepts for every kind of token), through
 * `GIT_CONFIG_*` so it is in no argument and no file.
 */
export function remoteGitEnv(token: string | undefined, cloneUrl: string): NodeJS.ProcessEnv {
  const header = token ? { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: `Authorization: Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}` } : { GIT_CONFIG_COUNT: '0' };
  return gitEnv({ GIT_ALLOW_PROTOCOL: isLoopbackHttp(cloneUrl) ? 'https:http:file' : 'https:file', GIT_ASKPASS: '', SSH_ASKPASS: '', ...header });
}

function isLoopbackHttp(cloneUrl: string): boolean {
  try {
    const url = new URL(cloneUrl);
    return url.protocol === 'http:' && isLoopback(url.hostname);
  } catch {
    return false;
  }
}

export interface MirrorUpdate {
  dir: string;
  /** `clone` the first time, `fetch` when the mirror was there already. */
  how: 'clone' | 'fetch';
  /** Whether the repository has no refs at all (nothing to scan). */
  empty: boolean;
}

/** Whether a process with this id is running (ours or another user's): a signal 0 probes without sending anything. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the half-made clones of `dir` left by audits that were killed (`NAME.git.partial-PID`
 * whose process is gone): a killed audit cannot clean up, and `--resume` clones again. A clone
 * by an audit still running in the same cache is left alone.
 */
function removeAbandonedClones(dir: string): void {
  const prefix = `${basename(dir)}.partial-`;
  for (const name of readdirSync(dirname(dir))) {
    const pid = Number(name.slice(prefix.length));
    if (name.startsWith(prefix) && Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isRunning(pid)) rmSync(join(dirname(dir), name), { recursive: true, force: true });
  }
}

/** One of git's progress lines: `Receiving objects:  45% (450/1000)` → `receiving objects`, 45. */
export interface TransferProgress {
  stage: string;
  percent: number;
}

const progressLine = /^(?:remote: )?([A-Z][A-Za-z ]{2,40}):\s+(\d{1,3})% \(\d+\/\d+\)/;

/** The progress a line of git's stderr tells (`--progress`), or undefined for any other line. */
export function parseGitProgress(line: string): TransferProgress | undefined {
  const match = progressLine.exec(line);
  if (!match?.[1] || match[2] === undefined) return undefined;
  return { stage: match[1].toLowerCase(), percent: Math.min(100, Number(match[2])) };
}

/**
 * A reader of git's stderr as it arrives: git redraws a progress line with `\r`, and a
 * piece of output can end mid-line, so the unfinished end waits for the next piece.
 */
export function gitProgressReader(onProgress: (progress: TransferProgress) => void): (text: string) => void {
  let pending = '';
  return (text) => {
    const lines = (pending + text).split(/[\r\n]/);
    pending = (lines.pop() ?? '').slice(-200);
    for (const line of lines) {
      const progress = parseGitProgress(line);
      if (progress) onProgress(progress);
    }
  };
}

/**
 * What the mirror's refs point at, as one hash: an audit resumed later scans a repository
 * again only when this changed (a fetch since, or a mirror made anew).
 */
export async function mirrorTips(dir: string): Promise<string> {
  const refs = await gitOutput(dir, ['for-each-ref', '--format=%(objectname) %(refname)']);
  return `sha256:${createHash('sha256').update(refs.stdout).digest('hex')}`;
}

/**
 * Bring the mirror of `fullName` up to date: `git clone --mirror` into a temporary directory
 * renamed into place once complete (an interrupted clone leaves no half mirror to fetch into),
 * or `git fetch --prune` when it is there. Throws a KeywardenError naming git's reason. With
 * `onProgress`, git is asked for its progress (`--progress`) and each line of it is handed on.
 */
export async function updateMirror(request: { cache: string; fullName: string; cloneUrl: string; token?: string; timeoutMs?: number; onProgress?: (progress: TransferProgress) => void }): Promise<MirrorUpdate> {
  const dir = mirrorDir(request.cache, request.fullName, request.cloneUrl);
  const env = remoteGitEnv(request.token, request.cloneUrl);
  const verbosity = request.onProgress ? '--progress' : '--quiet';
  const run = { env, ...(request.timeoutMs !== undefined ? { timeoutMs: request.timeoutMs } : {}), ...(request.onProgress ? { onStderr: gitProgressReader(request.onProgress) } : {}) };
  let how: MirrorUpdate['how'] = 'fetch';
  if (existsSync(dir)) {
    await gitOutput(dir, ['fetch', '--prune', verbosity, 'origin'], run);
  } else {
    how = 'clone';
    mkdirSync(dirname(dir), { recursive: true });
    removeAbandonedClones(dir);
    const partial = `${dir}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    try {
      await gitOutput(dirname(dir), ['clone', '--mirror', verbosity, '--', request.cloneUrl, partial], run);
      renameSync(partial, dir);
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  }
  const refs = await gitOutput(dir, ['for-each-ref', '--count=1', '--format=%(refname)']);
  return { dir, how, empty: refs.stdout.length === 0 };
}
