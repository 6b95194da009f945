/**
 * The PR comment (SPEC §7 "keeps one PR comment up to date") through the real octokit client
 * against a GitHub API stand-in on 127.0.0.1: one marked comment per PR, created once and
 * edited in place; failures are short, token-free errors that come fast.
 */
import { describe, expect, it } from 'vitest';
import { settleMarkedComment, upsertMarkedComment, type CommentOutcome, type GitHubRepo } from '../../src/respond/notify/pr-comment.js';
import { actionsBot, closedPortUrl, defaultOwner, defaultRepo, startGitHubApi, startHangingGitHubApi, type GitHubApi, type SeedComment } from '../helpers/github-api.js';

const marker = '<!-- keywarden:pr-comment -->';
const report = (text: string) => `${marker}\n${text}`;
const allClear = report('No leaked keys left in this pull request.');
const pr = 7;
/** No write spacing, and a second of waiting lasts 1 ms: the client's timing is its own test's (test/respond/github-client.test.ts). */
const fast = { writeSpacingMs: 0, secondMs: 1 };
const commentsPath = `/repos/${defaultOwner}/${defaultRepo}/issues/${pr}/comments`;

const targetOf = (api: { apiUrl: string; token: string }, token = api.token): GitHubRepo => ({ apiUrl: api.apiUrl, token, owner: defaultOwner, repo: defaultRepo });
const bot = (body: string): SeedComment => ({ body, login: actionsBot.login, type: actionsBot.type });
const person = (body: string, login = 'alice'): SeedComment => ({ body, login, type: 'User' });

function writes(api: GitHubApi) {
  return { posts: api.requestsTo('POST').length, patches: api.requestsTo('PATCH').length, deletes: api.requestsTo('DELETE').length };
}

async function timed<T>(work: () => Promise<T>): Promise<{ error: Error; ms: number }> {
  const start = performance.now();
  try {
    await work();
  } catch (error) {
    return { error: error as Error, ms: performance.now() - start };
  }
  throw new Error('expected a failure');
}

interface Case {
  name: string;
  /** Plain comments by others before the seeded ones (pushes the marked comment to a later page). */
  filler?: number;
  seed: Array<string | SeedComment>;
  run: 'upsert' | 'settle';
  body: string;
  outcome: CommentOutcome;
  /** The thread afterwards, without the filler. */
  after: string[];
  /** Seeded comments (by index) that must keep their id, i.e. were edited rather than replaced. */
  keeps?: number[];
  writes: { posts: number; patches: number; deletes: number };
}

