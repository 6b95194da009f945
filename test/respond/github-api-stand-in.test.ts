/**
 * The GitHub API stand-in's issue, label and commit-comment routes answer as GitHub does, so
 * the channel tests that rely on them test keywarden, not the stand-in.
 */
import { describe, expect, it } from 'vitest';
import { secondaryRateLimitMessage, startGitHubApi, type ApiIssue } from '../helpers/github-api.js';

const repo = '/repos/acme/widgets';

describe('the GitHub API stand-in', () => {
  it('lists issues and pull requests by state, newest first unless asked, 100 a page at most, with a Link header', async () => {
    const api = await startGitHubApi();
    api.seedIssues(3);
    api.seedIssue({ title: 'closed', body: '', state: 'closed' });
    api.seedIssue({ title: 'a PR', body: '', pullRequest: true });
    const get = async (query: string) => {
      const response = await fetch(`${api.apiUrl}${repo}/issues${query}`, { headers: { authorization: `token ${api.token}` } });
      return { titles: ((await response.json()) as ApiIssue[]).map((issue) => issue.title), link: response.headers.get('link') };
    };
    expect((await get('')).titles).toEqual(['a PR', 'issue 3', 'issue 2', 'issue 1']);
    expect((await get('?state=closed')).titles).toEqual(['closed']);
    expect((await get('?state=all&direction=asc')).titles).toEqual(['issue 1', 'issue 2', 'issue 3', 'closed', 'a PR']);
    const paged = await get('?state=all&direction=asc&per_page=2&page=2');
    expect(paged.titles).toEqual(['issue 3', 'closed']);
    expect(paged.link).toContain(`<${api.apiUrl}${repo}/issues?state=all&direction=asc&per_page=2&page=3>; rel="next"`);
  });

  it('creates, edits, closes and reopens issues, refusing what GitHub refuses', async () => {
    const api = await startGitHubApi();
    const send = (method: string, path: string, body: object) =>
      fetch(`${api.apiUrl}${repo}${path}`, { method, headers: { authorization: `token ${api.token}` }, body: JSON.stringify(body) });
    expect((await send('POST', '/issues', { body: 'no title' })).status).toBe(422);
    expect((await send('POST', '/issues', { title: 't', body: 'b', labels: ['security'] })).status).toBe(201);
    expect((await send('PATCH', '/issues/1', { state: 'shut' })).status).toBe(422);
    expect((await send('PATCH', '/issues/1', { state: 'closed', state_reason: 'not_planned', labels: [{ name: 'x' }] })).status).toBe(200);
    expect(api.issuesOf()[0]).toMatchObject({ number: 1, title: 't', state: 'closed', state_reason: 'not_planned', labels: [{ name: 'x' }], user: { type: 'Bot' }, author_association: 'NONE' });
    await send('PATCH', '/issues/1', { state: 'open' });
    expect(api.issuesOf()[0]).toMatchObject({ state: 'open', closed_at: null });
    expect((await send('PATCH', '/issues/2', { body: 'x' })).status).toBe(404);
  });

  it('answers labels by name, whatever the case, and commit comments with their path and line', async () => {
    const api = await startGitHubApi();
    api.seedLabels(['Security']);
    const headers = { authorization: `token ${api.token}` };
    expect((await fetch(`${api.apiUrl}${repo}/labels/security`, { headers })).status).toBe(200);
    expect((await fetch(`${api.apiUrl}${repo}/labels/bug`, { headers })).status).toBe(404);
    const posted = await fetch(`${api.apiUrl}${repo}/commits/abc123/comments`, { method: 'POST', headers, body: JSON.stringify({ body: 'hi', path: 'a.ts', line: 3 }) });
    expect(posted.status).toBe(201);
    expect(api.commitCommentsOn('abc123')).toMatchObject([{ body: 'hi', path: 'a.ts', line: 3, commit_id: 'abc123' }]);
    expect(api.commitCommentsOn('other')).toEqual([]);
  });

  it('fails as GitHub fails: 403, 404, 422 and its secondary rate limit', async () => {
    const api = await startGitHubApi();
    api.fail({ path: `${repo}/issues` }, 403, 1);
    api.secondaryRateLimit({ path: `${repo}/issues` }, { retryAfter: 7, times: 1 });
    const headers = { authorization: `token ${api.token}` };
    const first = await fetch(`${api.apiUrl}${repo}/issues`, { headers });
    expect([first.status, ((await first.json()) as { message: string }).message]).toEqual([403, 'Resource not accessible by integration']);
    const second = await fetch(`${api.apiUrl}${repo}/issues`, { headers });
    expect([second.status, second.headers.get('retry-after'), ((await second.json()) as { message: string }).message]).toEqual([403, '7', secondaryRateLimitMessage]);
    expect((await fetch(`${api.apiUrl}${repo}/issues`, { headers })).status).toBe(200);
  });
});
