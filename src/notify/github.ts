/**
 * The pull-request comment (SPEC §7, §5 "Notification"): one comment per PR, found by the
 * marker its body starts with and edited in place on every run. The only importer of @octokit/rest.
 *
 * Failures throw a plain `Error` whose message is short and safe to print (HTTP status and
 * GitHub's `message`, or why the API could not be reached); the caller turns it into a
 * warning. Octokit's own errors are never passed on: they carry the request, headers included.
 */
import { Octokit } from '@octokit/rest';
import { isLoopback } from '../core/loopback.js';

export interface GitHubRepo {
  /** The REST API root, `GITHUB_API_URL`: `https://api.github.com`, or `https://HOST/api/v3` on GitHub Enterprise. */
  apiUrl: string;
  token: string;
  owner: string;
  repo: string;
}

export type CommentOutcome = 'created' | 'updated' | 'unchanged' | 'deleted' | 'none';

export interface CommentOptions {
  /** Limit for each HTTP request (connect to last byte), in ms. Default {@link defaultTimeoutMs}. */
  timeoutMs?: number;
}

/** Each request to GitHub gets this long before the comment is given up (a warning, not a hung job). */
export const defaultTimeoutMs = 10_000;

/** A PR with more comments than this many pages is refused rather than listed forever. */
const maxPages = 100;

/**
 * Keep exactly one comment carrying `marker` on issue/PR `number`: create it once, then edit
 * it in place. Never a new comment per run. 'unchanged' when the comment already reads `body`.
 * Duplicates (marked comments by the same author as the one kept, e.g. from two runs racing)
 * are deleted so there is one again.
 */