const cases: Case[] = [
  {
    name: 'the first run creates one comment',
    seed: [],
    run: 'upsert',
    body: report('1 finding'),
    outcome: 'created',
    after: [report('1 finding')],
    writes: { posts: 1, patches: 0, deletes: 0 },
  },
  {
    name: 'a re-run with a different body edits the comment in place',
    seed: [bot(report('1 finding'))],
    run: 'upsert',
    body: report('2 findings'),
    outcome: 'updated',
    after: [report('2 findings')],
    keeps: [0],
    writes: { posts: 0, patches: 1, deletes: 0 },
  },
  {
    name: 'a re-run with the same body sends no edit',
    seed: [bot(report('1 finding'))],
    run: 'upsert',
    body: report('1 finding'),
    outcome: 'unchanged',
    after: [report('1 finding')],
    writes: { posts: 0, patches: 0, deletes: 0 },
  },
  {
    name: 'a body that differs only in CRLF line ends (an edit in the web UI) counts as the same',
    seed: [bot(`${marker}\r\n1 finding`)],
    run: 'upsert',
    body: report('1 finding'),
    outcome: 'unchanged',
    after: [`${marker}\r\n1 finding`],
    writes: { posts: 0, patches: 0, deletes: 0 },
  },
  {
    name: "other people's comments, unmarked bot comments and a person quoting the marker are left alone",
    seed: ['lgtm', bot('Deploy preview ready'), person(`quoting the bot: ${marker} 1 finding`), bot(report('1 finding')), person('thanks', 'bob')],
    run: 'upsert',
    body: report('fixed'),
    outcome: 'updated',
    after: ['lgtm', 'Deploy preview ready', `quoting the bot: ${marker} 1 finding`, report('fixed'), 'thanks'],
    keeps: [0, 1, 2, 3, 4],
    writes: { posts: 0, patches: 1, deletes: 0 },
  },
  {
    name: 'a person quoting the marker before the bot ever commented is left alone, and the bot posts its own',
    seed: ['lgtm', person(`> ${marker}\n> 1 finding\n\nis this real?`)],
    run: 'upsert',
    body: report('1 finding'),
    outcome: 'created',
    after: ['lgtm', `> ${marker}\n> 1 finding\n\nis this real?`, report('1 finding')],
    keeps: [0, 1],
    writes: { posts: 1, patches: 0, deletes: 0 },
  },
  {
    name: 'the marked comment is found past the first 100 comments (page 2)',
    filler: 130,
    seed: [bot(report('1 finding')), 'later'],
    run: 'upsert',
    body: report('2 findings'),
    outcome: 'updated',
    after: [report('2 findings'), 'later'],
    keeps: [0],
    writes: { posts: 0, patches: 1, deletes: 0 },
  },
  {
    name: 'two marked comments (two runs racing) become one: the first edited, the extra deleted',
    seed: [bot(report('1 finding')), 'in between', bot(report('1 finding'))],
    run: 'upsert',
    body: report('2 findings'),
    outcome: 'updated',
    after: [report('2 findings'), 'in between'],
    keeps: [0, 1],
    writes: { posts: 0, patches: 1, deletes: 1 },
  },
  {
    name: 'an extra marked comment is deleted even when the kept one is unchanged',
    seed: [bot(report('1 finding')), bot(report('old'))],
    run: 'upsert',
    body: report('1 finding'),
    outcome: 'unchanged',
    after: [report('1 finding')],
    keeps: [0],
    writes: { posts: 0, patches: 0, deletes: 1 },
  },
  {
    name: 'a comment made with a personal token (a User) is found and edited too',
    seed: [person(report('1 finding'), 'ci-user')],
    run: 'upsert',
    body: report('2 findings'),
    outcome: 'updated',
    after: [report('2 findings')],
    keeps: [0],
    writes: { posts: 0, patches: 1, deletes: 0 },
  },
  {
    name: 'settling a PR that had a comment turns it into the all-clear',
    seed: ['lgtm', bot(report('1 finding'))],
    run: 'settle',
    body: allClear,
    outcome: 'updated',
    after: ['lgtm', allClear],
    keeps: [0, 1],
    writes: { posts: 0, patches: 1, deletes: 0 },
  },
  {
    name: 'settling again leaves the all-clear as it is',
    seed: [bot(allClear)],
    run: 'settle',
    body: allClear,
    outcome: 'unchanged',
    after: [allClear],
    writes: { posts: 0, patches: 0, deletes: 0 },
  },
  {
    name: 'settling a PR that never had a comment posts nothing',
    seed: ['lgtm', person(`what is ${marker.slice(0, 10)}?`)],
    run: 'settle',
    body: allClear,
    outcome: 'none',
    after: ['lgtm', `what is ${marker.slice(0, 10)}?`],
    writes: { posts: 0, patches: 0, deletes: 0 },
  },
  {
    name: 'settling a PR with no comments at all posts nothing',
    seed: [],
    run: 'settle',
    body: allClear,
    outcome: 'none',
    after: [],
    writes: { posts: 0, patches: 0, deletes: 0 },
  },
];

describe.each([
  ['api.github.com style (no path prefix)', ''],
  ['GitHub Enterprise style (/api/v3)', '/api/v3'],
])('the marked PR comment, %s', (_style, prefix) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const api = await startGitHubApi({ prefix });
    const filler = api.seedMany(pr, c.filler ?? 0);
    const seeded = api.seed(pr, c.seed);

    const run = c.run === 'upsert' ? upsertMarkedComment : settleMarkedComment;
    expect(await run(targetOf(api), pr, marker, c.body, fast)).toBe(c.outcome);

    const thread = api.commentsOn(pr);
    expect(thread.slice(0, filler.length).map((comment) => comment.body)).toEqual(filler.map((comment) => comment.body));
    expect(thread.slice(filler.length).map((comment) => comment.body)).toEqual(c.after);
    const ids = new Set(thread.map((comment) => comment.id));
    for (const index of c.keeps ?? []) expect(ids.has((seeded[index] as { id: number }).id)).toBe(true);
    expect(writes(api)).toEqual(c.writes);
    // Every listing asked for full pages, and every request carried the token and our name.
    const lists = api.requestsTo('GET', commentsPath);
    expect(lists.length).toBe(Math.max(1, Math.ceil((filler.length + seeded.length) / 100)));
    for (const request of lists) expect(request.query.per_page).toBe('100');
    for (const request of api.requests) {
      expect(request.path.startsWith('/repos/')).toBe(true);
      expect(request.token).toBe(api.token);
      expect(request.headers['user-agent']).toMatch(/^keywarden\b/);
    }
  });
});

