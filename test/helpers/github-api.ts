import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/**
 * A real HTTP server on 127.0.0.1 standing in for the GitHub REST API: the issue-comment
 * routes keywarden's PR comment uses (SPEC §7), with comments kept in memory, every request
 * recorded, and knobs for failures. Point `GITHUB_API_URL` (or `GitHubRepo.apiUrl`) at
 * `api.apiUrl`.
 *
 * ```ts
 * const api = await startGitHubApi();                     // token 'test-token-1', no path prefix
 * api.seed(7, ['first!', { body: '<!-- keywarden -->\nold', login: 'github-actions[bot]', type: 'Bot' }]);
 * // ... run the code under test against api.apiUrl with owner 'acme', repo 'widgets', PR 7 ...
 * expect(api.commentsOn(7).map((c) => c.body)).toEqual(['first!', '<!-- keywarden -->\nnew']);
 * expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
 * ```
 *
 * Routes (relative to `apiUrl`; any owner and repo, each `owner/repo#number` its own thread):
 * - `GET /repos/:owner/:repo/issues/:n/comments` — oldest first; `per_page` (default 30, at most
 *   100) and `page` (1-based) as GitHub reads them, with a GitHub-style `Link` header
 *   (`rel="next"`, `rel="last"`, and `rel="prev"`/`rel="first"` past page 1) of absolute URLs.
 * - `POST` the same path with `{"body": "..."}` — 201 and the new comment, authored by
 *   `options.author` (default `github-actions[bot]`, a `Bot`).
 * - `PATCH /repos/:owner/:repo/issues/comments/:id` with `{"body": "..."}` — 200 and the comment.
 * - `DELETE /repos/:owner/:repo/issues/comments/:id` — 204.
 * - `GET /repos/:owner/:repo/issues` — issues and pull requests (those carry `pull_request`), by
 *   `state` (`open` by default, `closed`, `all`) and `direction` of creation (`desc` by default,
 *   `asc`), paged as comments are.
 * - `POST /repos/:owner/:repo/issues` with `{"title", "body"?, "labels"?}` — 201 and the new open
 *   issue (numbered from 1 in each repository), by `options.author`; 422 without a title.
 * - `GET /repos/:owner/:repo/issues/:n` — the issue; `PATCH` it with any of `title`, `body`,
 *   `state` (`open`/`closed`, else 422), `state_reason`, `labels` (replaces them all) — 200.
 * - `GET /repos/:owner/:repo/labels/:name` — 200 when the repository has that label (seeded with
 *   `seedLabels`; names compared case-insensitively, as GitHub does), else 404.
 * - `GET /repos/:owner/:repo/commits/:sha/comments` — the commit's comments, paged; `POST` with
 *   `{"body", "path"?, "line"?}` — 201 and the new comment, by `options.author`.
 * - `GET /repos/:owner/:repo/contents/:path?ref=SHA` and `GET /repos/:owner/:repo/git/blobs/:sha` —
 *   a seeded repository's files, read from its clone source when that is a local repository.
 * - `GET /meta/public_keys/secret_scanning` — `{"public_keys": [...]}`, the keys alerts are signed
 *   with (set with `publishSecretScanningKeys`, none at first); like GitHub, no token needed.
 * - Anything else: 404 `{"message": "Not Found"}` unless an `override` answers it.
 *
 * Failures as GitHub words them: `fail(match, 403 | 404 | 422)`, and its rate limits:
 * `secondaryRateLimit` (403, `Retry-After`, GitHub's message) and `rateLimit` (403 with
 * `x-ratelimit-remaining: 0` and `x-ratelimit-reset`).
 *
 * Every request must carry `Authorization: token TOKEN` or `Authorization: Bearer TOKEN`
 * with `options.token`; otherwise 401 `{"message": "Bad credentials"}` (and nothing changes).
 * Overrides are consulted before the token check, so they can answer anything.
 *
 * Servers started here are closed after each test (by the `afterEach` in test/helpers/setup.ts).
 */

export const defaultToken = 'test-token-1';
export const defaultOwner = 'acme';
export const defaultRepo = 'widgets';

