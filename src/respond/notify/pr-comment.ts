/**
 * The pull-request comment (SPEC §7, §5 "Notification"): one comment per PR, found by the
 * marker its body starts with and edited in place on every run, through the one GitHub client.
 *
 * Failures throw a plain `Error` whose message is short and safe to print (HTTP status and
 * GitHub's `message`, or why the API could not be reached); the caller turns it into a
 * warning. Octokit's own errors are never passed on: they carry the request, headers included.
 */
import { authorOf, gitHubClient, httpStatus, listAll, sameBody, type OctokitApi, type GitHubClientSettings } from './github-client.js';

export { defaultTimeoutMs } from './github-client.js';

export interface GitHubRepo {
  /** The REST API root, `GITHUB_API_URL`: `https://api.github.com`, or `https://HOST/api/v3` on GitHub Enterprise. */
  apiUrl: string;
  token: string;
  owner: string;
  repo: string;
}

export type CommentOutcome = 'created' | 'updated' | 'unchanged' | 'deleted' | 'none';

/** The client's timing (request timeout, write spacing, waits): see {@link GitHubClientSettings}. */
export type CommentOptions = Omit<GitHubClientSettings, 'apiUrl' | 'token'>;

/**
 * Keep exactly one comment carrying `marker` on issue/PR `number`: create it once, then edit
 * it in place. Never a new comment per run. 'unchanged' when the comment already reads `body`.
 * Duplicates (marked comments by the same author as the one kept, e.g. from two runs racing)
 * are deleted so there is one again.
 */
export async function upsertMarkedComment(target: GitHubRepo, number: number, marker: string, body: string, options: CommentOptions = {}): Promise<CommentOutcome> {
  checkArguments(number, marker, body);
  return gitHubClient({ ...options, apiUrl: target.apiUrl, token: target.token }).call(async (api) => {
    const marked = await markedComments(api, target, number, marker);
    const kept = keeper(marked);
    if (!kept) {
      await api.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: number, body });
      return 'created';
    }
    return settleOn(api, target, marked, kept, body);
  });
}

/**
 * When the PR is clean: replace an existing marked comment with `allClearBody` ('updated';
 * 'unchanged' when it already says so), or do nothing when there is none ('none'). Never
 * creates a comment for a clean PR that never had one.
 */
export async function settleMarkedComment(target: GitHubRepo, number: number, marker: string, allClearBody: string, options: CommentOptions = {}): Promise<CommentOutcome> {
  checkArguments(number, marker, allClearBody);
  return gitHubClient({ ...options, apiUrl: target.apiUrl, token: target.token }).call(async (api) => {
    const marked = await markedComments(api, target, number, marker);
    const kept = keeper(marked);
    if (!kept) return 'none';
    return settleOn(api, target, marked, kept, allClearBody);
  });
}

interface ListedComment {
  id: number;
  body: string;
  login: string | undefined;
  isBot: boolean;
}

/** Programming errors, thrown before anything is sent. */
function checkArguments(number: number, marker: string, body: string): void {
  if (!Number.isSafeInteger(number) || number < 1) throw new Error(`GitHub comment: ${String(number)} is not an issue or pull request number`);
  if (marker.trim() === '') throw new Error('GitHub comment: the marker is empty');
  // A body not starting with the marker could never be found again: every run would add a comment.
  if (!body.startsWith(marker)) throw new Error('GitHub comment: the body does not contain the marker at its start');
}

/**
 * All comments on the thread that start with `marker`, oldest first. Only at the start: a
 * person quoting ours (`> <!-- marker -->…`) or mentioning the marker wrote their own
 * comment, which must never be taken for ours and overwritten.
 */
async function markedComments(api: OctokitApi, target: GitHubRepo, number: number, marker: string): Promise<ListedComment[]> {
  const marked: ListedComment[] = [];
  for await (const item of listAll(api, 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: target.owner, repo: target.repo, issue_number: number }, 'comments')) {
    const comment = listedComment(item);
    if (comment && comment.body.trimStart().startsWith(marker)) marked.push(comment);
  }
  return marked;
}

function listedComment(item: unknown): ListedComment | undefined {
  if (item === null || typeof item !== 'object') return undefined;
  const fields = item as Record<string, unknown>;
  const { id, body } = fields;
  if (typeof id !== 'number' || typeof body !== 'string') return undefined;
  const { login, isBot } = authorOf(fields);
  return { id, body, login, isBot };
}

/** The first marked comment by a bot (what the action posts as), else the first marked one. */
function keeper(marked: ListedComment[]): ListedComment | undefined {
  return marked.find((comment) => comment.isBot) ?? marked[0];
}

/**
 * Make `kept` read `body`, then delete the other marked comments by the same author: those
 * are duplicates of ours. Marked comments by anyone else (a person quoting ours) stay.
 */
async function settleOn(api: OctokitApi, target: GitHubRepo, marked: ListedComment[], kept: ListedComment, body: string): Promise<CommentOutcome> {
  let outcome: CommentOutcome = 'unchanged';
  if (!sameBody(kept.body, body)) {
    await api.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: kept.id, body });
    outcome = 'updated';
  }
  const duplicates = marked.filter((comment) => comment !== kept && comment.login !== undefined && comment.login === kept.login);
  for (const duplicate of duplicates) {
    try {
      await api.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id: duplicate.id });
    } catch (error) {
      // Already gone (another run got there first) is what we wanted.
      if (httpStatus(error) !== 404) throw error;
    }
  }
  return outcome;
}

