/**
 * What a workflow run asks the action to scan, read from the event GitHub describes in
 * `GITHUB_EVENT_PATH` (SPEC §7). Pure: the caller reads the file and the environment.
 */

/** The all-zero sha GitHub sends for "no commit" (a created or deleted branch). */
const noCommit = /^0{40}$|^0{64}$/;
const sha = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;

export type ScanTarget =
  /** The lines added by the commits in `base..head` (a pull request, or a push onto an existing branch). */
  | { kind: 'range'; base: string; head: string; pullRequest?: number; defaultBranch?: string }
  /** A push that created a branch: its commits that are not on the default branch. */
  | { kind: 'new-branch'; head: string; defaultBranch: string }
  /** Nothing to scan (a deleted branch, a push with no new commits), and why. */
  | { kind: 'nothing'; why: string };

function field(value: unknown, path: string): unknown {
  let current = value;
  for (const step of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

function shaAt(payload: unknown, path: string): string | undefined {
  const value = field(payload, path);
  return typeof value === 'string' && sha.test(value) ? value : undefined;
}

/** Thrown for an event the action cannot scan; the message says what to do. */
export class UnsupportedEvent extends Error {}

/**
 * `pull_request`/`pull_request_target`: `base.sha..head.sha`, the PR's own commits.
 * `push`: `before..after`; a created branch is compared with the default branch; a deleted
 * branch or an unchanged ref has nothing to scan.
 */
export function scanTargetOf(eventName: string, payload: unknown): ScanTarget {
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const base = shaAt(payload, 'pull_request.base.sha');
    const head = shaAt(payload, 'pull_request.head.sha');
    const number = field(payload, 'pull_request.number');
    if (!base || !head) throw new UnsupportedEvent(`the ${eventName} event has no pull_request.base.sha/head.sha`);
    return { kind: 'range', base, head, ...(typeof number === 'number' ? { pullRequest: number } : {}) };
  }
  if (eventName === 'push') {
    const before = field(payload, 'before');
    const after = field(payload, 'after');
    if (typeof after !== 'string' || noCommit.test(after) || field(payload, 'deleted') === true) return { kind: 'nothing', why: 'the push deleted a branch' };
    if (!sha.test(after)) throw new UnsupportedEvent('the push event has no valid "after" sha');
    if (before === after) return { kind: 'nothing', why: 'the push added no commits' };
    if (typeof before !== 'string' || noCommit.test(before) || field(payload, 'created') === true) {
      const defaultBranch = field(payload, 'repository.default_branch');
      if (typeof defaultBranch !== 'string' || defaultBranch === '') throw new UnsupportedEvent('the push created a branch but the event names no default branch');
      return { kind: 'new-branch', head: after, defaultBranch };
    }
    if (!sha.test(before)) throw new UnsupportedEvent('the push event has no valid "before" sha');
    const defaultBranch = field(payload, 'repository.default_branch');
    // The default branch is the fallback when a force-push left `before` unreachable.
    return { kind: 'range', base: before, head: after, ...(typeof defaultBranch === 'string' && defaultBranch !== '' ? { defaultBranch } : {}) };
  }
  throw new UnsupportedEvent(`keywarden's action runs on pull_request, pull_request_target and push events, not ${eventName}; use \`scan: history\` for other events`);
}