export interface Author {
  login: string;
  /** GitHub's account type: `'Bot'` for apps such as github-actions, `'User'` for people. */
  type: string;
}

export const actionsBot: Author = { login: 'github-actions[bot]', type: 'Bot' };

export interface ApiComment {
  id: number;
  body: string;
  user: Author;
  html_url: string;
  created_at: string;
  updated_at: string;
}

/** GitHub's `author_association`: what the author is to the repository. */
export type Association = 'OWNER' | 'MEMBER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'FIRST_TIME_CONTRIBUTOR' | 'FIRST_TIMER' | 'NONE';

export interface ApiIssue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: Array<{ name: string }>;
  user: Author;
  author_association: Association;
  html_url: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** Present on pull requests, which the issues listing includes. */
  pull_request?: { url: string };
}

export interface ApiCommitComment {
  id: number;
  body: string;
  path: string | null;
  line: number | null;
  commit_id: string;
  user: Author;
  author_association: Association;
  html_url: string;
  created_at: string;
  updated_at: string;
}

export interface ApiRequest {
  method: string;
  /** The path below `apiUrl` (the prefix removed), without the query: `/repos/acme/widgets/issues/7/comments`. */
  path: string;
  /** The full request target as sent, prefix and query included. */
  url: string;
  /** Query parameters (the last value of each). */
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  /** The parsed JSON body; `undefined` when there was none or it was not JSON. */
  body: unknown;
  rawBody: string;
  /** The token from `Authorization: token X` / `Bearer X`, when there is one. */
  token?: string;
}

export interface ApiReply {
  /** Default 200. */
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON. */
  body?: string | object;
  /** Answer after this many ms. */
  delayMs?: number;
  /** Never answer (the connection stays open until the server closes). */
  hang?: boolean;
}

export interface RouteMatch {
  /** Upper-case HTTP method; any when left out. */
  method?: string;
  /** The path below `apiUrl` (a string must match exactly); any when left out. */
  path?: string | RegExp;
  /** Query parameters that must all be present with these values, e.g. `{ page: '2' }`. */
  query?: Record<string, string>;
}

export interface GitHubApiOptions {
  /** The token every request must carry. Default {@link defaultToken}. */
  token?: string;
  /**
   * A path prefix the API lives under, GitHub Enterprise style: `'/api/v3'` makes `apiUrl`
   * `http://127.0.0.1:PORT/api/v3`; requests outside it get 404. Default none.
   */
  prefix?: string;
  /** Who comments and issues created through the API are by. Default {@link actionsBot}. */
  author?: Author;
  /** Their `author_association`. Default `'NONE'` (what GitHub says of the Actions bot). */
  association?: Association;
}

export interface SeedComment {
  body: string;
  /** Default `'someone'`, a `User`. */
  login?: string;
  type?: string;
  /** GitHub's `author_association`, on issues and commit comments. Default `'NONE'`. */
  association?: Association;
}

export interface SeedIssue extends SeedComment {
  /** Default `'an issue'`. */
  title?: string;
  /** Default `'open'`. */
  state?: 'open' | 'closed';
  labels?: string[];
  /** A pull request rather than an issue (the issues listing includes both). */
  pullRequest?: boolean;
}

export interface SeedCommitComment extends SeedComment {
  path?: string;
  line?: number;
}

type Where = { owner?: string; repo?: string };