describe('the marked PR comment over runs', () => {
  it('first run creates, later runs edit the same comment, the clean run settles it', async () => {
    const api = await startGitHubApi();
    api.seed(pr, ['lgtm']);
    const target = targetOf(api);

    expect(await upsertMarkedComment(target, pr, marker, report('1 finding'), fast)).toBe('created');
    const [created] = api.requestsTo('POST');
    expect(created?.body).toEqual({ body: report('1 finding') });
    const id = api.commentsOn(pr)[1]?.id;

    expect(await upsertMarkedComment(target, pr, marker, report('1 finding'), fast)).toBe('unchanged');
    expect(await upsertMarkedComment(target, pr, marker, report('2 findings'), fast)).toBe('updated');
    expect(await settleMarkedComment(target, pr, marker, allClear, fast)).toBe('updated');

    expect(api.commentsOn(pr).map((c) => [c.id, c.body])).toEqual([
      [api.commentsOn(pr)[0]?.id, 'lgtm'],
      [id, allClear],
    ]);
    expect(writes(api)).toEqual({ posts: 1, patches: 2, deletes: 0 });
    expect(api.requestsTo('PATCH').map((r) => r.path)).toEqual([`/repos/acme/widgets/issues/comments/${String(id)}`, `/repos/acme/widgets/issues/comments/${String(id)}`]);
  });

  it('keeps threads apart: another PR and another repository have their own comment', async () => {
    const api = await startGitHubApi();
    api.seed(8, [bot(report('on PR 8'))]);
    api.seed(pr, [bot(report('other repo'))], { repo: 'gadgets' });

    expect(await upsertMarkedComment(targetOf(api), pr, marker, report('on PR 7'), fast)).toBe('created');
    expect(api.commentsOn(8).map((c) => c.body)).toEqual([report('on PR 8')]);
    expect(api.commentsOn(pr, { repo: 'gadgets' }).map((c) => c.body)).toEqual([report('other repo')]);
  });

  it('tolerates an extra comment that is already gone when it is deleted', async () => {
    const api = await startGitHubApi();
    api.seed(pr, [bot(report('a')), bot(report('b'))]);
    api.override({ method: 'DELETE' }, { status: 404, body: { message: 'Not Found' } });
    expect(await upsertMarkedComment(targetOf(api), pr, marker, report('c'), fast)).toBe('updated');
  });

  it('accepts an API URL with a trailing slash', async () => {
    const api = await startGitHubApi({ prefix: '/api/v3' });
    expect(await upsertMarkedComment({ ...targetOf(api), apiUrl: `${api.apiUrl}/` }, pr, marker, report('x'), fast)).toBe('created');
    expect(api.requestsTo('POST', commentsPath)).toHaveLength(1);
  });
});

