import { KeywardenError } from '../core/errors.js';
import { gitEnv, gitOutput } from './git.js';

/**
 * Completing a shallow checkout so that `base..head` means what it says. The only place
 * keywarden reaches a remote: everything else runs with the network shut (see `gitEnv`).
 * `actions/checkout` fetches one commit by default; a pull request's base and head, and
 * the history down to where they meet, must be fetched before the range can be read.
 */

/** git with the network allowed (the checkout's own remote and credentials), and no prompts. */
function fetchEnv(): NodeJS.ProcessEnv {
  const env = gitEnv();
  delete env.GIT_ALLOW_PROTOCOL;
  delete env.GIT_NO_LAZY_FETCH;
  return env;
}

async function hasCommit(dir: string, sha: string): Promise<boolean> {
  return (await gitOutput(dir, ['cat-file', '-e', `${sha}^{commit}`], { allowFailure: true })).code === 0;
}

async function isShallow(dir: string): Promise<boolean> {
  return (await gitOutput(dir, ['rev-parse', '--is-shallow-repository'])).stdout.toString('utf8').trim() === 'true';
}

/** `git fetch --no-tags … REMOTE [REFS]`; a failure is returned with git's reason, not thrown. */
async function runFetch(dir: string, options: readonly string[], remote: string, refs: readonly string[] = []): Promise<{ ok: boolean; reason: string }> {
  const run = await gitOutput(dir, ['fetch', '--no-tags', '--quiet', '--no-recurse-submodules', ...options, '--end-of-options', remote, ...refs], {
    allowFailure: true,
    env: fetchEnv(),
  });
  const reason = run.stderr.split('\n').find((line) => /^(fatal|error):/.test(line)) ?? '';
  return { ok: run.code === 0, reason: reason.slice(0, 200) };
}

async function connected(dir: string, base: string, head: string): Promise<boolean> {
  return !(await isShallow(dir)) || (await gitOutput(dir, ['merge-base', base, head], { allowFailure: true })).code === 0;
}

const fetchDepthAdvice = 'set `fetch-depth: 0` on actions/checkout so the whole history is there';

/**
 * Make `base` and `head` present and connected (their merge base present), fetching from
 * `remote` when they are not: the two commits first, then deeper history in steps, and the
 * whole history as a last resort. Without the merge base, a shallow boundary would be read
 * as a root commit and every line of the base blamed on the range.
 * Returns what it did, for the log; throws a KeywardenError saying how to fix the checkout.
 */
export async function ensureRange(dir: string, base: string, head: string, remote = 'origin'): Promise<string[]> {
  const done: string[] = [];
  const missing = [];
  for (const sha of [base, head]) if (!(await hasCommit(dir, sha))) missing.push(sha);
  if (missing.length > 0) {
    const fetched = await runFetch(dir, ['--depth=100'], remote, missing);
    done.push(`fetched ${missing.map((sha) => sha.slice(0, 12)).join(' and ')} (depth 100)`);
    for (const sha of missing) {
      if (!(await hasCommit(dir, sha))) {
        throw new KeywardenError(`commit ${sha.slice(0, 12)} is not in the checkout and could not be fetched${fetched.reason ? ` (${fetched.reason})` : ''}: ${fetchDepthAdvice}`);
      }
    }
  }
  for (const step of [200, 1000, 5000]) {
    if (await connected(dir, base, head)) return done;
    const deepened = await runFetch(dir, [`--deepen=${step}`], remote);
    done.push(`deepened the shallow checkout by ${step} commits`);
    if (!deepened.ok) throw new KeywardenError(`could not deepen the shallow checkout (${deepened.reason}): ${fetchDepthAdvice}`);
  }
  if (!(await connected(dir, base, head))) {
    const whole = await runFetch(dir, ['--unshallow'], remote);
    done.push('fetched the whole history (--unshallow)');
    if (!whole.ok) throw new KeywardenError(`could not fetch the whole history (${whole.reason}): ${fetchDepthAdvice}`);
  }
  if (!(await connected(dir, base, head))) throw new KeywardenError(`${base.slice(0, 12)} and ${head.slice(0, 12)} share no history`);
  return done;
}

/**
 * The commit a remote branch points at, fetched if need be (for a push that creates a
 * branch: its new commits are those not on the default branch). Undefined when the remote
 * has no such branch.
 */
export async function remoteBranchTip(dir: string, branch: string, remote = 'origin'): Promise<string | undefined> {
  const ref = `refs/remotes/${remote}/${branch}`;
  // A failed fetch (no network, no such branch) leaves whatever the checkout already has.
  await runFetch(dir, [], remote, [`+refs/heads/${branch}:${ref}`]);
  const local = await gitOutput(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { allowFailure: true });
  return local.code === 0 ? local.stdout.toString('utf8').trim() : undefined;
}