export interface GitHubApi {
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  /** `origin` plus the prefix: what `GITHUB_API_URL` should be. */
  apiUrl: string;
  token: string;
  requests: ApiRequest[];
  /** Recorded requests with this method (and, when given, this exact path or matching pattern). */
  requestsTo(method: string, path?: string | RegExp): ApiRequest[];
  /**
   * Add comments to a thread, oldest first; a string is a comment by `someone` (a `User`).
   * Returns the stored comments (with their ids). Default thread: `acme/widgets`.
   */
  seed(number: number, comments: Array<string | SeedComment>, where?: { owner?: string; repo?: string }): ApiComment[];
  /** Add `count` plain comments by `someone`, numbered from 1 in their bodies; returns them. */
  seedMany(number: number, count: number, where?: { owner?: string; repo?: string }): ApiComment[];
  /** The comments of a thread as they are now, oldest first (copies). */
  commentsOn(number: number, where?: { owner?: string; repo?: string }): ApiComment[];
  /**
   * Answer matching requests with `reply` instead (the first matching override wins), for
   * `times` requests (default: for good). E.g. `override({ method: 'PATCH' }, { status: 403,
   * body: { message: 'Resource not accessible by integration' } })`, or `override({}, { hang: true })`.
   */
  override(match: RouteMatch, reply: ApiReply, times?: number): void;
  /** Answer matching requests as GitHub does when the token may not (403), the thing is not there (404) or the input is refused (422). */
  fail(match: RouteMatch, status: 403 | 404 | 422, times?: number): void;
  /** GitHub's secondary rate limit: 403, `Retry-After: retryAfter` (seconds, default 1) and GitHub's message. */
  secondaryRateLimit(match: RouteMatch, options?: { retryAfter?: number; times?: number }): void;
  /** GitHub's primary rate limit: 403, no requests left, the window resetting in `resetIn` seconds (default 1). */
  rateLimit(match: RouteMatch, options?: { resetIn?: number; times?: number }): void;
  /** Add an issue (or pull request) to a repository, numbered after the ones there; returns it. */
  seedIssue(issue: SeedIssue, where?: Where): ApiIssue;
  /** Add `count` plain open issues by `someone`, titled `issue 1`…; returns them. */
  seedIssues(count: number, where?: Where): ApiIssue[];
  /** The issues and pull requests of a repository as they are now, oldest first (copies). */
  issuesOf(where?: Where): ApiIssue[];
  /** Labels the repository has (GitHub's default ones are not there unless seeded). */
  seedLabels(names: string[], where?: Where): void;
  /** Add comments to a commit, oldest first; a string is a comment by `someone`. Returns them. */
  seedCommitComments(sha: string, comments: Array<string | SeedCommitComment>, where?: Where): ApiCommitComment[];
  /** The comments on a commit as they are now, oldest first (copies). */
  commitCommentsOn(sha: string, where?: Where): ApiCommitComment[];
  /**
   * Repositories the listing routes answer with (`GET /orgs/:org/repos`, `GET /users/:user/repos`,
   * paged as comments are; `GET /repos/:owner/:repo`), in the order given; returns them.
   */
  seedRepositories(repositories: SeedRepository[]): ApiRepository[];
  /** What `GET /meta/public_keys/secret_scanning` lists from now on (replacing what it listed). */
  publishSecretScanningKeys(keys: SecretScanningKey[]): void;
  close(): Promise<void>;
}

/** One entry of GitHub's secret-scanning key list, as GitHub spells it. */
export interface SecretScanningKey {
  key_identifier: string;
  /** PEM text. */
  key: string;
  is_current: boolean;
}

const open = new Set<{ close(): Promise<void> }>();

/** Close every GitHub API stand-ins still open: test/helpers/setup.ts calls it after each test. */
export async function closeGitHubApis(): Promise<void> {
  await Promise.all([...open].map((server) => server.close()));
}

const threadKey = (owner: string, repo: string, number: number) => `${owner}/${repo}#${number}`;
const repoKey = (where: Where = {}) => `${where.owner ?? defaultOwner}/${where.repo ?? defaultRepo}`;
const notFound: ApiReply = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };

