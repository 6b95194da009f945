import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { commitAuthorLogin } from '../../../src/respond/notify/commit-author.js';
import { defaultOwner, defaultRepo, startGitHubApi } from '../../helpers/github-api.js';

/** The author fallback of --mention-owners through a real @octokit/rest client against the GitHub API stand-in. */

const commit = '0123456789abcdef0123456789abcdef01234567';
const commitPath = `/repos/${defaultOwner}/${defaultRepo}/commits/${commit}`;
const repository = { owner: defaultOwner, name: defaultRepo };
/** As notify's client is made: octokit's request log would print each failed request. */
const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const client = (baseUrl: string, auth: string) => new Octokit({ auth, baseUrl, log: silent });

describe('commitAuthorLogin', () => {
  it.each([
    { name: 'a linked author', reply: { body: { sha: commit, author: { login: 'alice', type: 'User' } } }, login: 'alice' },
    { name: 'an email linked to no account', reply: { body: { sha: commit, author: null } }, login: undefined },
    { name: 'an author without a login', reply: { body: { sha: commit, author: {} } }, login: undefined },
    { name: 'a commit GitHub does not have', reply: { status: 404, body: { message: 'Not Found' } }, login: undefined },
    { name: 'no commit for that id', reply: { status: 422, body: { message: 'No commit found for SHA' } }, login: undefined },
  ])('$name → $login', async ({ reply, login }) => {
    const api = await startGitHubApi();
    api.override({ method: 'GET', path: commitPath }, reply);
    const octokit = client(api.apiUrl, api.token);
    expect(await commitAuthorLogin(octokit.request, repository)(commit)).toBe(login);
    const [request] = api.requestsTo('GET', commitPath);
    expect(request?.token).toBe(api.token);
    // Only the author is wanted: not a large commit's whole list of files.
    expect(request?.query.per_page).toBe('1');
  });

  it('throws what else fails, for the caller to warn about', async () => {
    const api = await startGitHubApi();
    const octokit = client(api.apiUrl, 'not-the-token');
    await expect(commitAuthorLogin(octokit.request, repository)(commit)).rejects.toMatchObject({ status: 401 });
  });
});