export async function upsertMarkedComment(target: GitHubRepo, number: number, marker: string, body: string, options: CommentOptions = {}): Promise<CommentOutcome> {
  checkArguments(number, marker, body);
  return safely(target, options, async () => {
    const api = client(target, options);
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
  return safely(target, options, async () => {
    const api = client(target, options);
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

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function client(target: GitHubRepo, options: CommentOptions): Octokit {
  const base = apiBase(target.apiUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  // One fetch for every request octokit makes, pagination included (paginate drops per-call
  // `request` options after the first page, so a per-call signal would not reach page 2).
  const guardedFetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    // The token goes with every request: never to a place outside the API root, whatever a
    // `Link` header says.
    if (url.origin !== base.origin || !`${url.pathname}/`.startsWith(`${basePath}/`)) {
      return Promise.reject(new OutsideApi());
    }
    return fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  };
  return new Octokit({
    baseUrl: `${base.origin}${basePath}`,
    auth: target.token,
    userAgent: 'keywarden',
    // The request-log plugin would print every failed request to stderr; the caller warns once.
    log: silent,
    request: { fetch: guardedFetch },
  });
}

/** `apiUrl` parsed: https, or http to a loopback host (tests, local stand-ins); no credentials. */
function apiBase(apiUrl: string): URL {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new Error('GitHub API URL is not a valid URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new Error(`GitHub API URL must be https (http only for loopback hosts), not ${url.protocol}`);
  }
  if (url.username !== '' || url.password !== '') throw new Error('GitHub API URL must not contain credentials');
  return url;
}

/**
 * All comments on the thread that start with `marker`, oldest first. Only at the start: a
 * person quoting ours (`> <!-- marker -->…`) or mentioning the marker wrote their own
 * comment, which must never be taken for ours and overwritten.
 */
async function markedComments(api: Octokit, target: GitHubRepo, number: number, marker: string): Promise<ListedComment[]> {
  const marked: ListedComment[] = [];
  let pages = 0;
  const pagesOf = api.paginate.iterator(api.rest.issues.listComments, { owner: target.owner, repo: target.repo, issue_number: number, per_page: 100 });
  for await (const page of pagesOf) {
    if (++pages > maxPages) throw new Error(`GitHub API: more than ${maxPages * 100} comments on #${number}`);
    const data: unknown = page.data;
    if (!Array.isArray(data)) throw new Error('GitHub API: unexpected answer listing comments');
    for (const item of data) {
      const comment = listedComment(item);
      if (comment && comment.body.trimStart().startsWith(marker)) marked.push(comment);
    }
  }
  return marked;
}

function listedComment(item: unknown): ListedComment | undefined {
  if (item === null || typeof item !== 'object') return undefined;
  const { id, body, user } = item as Record<string, unknown>;
  if (typeof id !== 'number' || typeof body !== 'string') return undefined;
  const author = user !== null && typeof user === 'object' ? (user as Record<string, unknown>) : {};
  return { id, body, login: typeof author.login === 'string' ? author.login : undefined, isBot: author.type === 'Bot' };
}

/** The first marked comment by a bot (what the action posts as), else the first marked one. */
function keeper(marked: ListedComment[]): ListedComment | undefined {
  return marked.find((comment) => comment.isBot) ?? marked[0];
}

/**
 * Make `kept` read `body`, then delete the other marked comments by the same author: those
 * are duplicates of ours. Marked comments by anyone else (a person quoting ours) stay.
 */
async function settleOn(api: Octokit, target: GitHubRepo, marked: ListedComment[], kept: ListedComment, body: string): Promise<CommentOutcome> {
  let outcome: CommentOutcome = 'unchanged';
  if (normalized(kept.body) !== normalized(body)) {
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

/** GitHub stores what it is sent, but a body edited in the web UI comes back with CRLF. */
function normalized(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

class OutsideApi extends Error {}

async function safely<T>(target: GitHubRepo, options: CommentOptions, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    // eslint-disable-next-line preserve-caught-error -- on purpose: octokit's error holds the request, Authorization header included
    throw new Error(redact(safeMessage(error, options.timeoutMs ?? defaultTimeoutMs), target.token));
  }
}

function httpStatus(error: unknown): number | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const { status, response } = error as { status?: unknown; response?: unknown };
  return typeof status === 'number' && response !== undefined ? status : undefined;
}

/** A one-line message naming what failed, built only from fields known to hold no secret. */
function safeMessage(error: unknown, timeoutMs: number): string {
  const status = httpStatus(error);
  if (status !== undefined) {
    const data = (error as { response: { data?: unknown } }).response.data;
    const message = data !== null && typeof data === 'object' ? (data as Record<string, unknown>).message : undefined;
    return typeof message === 'string' && message.trim() !== '' ? `GitHub API: ${status} ${oneLine(message)}` : `GitHub API: ${status}`;
  }
  const causes = causeChain(error);
  if (causes.some((cause) => cause instanceof OutsideApi)) return 'GitHub API: refused to follow a link outside the API URL';
  if (causes.some((cause) => (cause as { name?: unknown }).name === 'TimeoutError')) return `GitHub API unreachable: no answer within ${timeoutMs} ms`;
  const code = causes.map((cause) => (cause as { code?: unknown }).code).find((c): c is string => typeof c === 'string' && /^[A-Z][A-Z0-9_]+$/.test(c));
  if (code) return `GitHub API unreachable: ${code}`;
  // Our own errors (an odd answer, too many pages) and anything else octokit says without a response.
  const first = causes[0];
  const message = first instanceof Error ? first.message : 'unknown error';
  return message.startsWith('GitHub API') ? oneLine(message) : `GitHub API unreachable: ${oneLine(message)}`;
}

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && current !== null && chain.length < 8; current = (current as { cause?: unknown }).cause) {
    chain.push(current);
    if (typeof current !== 'object') break;
  }
  return chain;
}

function oneLine(text: string): string {
  const line = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** Belt and braces: a server that echoes the token back must not get it printed. */
function redact(message: string, token: string): string {
  return token.length >= 4 ? message.split(token).join('[REDACTED]') : message;
}