describe('failures: short messages without the token', () => {
  const wrongToken = 'test-token-wrong';

  it.each([
    {
      name: 'a wrong token',
      setup: (_api: GitHubApi) => undefined,
      token: wrongToken,
      message: 'GitHub API: 401 Bad credentials',
    },
    {
      name: 'a token that may not comment (403 on POST)',
      setup: (api: GitHubApi) => api.override({ method: 'POST' }, { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' } }),
      token: undefined,
      message: 'GitHub API: 403 Resource not accessible by integration',
    },
    {
      name: 'a server error without a body',
      setup: (api: GitHubApi) => api.override({ method: 'GET' }, { status: 500 }),
      token: undefined,
      message: 'GitHub API: 500',
    },
    {
      name: 'a multi-line message',
      setup: (api: GitHubApi) => api.override({ method: 'GET' }, { status: 502, body: { message: 'Bad\ngateway\u001b[31m' } }),
      token: undefined,
      message: 'GitHub API: 502 Bad gateway [31m',
    },
    {
      name: 'a server that echoes the token back',
      setup: (api: GitHubApi) => api.override({ method: 'GET' }, { status: 400, body: { message: `unexpected token ${api.token}` } }),
      token: undefined,
      message: 'GitHub API: 400 unexpected token [REDACTED]',
    },
    {
      name: 'an answer that is not a list',
      setup: (api: GitHubApi) => api.override({ method: 'GET' }, { status: 200, body: { message: 'surprise' } }),
      token: undefined,
      message: 'GitHub API: unexpected answer listing comments',
    },
  ])('$name', async ({ setup, token, message }) => {
    const api = await startGitHubApi();
    api.seed(pr, ['lgtm']);
    setup(api);
    const target = targetOf(api, token ?? api.token);
    const { error } = await timed(() => upsertMarkedComment(target, pr, marker, report('1 finding'), fast));
    expect(error.constructor).toBe(Error);
    expect(error.message).toBe(message);
    expect(error.message).not.toContain(target.token);
    expect(error.cause).toBeUndefined();
    // Nothing that could carry the Authorization header rides along with the error.
    expect(JSON.stringify(Object.entries(error))).not.toContain(target.token);
    expect(api.commentsOn(pr).map((c) => c.body)).toEqual(['lgtm']);
  });

  it('fails fast when nothing listens at the API URL', async () => {
    const target: GitHubRepo = { apiUrl: await closedPortUrl('/api/v3'), token: 'test-token-1', owner: defaultOwner, repo: defaultRepo };
    const { error, ms } = await timed(() => upsertMarkedComment(target, pr, marker, report('1 finding')));
    expect(error.message).toBe('GitHub API unreachable: ECONNREFUSED');
    expect(ms).toBeLessThan(2_000); // the default timeout is 10 s, and a retry would wait 1 s first
  });

  it('gives up on an API that never answers within the timeout', async () => {
    const api = await startHangingGitHubApi();
    const { error, ms } = await timed(() => settleMarkedComment(targetOf(api), pr, marker, allClear, { ...fast, timeoutMs: 300 }));
    expect(error.message).toBe('GitHub API unreachable: no answer within 300 ms');
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(3_000);
    expect(api.requests).toHaveLength(1);
  });

  it('applies the timeout to every page, not only the first', async () => {
    const api = await startGitHubApi();
    api.seedMany(pr, 150);
    api.override({ method: 'GET', query: { page: '2' } }, { hang: true });
    const { error, ms } = await timed(() => upsertMarkedComment(targetOf(api), pr, marker, report('x'), { ...fast, timeoutMs: 300 }));
    expect(error.message).toBe('GitHub API unreachable: no answer within 300 ms');
    expect(ms).toBeLessThan(3_000);
    expect(writes(api)).toEqual({ posts: 0, patches: 0, deletes: 0 });
  });

  it('never sends the token outside the API URL, whatever a Link header says', async () => {
    const api = await startGitHubApi();
    const elsewhere = await startGitHubApi();
    api.override({ method: 'GET' }, { status: 200, headers: { link: `<${elsewhere.apiUrl}${commentsPath}?page=2>; rel="next"` }, body: [] });
    const { error } = await timed(() => upsertMarkedComment(targetOf(api), pr, marker, report('x'), fast));
    expect(error.message).toBe('GitHub API: refused to follow a link outside the API URL');
    expect(elsewhere.requests).toHaveLength(0);
    expect(writes(api).posts).toBe(0);
  });

  it.each([
    ['http to a host that is not loopback', 'http://github.example/api/v3', 'GitHub API URL must be https (http only for loopback hosts), not http:'],
    ['credentials in the URL', 'https://user:pass@github.example/api/v3', 'GitHub API URL must not contain credentials'],
    ['not a URL', 'api.github.com', 'GitHub API URL is not a valid URL'],
  ])('refuses an API URL with %s before sending anything', async (_name, apiUrl, message) => {
    const { error } = await timed(() => upsertMarkedComment({ apiUrl, token: 'test-token-1', owner: defaultOwner, repo: defaultRepo }, pr, marker, report('x'), fast));
    expect(error.message).toBe(message);
  });
});

describe('programming errors throw before any request', () => {
  it.each([
    ['a body without the marker', pr, marker, 'no marker here', /does not contain the marker/],
    ['an empty marker', pr, '  ', '  ', /marker is empty/],
    ['a number that is no issue number', 0, marker, report('x'), /not an issue or pull request number/],
    ['a fractional number', 1.5, marker, report('x'), /not an issue or pull request number/],
  ])('%s', async (_name, number, mark, body, message) => {
    const api = await startGitHubApi();
    await expect(upsertMarkedComment(targetOf(api), number, mark, body, fast)).rejects.toThrow(message);
    await expect(settleMarkedComment(targetOf(api), number, mark, body, fast)).rejects.toThrow(message);
    expect(api.requests).toHaveLength(0);
  });
});

describe('the GitHub API stand-in', () => {
  it('pages like GitHub: per_page, page, and a Link header with absolute next/last URLs under the prefix', async () => {
    const api = await startGitHubApi({ prefix: '/api/v3' });
    api.seedMany(pr, 250);
    const headers = { authorization: `token ${api.token}` };
    const first = await fetch(`${api.apiUrl}${commentsPath}?per_page=100`, { headers });
    expect(first.status).toBe(200);
    expect(((await first.json()) as unknown[]).length).toBe(100);
    expect(first.headers.get('link')).toBe(
      `<${api.apiUrl}${commentsPath}?per_page=100&page=2>; rel="next", <${api.apiUrl}${commentsPath}?per_page=100&page=3>; rel="last"`,
    );
    const last = await fetch(`${api.apiUrl}${commentsPath}?per_page=100&page=3`, { headers: { authorization: `Bearer ${api.token}` } });
    expect(((await last.json()) as Array<{ body: string }>).map((c) => c.body)[49]).toBe('comment 250');
    expect(last.headers.get('link')).toContain('rel="prev"');
    expect(last.headers.get('link')).not.toContain('rel="next"');

    const outside = await fetch(`${api.origin}${commentsPath}`, { headers });
    expect(outside.status).toBe(404);
    const anonymous = await fetch(`${api.apiUrl}${commentsPath}`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ message: 'Bad credentials' });
  });
});
