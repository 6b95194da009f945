/**
 * The one GitHub client (respond/notify/github-client.ts) against the GitHub API stand-in:
 * GitHub's rate limits waited out within a bound (and said so past it), 5xx answers retried,
 * writes spaced, and the per-request options the channels pass keeping the client's guard and
 * timeout. (URL checks, timeouts, unreachable APIs and safe messages: test/respond/pr-comment.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { gitHubClient, type GitHubClientSettings } from '../../src/respond/notify/github-client.js';
import { defaultOwner, defaultRepo, secondaryRateLimitMessage, startGitHubApi, type GitHubApi } from '../helpers/github-api.js';

const where = { owner: defaultOwner, repo: defaultRepo };
const issuesPath = `/repos/${defaultOwner}/${defaultRepo}/issues`;
/** A second of waiting lasts 1 ms. */
const fast = { writeSpacingMs: 0, secondMs: 1 };

function clientOf(api: GitHubApi, settings: Partial<GitHubClientSettings> = {}) {
  return gitHubClient({ apiUrl: api.apiUrl, token: api.token, ...fast, ...settings });
}

const listIssues = (client: ReturnType<typeof clientOf>) => client.call((octokit) => octokit.rest.issues.listForRepo(where));
const openIssue = (client: ReturnType<typeof clientOf>, title = 'x') => client.call((octokit) => octokit.rest.issues.create({ ...where, title, request: { retries: 0 } }));

async function failure(work: () => Promise<unknown>): Promise<Error> {
  try {
    await work();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

/** The message as it starts, GitHub's long words cut as `oneLine` cuts them. */
const secondaryStart = `GitHub API: 403 ${secondaryRateLimitMessage}`.slice(0, 'GitHub API: 403 '.length + 199);

describe('rate limits', () => {
  it.each([
    { name: 'a secondary rate limit', limit: (api: GitHubApi) => api.secondaryRateLimit({ method: 'GET' }, { retryAfter: 5, times: 2 }) },
    { name: 'the primary rate limit (x-ratelimit-reset)', limit: (api: GitHubApi) => api.rateLimit({ method: 'GET' }, { resetIn: 2, times: 2 }) },
  ])('waits out $name and carries on', async ({ limit }) => {
    const api = await startGitHubApi();
    limit(api);
    const { status } = await listIssues(clientOf(api));
    expect(status).toBe(200);
    expect(api.requestsTo('GET', issuesPath)).toHaveLength(3);
  });

  it('gives up on a wait longer than the bound, at once, and says so', async () => {
    const api = await startGitHubApi();
    api.secondaryRateLimit({ method: 'POST' }, { retryAfter: 120 });
    const error = await failure(() => openIssue(clientOf(api, { maxWaitSeconds: 60 })));
    expect(error.message).toBe(`${secondaryStart} (rate limited: GitHub asks to wait 120 s, more than the 60 s keywarden waits)`);
    expect(api.requestsTo('POST')).toHaveLength(1);
  });

  it('gives up on the primary limit when its window resets too late', async () => {
    const api = await startGitHubApi();
    api.rateLimit({ method: 'GET' }, { resetIn: 3600 });
    const error = await failure(() => listIssues(clientOf(api)));
    expect(error.message).toMatch(/^GitHub API: 403 API rate limit exceeded for installation ID 1\. \(rate limited: GitHub asks to wait 36\d\d s, more than the 60 s keywarden waits\)$/);
    expect(api.requestsTo('GET')).toHaveLength(1);
  });

  it('gives up after its retries, and says so', async () => {
    const api = await startGitHubApi();
    api.secondaryRateLimit({ method: 'POST' }, { retryAfter: 1 });
    const error = await failure(() => openIssue(clientOf(api, { retries: 2 })));
    expect(error.message).toBe(`${secondaryStart} (still rate limited after 2 retries)`);
    expect(api.requestsTo('POST')).toHaveLength(3);
    expect(api.issuesOf()).toEqual([]);
  });

  it('a 403 that is no rate limit is neither retried nor explained as one', async () => {
    const api = await startGitHubApi();
    api.fail({ method: 'POST' }, 403);
    const error = await failure(() => openIssue(clientOf(api)));
    expect(error.message).toBe('GitHub API: 403 Resource not accessible by integration');
    expect(api.requestsTo('POST')).toHaveLength(1);
  });
});

describe('server errors', () => {
  it('retries a 5xx answer, backing off, up to its retries', async () => {
    const api = await startGitHubApi();
    api.override({ method: 'GET' }, { status: 502, body: { message: 'Server Error' } }, 2);
    expect((await listIssues(clientOf(api))).status).toBe(200);
    expect(api.requestsTo('GET')).toHaveLength(3);

    const down = await startGitHubApi();
    down.override({ method: 'GET' }, { status: 503, body: { message: 'Service Unavailable' } });
    expect((await failure(() => listIssues(clientOf(down, { retries: 1 })))).message).toBe('GitHub API: 503 Service Unavailable');
    expect(down.requestsTo('GET')).toHaveLength(2);
  });

  it('a request the caller marks `retries: 0` (a write that may have landed) keeps the client timeout', async () => {
    const api = await startGitHubApi();
    api.override({ method: 'POST' }, { hang: true });
    const error = await failure(() => openIssue(clientOf(api, { timeoutMs: 300 })));
    expect(error.message).toBe('GitHub API unreachable: no answer within 300 ms');
    expect(api.requestsTo('POST')).toHaveLength(1);
  });
});

describe('write spacing', () => {
  it('starts each write at least writeSpacingMs after the one before; the first write and reads do not wait', async () => {
    const api = await startGitHubApi();
    const client = clientOf(api, { writeSpacingMs: 150 });
    const start = performance.now();
    for (const title of ['a', 'b', 'c']) await openIssue(client, title);
    expect(performance.now() - start).toBeGreaterThanOrEqual(295);
    expect(api.issuesOf().map((issue) => issue.title)).toEqual(['a', 'b', 'c']);

    // The first write does not wait (an issue is a write that notifies: it passes two of the
    // plugin's groups, and must wait in one only), nor does a read after it: the spacing is a minute here.
    const spaced = await startGitHubApi();
    const reader = clientOf(spaced, { writeSpacingMs: 60_000 });
    await openIssue(reader);
    await listIssues(reader);
    expect(spaced.requestsTo('GET')).toHaveLength(1);
  });
});