/** What GitHub answers for each failure `fail` stands in for. */
const failures: Record<403 | 404 | 422, ApiReply> = {
  403: { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' } },
  404: notFound,
  422: { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Issue', code: 'invalid', field: 'body' }], documentation_url: 'https://docs.github.com/rest' } },
};

/** GitHub's words for a secondary rate limit (the throttling plugin recognises it by "secondary rate"). */
export const secondaryRateLimitMessage =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0400:1234:ABCD.';

const copyIssue = (issue: ApiIssue): ApiIssue => ({ ...issue, user: { ...issue.user }, labels: issue.labels.map((label) => ({ ...label })) });
const copyCommitComment = (comment: ApiCommitComment): ApiCommitComment => ({ ...comment, user: { ...comment.user } });

/** Start a GitHub API stand-in on 127.0.0.1 (a free port); it is closed after the test. */
export async function startGitHubApi(options: GitHubApiOptions = {}): Promise<GitHubApi> {
  const token = options.token ?? defaultToken;
  const prefix = (options.prefix ?? '').replace(/\/+$/, '');
  const author = options.author ?? actionsBot;
  const association = options.association ?? 'NONE';
  const requests: ApiRequest[] = [];
  const threads = new Map<string, ApiComment[]>();
  const issues = new Map<string, ApiIssue[]>();
  const labels = new Map<string, Set<string>>();
  const repositories: ApiRepository[] = [];
  const commitComments = new Map<string, ApiCommitComment[]>();
  const overrides: Array<{ match: RouteMatch; reply: ApiReply; left: number }> = [];
  let secretScanningKeys: SecretScanningKey[] = [];
  let nextId = 1001;
  let clock = Date.parse('2026-01-01T00:00:00Z');

  const server: Server = createServer();
  const thread = (owner: string, repo: string, number: number): ApiComment[] => {
    const key = threadKey(owner, repo, number);
    let comments = threads.get(key);
    if (!comments) threads.set(key, (comments = []));
    return comments;
  };
  const findComment = (owner: string, repo: string, id: number): { list: ApiComment[]; index: number } | undefined => {
    for (const [key, list] of threads) {
      if (!key.startsWith(`${owner}/${repo}#`)) continue;
      const index = list.findIndex((comment) => comment.id === id);
      if (index >= 0) return { list, index };
    }
    return undefined;
  };
  const newComment = (owner: string, repo: string, number: number, body: string, user: Author): ApiComment => {
    const id = nextId++;
    const at = new Date((clock += 1000)).toISOString();
    return { id, body, user: { ...user }, html_url: `https://github.example/${owner}/${repo}/pull/${number}#issuecomment-${id}`, created_at: at, updated_at: at };
  };

  const issuesIn = (where: Where): ApiIssue[] => {
    const key = repoKey(where);
    let list = issues.get(key);
    if (!list) issues.set(key, (list = []));
    return list;
  };
  const newIssue = (where: Where, seed: SeedIssue, user: Author, by: Association): ApiIssue => {
    const list = issuesIn(where);
    const number = list.length + 1;
    const at = new Date((clock += 1000)).toISOString();
    const state = seed.state ?? 'open';
    const html = `https://github.example/${repoKey(where)}/${seed.pullRequest ? 'pull' : 'issues'}/${number}`;
    const issue: ApiIssue = {
      id: nextId++,
      number,
      title: seed.title ?? 'an issue',
      body: seed.body,
      state,
      state_reason: state === 'closed' ? 'completed' : null,
      labels: (seed.labels ?? []).map((name) => ({ name })),
      user: { ...user },
      author_association: by,
      html_url: html,
      created_at: at,
      updated_at: at,
      closed_at: state === 'closed' ? at : null,
      ...(seed.pullRequest ? { pull_request: { url: html } } : {}),
    };
    list.push(issue);
    return issue;
  };
  const commentsOnCommit = (where: Where, sha: string): ApiCommitComment[] => {
    const key = `${repoKey(where)}@${sha}`;
    let list = commitComments.get(key);
    if (!list) commitComments.set(key, (list = []));
    return list;
  };
  const newCommitComment = (where: Where, sha: string, seed: SeedCommitComment, user: Author, by: Association): ApiCommitComment => {
    const id = nextId++;
    const at = new Date((clock += 1000)).toISOString();
    const comment: ApiCommitComment = {
      id,
      body: seed.body,
      path: seed.path ?? null,
      line: seed.line ?? null,
      commit_id: sha,
      user: { ...user },
      author_association: by,
      html_url: `https://github.example/${repoKey(where)}/commit/${sha}#commitcomment-${id}`,
      created_at: at,
      updated_at: at,
    };
    commentsOnCommit(where, sha).push(comment);
    return comment;
  };
  const seededAuthor = (seed: SeedComment): Author => ({ login: seed.login ?? 'someone', type: seed.type ?? 'User' });

  const api: GitHubApi = {
    origin: '',
    apiUrl: '',
    token,
    requests,
    requestsTo: (method, path) =>
      requests.filter((r) => r.method === method && (path === undefined || (typeof path === 'string' ? r.path === path : path.test(r.path)))),
    seed(number, comments, where = {}) {
      const owner = where.owner ?? defaultOwner;
      const repo = where.repo ?? defaultRepo;
      const list = thread(owner, repo, number);
      const added = comments.map((c) => {
        const seed = typeof c === 'string' ? { body: c } : c;
        return newComment(owner, repo, number, seed.body, seededAuthor(seed));
      });
      list.push(...added);
      return added.map((c) => ({ ...c, user: { ...c.user } }));
    },
    seedMany(number, count, where = {}) {
      return api.seed(number, Array.from({ length: count }, (_, i) => `comment ${i + 1}`), where);
    },
    commentsOn(number, where = {}) {
      return (threads.get(threadKey(where.owner ?? defaultOwner, where.repo ?? defaultRepo, number)) ?? []).map((c) => ({ ...c, user: { ...c.user } }));
    },
    override(match, reply, times = Infinity) {
      overrides.push({ match, reply, left: times });
    },
    fail(match, status, times) {
      api.override(match, failures[status], times);
    },
    secondaryRateLimit(match, { retryAfter = 1, times } = {}) {
      const body = { message: secondaryRateLimitMessage, documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' };
      api.override(match, { status: 403, headers: { 'retry-after': String(retryAfter) }, body }, times);
    },
    rateLimit(match, { resetIn = 1, times } = {}) {
      const reset = String(Math.ceil(Date.now() / 1000) + resetIn);
      const headers = { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset, 'x-ratelimit-resource': 'core' };
      api.override(match, { status: 403, headers, body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: 'https://docs.github.com/rest' } }, times);
    },
    seedIssue(issue, where = {}) {
      return copyIssue(newIssue(where, issue, seededAuthor(issue), issue.association ?? 'NONE'));
    },
    seedIssues(count, where = {}) {
      return Array.from({ length: count }, (_, i) => api.seedIssue({ title: `issue ${i + 1}`, body: `issue ${i + 1}` }, where));
    },
    issuesOf: (where = {}) => (issues.get(repoKey(where)) ?? []).map(copyIssue),
    seedLabels(names, where = {}) {
      const key = repoKey(where);
      labels.set(key, new Set([...(labels.get(key) ?? []), ...names.map((name) => name.toLowerCase())]));
    },
    seedCommitComments(sha, comments, where = {}) {
      return comments.map((c) => {
        const seed = typeof c === 'string' ? { body: c } : c;
        return copyCommitComment(newCommitComment(where, sha, seed, seededAuthor(seed), seed.association ?? 'NONE'));
      });
    },
    commitCommentsOn: (sha, where = {}) => (commitComments.get(`${repoKey(where)}@${sha}`) ?? []).map(copyCommitComment),
    seedRepositories(seeds) {
      const added = seeds.map((seed) => newRepository(seed, repositories.length + 1));
      repositories.push(...added);
      return added;
    },
    publishSecretScanningKeys(keys) {
      secretScanningKeys = keys.map((key) => ({ ...key }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        open.delete(api);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  function route(request: ApiRequest): ApiReply {
    const override = overrides.find(
      (o) =>
        o.left > 0 &&
        (o.match.method === undefined || o.match.method === request.method) &&
        (o.match.path === undefined || (typeof o.match.path === 'string' ? o.match.path === request.path : o.match.path.test(request.path))) &&
        Object.entries(o.match.query ?? {}).every(([name, value]) => request.query[name] === value),
    );
    if (override) {
      override.left -= 1;
      return override.reply;
    }
    // Public, as on GitHub: a partner's endpoint may fetch it without a token.
    if (request.method === 'GET' && request.path === '/meta/public_keys/secret_scanning') return { status: 200, body: { public_keys: secretScanningKeys } };
    if (request.token !== token) return { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' } };

    const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(request.path);
    if (list) {
      const [, owner = '', repo = '', n = ''] = list;
      const comments = thread(owner, repo, Number(n));
      if (request.method === 'GET') return listPage(request, comments);
      if (request.method === 'POST') {
        const body = bodyField(request);
        if (body === undefined) return validationFailed;
        const comment = newComment(owner, repo, Number(n), body, author);
        comments.push(comment);
        return { status: 201, body: comment };
      }
      return notFound;
    }
    const one = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(request.path);
    if (one) {
      const [, owner = '', repo = '', id = ''] = one;
      const found = findComment(owner, repo, Number(id));
      if (!found) return notFound;
      const comment = found.list[found.index] as ApiComment;
      if (request.method === 'GET') return { status: 200, body: comment };
      if (request.method === 'PATCH') {
        const body = bodyField(request);
        if (body === undefined) return validationFailed;
        comment.body = body;
        comment.updated_at = new Date((clock += 1000)).toISOString();
        return { status: 200, body: comment };
      }
      if (request.method === 'DELETE') {
        found.list.splice(found.index, 1);
        return { status: 204 };
      }
    }
    return issueRoute(request) ?? commitCommentRoute(request) ?? labelRoute(request) ?? repositoryRoute(request) ?? contentsRoute(request) ?? notFound;
  }

  function issueRoute(request: ApiRequest): ApiReply | undefined {
    const all = /^\/repos\/([^/]+)\/([^/]+)\/issues$/.exec(request.path);
    if (all) {
      const where = { owner: all[1] ?? '', repo: all[2] ?? '' };
      if (request.method === 'GET') {
        const state = request.query.state ?? 'open';
        const listed = issuesIn(where).filter((issue) => state === 'all' || issue.state === state);
        return listPage(request, request.query.direction === 'asc' ? listed : [...listed].reverse());
      }
      if (request.method !== 'POST') return notFound;
      const fields = objectBody(request);
      if (typeof fields.title !== 'string' || fields.title === '') return issueInvalid('title');
      if (fields.body !== undefined && typeof fields.body !== 'string') return issueInvalid('body');
      const names = labelNames(fields.labels);
      if (names === undefined) return issueInvalid('labels');
      const created = newIssue(where, { title: fields.title, body: (fields.body as string | undefined) ?? '', labels: names }, author, association);
      return { status: 201, body: created };
    }
    const one = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/.exec(request.path);
    if (!one) return undefined;
    const issue = issuesIn({ owner: one[1] ?? '', repo: one[2] ?? '' }).find((candidate) => candidate.number === Number(one[3]));
    if (!issue) return notFound;
    if (request.method === 'GET') return { status: 200, body: issue };
    if (request.method !== 'PATCH') return notFound;
    const fields = objectBody(request);
    if (fields.state !== undefined && fields.state !== 'open' && fields.state !== 'closed') return issueInvalid('state');
    const names = labelNames(fields.labels);
    if (fields.labels !== undefined && names === undefined) return issueInvalid('labels');
    if (typeof fields.title === 'string') issue.title = fields.title;
    if (typeof fields.body === 'string') issue.body = fields.body;
    if (fields.labels !== undefined && names) issue.labels = names.map((name) => ({ name }));
    const at = new Date((clock += 1000)).toISOString();
    if (fields.state === 'closed' && issue.state === 'open') Object.assign(issue, { state: 'closed', closed_at: at, state_reason: typeof fields.state_reason === 'string' ? fields.state_reason : 'completed' });
    if (fields.state === 'open' && issue.state === 'closed') Object.assign(issue, { state: 'open', closed_at: null, state_reason: 'reopened' });
    issue.updated_at = at;
    return { status: 200, body: issue };
  }

  function commitCommentRoute(request: ApiRequest): ApiReply | undefined {
    const match = /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)\/comments$/.exec(request.path);
    if (!match) return undefined;
    const where = { owner: match[1] ?? '', repo: match[2] ?? '' };
    const sha = match[3] ?? '';
    if (request.method === 'GET') return listPage(request, commentsOnCommit(where, sha));
    if (request.method !== 'POST') return notFound;
    const fields = objectBody(request);
    if (typeof fields.body !== 'string') return validationFailed;
    if (fields.path !== undefined && typeof fields.path !== 'string') return validationFailed;
    if (fields.line !== undefined && !Number.isInteger(fields.line)) return validationFailed;
    const seed: SeedCommitComment = { body: fields.body, ...(typeof fields.path === 'string' ? { path: fields.path } : {}), ...(typeof fields.line === 'number' ? { line: fields.line } : {}) };
    return { status: 201, body: newCommitComment(where, sha, seed, author, association) };
  }

  function labelRoute(request: ApiRequest): ApiReply | undefined {
    const match = /^\/repos\/([^/]+)\/([^/]+)\/labels\/([^/]+)$/.exec(request.path);
    if (!match || request.method !== 'GET') return undefined;
    const name = decodeURIComponent(match[3] ?? '');
    const has = labels.get(repoKey({ owner: match[1] ?? '', repo: match[2] ?? '' }))?.has(name.toLowerCase()) ?? false;
    return has ? { status: 200, body: { id: 1, name, color: 'd73a4a', default: false } } : notFound;
  }

  /** The repository listings of an organization or a user (by owner, case-insensitive), and one repository. */
  function repositoryRoute(request: ApiRequest): ApiReply | undefined {
    if (request.method !== 'GET') return undefined;
    const owned = /^\/(?:orgs|users)\/([^/]+)\/repos$/.exec(request.path);
    if (owned) {
      const owner = (owned[1] ?? '').toLowerCase();
      return listPage(request, repositories.filter((repository) => repository.owner.login.toLowerCase() === owner));
    }
    const one = /^\/repos\/([^/]+)\/([^/]+)$/.exec(request.path);
    if (!one) return undefined;
    const fullName = `${one[1] ?? ''}/${one[2] ?? ''}`.toLowerCase();
    const found = repositories.find((repository) => repository.full_name.toLowerCase() === fullName);
    return found ? { status: 200, body: found } : notFound;
  }

  /**
   * A seeded repository's files, read from its clone source (a local bare repository): `GET
   * /repos/:owner/:repo/contents/:path?ref=SHA` (base64 `content` up to 1 MB; above, empty with
   * `encoding: "none"`, as GitHub answers) and `GET /repos/:owner/:repo/git/blobs/:sha`.
   */
  function contentsRoute(request: ApiRequest): ApiReply | undefined {
    if (request.method !== 'GET') return undefined;
    const match = /^\/repos\/([^/]+)\/([^/]+)\/(?:contents\/(.+)|git\/blobs\/([0-9a-f]{40}))$/.exec(request.path);
    if (!match) return undefined;
    const fullName = `${match[1] ?? ''}/${match[2] ?? ''}`.toLowerCase();
    const repository = repositories.find((r) => r.full_name.toLowerCase() === fullName);
    if (!repository || !/^(\/|file:)/.test(repository.clone_url)) return notFound;
    const dir = repository.clone_url.startsWith('file:') ? fileURLToPath(repository.clone_url) : repository.clone_url;
    const git = (args: string[]) => execFileSync('git', args, { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 });
    try {
      const path = match[3] === undefined ? undefined : decodeURIComponent(match[3]);
      const sha = path === undefined ? (match[4] ?? '') : git(['rev-parse', '--verify', '--end-of-options', `${request.query.ref ?? 'HEAD'}:${path}`]).toString('utf8').trim();
      const bytes = git(['cat-file', 'blob', sha]);
      if (path === undefined) return { status: 200, body: { sha, size: bytes.length, encoding: 'base64', content: bytes.toString('base64') } };
      const inline = bytes.length <= 1024 * 1024;
      return { status: 200, body: { type: 'file', path, sha, size: bytes.length, encoding: inline ? 'base64' : 'none', content: inline ? bytes.toString('base64') : '' } };
    } catch {
      return notFound;
    }
  }

  function listPage(request: ApiRequest, comments: readonly object[]): ApiReply {
    const perPage = Math.min(100, Math.max(1, Number.parseInt(request.query.per_page ?? '30', 10) || 30));
    const page = Math.max(1, Number.parseInt(request.query.page ?? '1', 10) || 1);
    const last = Math.max(1, Math.ceil(comments.length / perPage));
    const pageUrl = (p: number) => {
      const url = new URL(`${api.apiUrl}${request.path}`);
      for (const [name, value] of Object.entries(request.query)) url.searchParams.set(name, value);
      url.searchParams.set('per_page', String(perPage));
      url.searchParams.set('page', String(p));
      return url.href;
    };
    // GitHub sends `Link` only when there is more than one page.
    const links: string[] = [];
    if (page < last) links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(last)}>; rel="last"`);
    if (page > 1 && last > 1) links.push(`<${pageUrl(Math.min(page - 1, last))}>; rel="prev"`, `<${pageUrl(1)}>; rel="first"`);
    return {
      status: 200,
      headers: links.length > 0 ? { link: links.join(', ') } : {},
      body: comments.slice((page - 1) * perPage, page * perPage),
    };
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const rawBody = Buffer.concat(parts).toString('utf8');
      const auth = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
      const inside = prefix === '' || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
      const recorded: ApiRequest = {
        method: req.method ?? '',
        path: inside ? url.pathname.slice(prefix.length) : url.pathname,
        url: req.url ?? '',
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: parseJson(rawBody),
        rawBody,
        ...(auth?.[1] ? { token: auth[1] } : {}),
      };
      requests.push(recorded);
      const reply = inside ? route(recorded) : notFound;
      if (reply.hang) return;
      const send = () => {
        const json = typeof reply.body === 'object';
        res.writeHead(reply.status ?? 200, { ...(json ? { 'content-type': 'application/json; charset=utf-8' } : {}), ...reply.headers });
        res.end(json ? JSON.stringify(reply.body) : (reply.body ?? ''));
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.apiUrl = `${api.origin}${prefix}`;
  open.add(api);
  return api;
}

const validationFailed: ApiReply = { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }] } };

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function objectBody(request: ApiRequest): Record<string, unknown> {
  const body = request.body;
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** Label names as GitHub takes them (strings or `{name}` objects); undefined when they are neither. */
function labelNames(labels: unknown): string[] | undefined {
  if (labels === undefined) return [];
  if (!Array.isArray(labels)) return undefined;
  const names = labels.map((label: unknown) => (typeof label === 'string' ? label : label !== null && typeof label === 'object' ? (label as { name?: unknown }).name : undefined));
  return names.every((name): name is string => typeof name === 'string') ? names : undefined;
}

function issueInvalid(field: string): ApiReply {
  return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Issue', code: 'invalid', field }] } };
}

function bodyField(request: ApiRequest): string | undefined {
  const body = request.body;
  if (body === null || typeof body !== 'object') return undefined;
  const value = (body as Record<string, unknown>).body;
  return typeof value === 'string' ? value : undefined;
}

/**
 * The URL of a port on 127.0.0.1 that nothing listens on (bound, then closed), for an
 * unreachable API: connections are refused at once. `path` is appended (e.g. `'/api/v3'`).
 */
export async function closedPortUrl(path = ''): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}${path}`;
}

/**
 * A GitHub API that accepts connections and never answers any request (until it is closed
 * after the test): for timeouts. Its requests are still recorded.
 */
export async function startHangingGitHubApi(options: GitHubApiOptions = {}): Promise<GitHubApi> {
  const api = await startGitHubApi(options);
  api.override({}, { hang: true });
  return api;
}

/** A repository to list: `OWNER/NAME`, where it is cloned from (a local bare repository in tests), and whether it is a fork or archived. */
export interface SeedRepository {
  fullName: string;
  cloneUrl?: string;
  /** GitHub's `size` in KiB; default 1. */
  size?: number;
  fork?: boolean;
  archived?: boolean;
}

/** The fields of GitHub's repository object that keywarden reads, and a few more. */
export interface ApiRepository {
  id: number;
  name: string;
  full_name: string;
  owner: { login: string; type: string };
  private: boolean;
  fork: boolean;
  archived: boolean;
  clone_url: string;
  html_url: string;
  size: number;
}

function newRepository(seed: SeedRepository, id: number): ApiRepository {
  const [login = '', name = ''] = seed.fullName.split('/');
  return {
    id,
    name,
    full_name: seed.fullName,
    owner: { login, type: 'Organization' },
    private: false,
    fork: seed.fork ?? false,
    archived: seed.archived ?? false,
    clone_url: seed.cloneUrl ?? `https://github.example/${seed.fullName}.git`,
    html_url: `https://github.example/${seed.fullName}`,
    size: seed.size ?? 1,
  };
}
