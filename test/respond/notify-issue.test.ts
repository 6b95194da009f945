/**
 * The `issue` channel (SPEC §5.2) in process, through the real octokit client, against the
 * GitHub API stand-in on 127.0.0.1: one issue ever per repository, found again by its marker,
 * edited only when its body changes, closed with a comment once every key is settled,
 * reopened for a key that may work again, labelled only with a label the repository has.
 */
import { describe, expect, it } from 'vitest';
import { issueChannel } from '../../src/respond/notify/issue-channel.js';
import { closingComment, issueMarker, issueTitle } from '../../src/respond/notify/github-render.js';
import type { Delivery, Notice, NoticeFinding, RepositoryRef } from '../../src/respond/notify/notice.js';
import { actionsBot, defaultOwner, defaultRepo, startGitHubApi, type ApiIssue, type GitHubApi, type SeedIssue } from '../helpers/github-api.js';
import { keyFactory } from '../helpers/keys.js';
import { commitId, everythingSent, noticeFinding } from '../helpers/notice-findings.js';

const keys = keyFactory(1301);
const [liveKey, unknownKey, revokedKey, laterKey] = [keys.openrouter(), keys.agentrouter(), keys.tokenrouterLive(), keys.openrouter()] as [string, string, string, string];
const rawKeys = [liveKey, unknownKey, revokedKey, laterKey];

const repository: RepositoryRef = { owner: defaultOwner, name: defaultRepo, webUrl: 'https://github.com' };
/** No write spacing, and a second of waiting lasts 1 ms (the client's timing has its own tests). */
const fast = { writeSpacingMs: 0, secondMs: 1 };
const issuesPath = `/repos/${defaultOwner}/${defaultRepo}/issues`;

const live = noticeFinding(liveKey, { path: 'src/client.ts', line: 3, commit: commitId(1) }, { status: 'live' });
const unknown = noticeFinding(unknownKey, { path: 'config/.env', line: 1 }, { status: 'unknown' });
const revoked = noticeFinding(revokedKey, { path: 'src/old.ts', line: 9, commit: commitId(2) }, { status: 'live', revocation: 'revoked' });
const later = noticeFinding(laterKey, { path: 'src/later.ts', line: 4, commit: commitId(3) }, { status: 'live' });
/** The same keys, no longer working. */
const settledLive = noticeFinding(liveKey, { path: 'src/client.ts', line: 3, commit: commitId(1) }, { status: 'live', revocation: 'revoked' });
const settledUnknown = noticeFinding(unknownKey, { path: 'config/.env', line: 1 }, { status: 'invalid' });

const notice = (...findings: NoticeFinding[]): Notice => ({ repository, findings, toolVersion: '0.1.0' });

function channelFor(api: GitHubApi, extra: Partial<Parameters<typeof issueChannel>[0]> = {}) {
  return issueChannel({ apiUrl: api.apiUrl, token: api.token, repository, ...fast, ...extra });
}

function writes(api: GitHubApi) {
  return { posts: api.requestsTo('POST').length, patches: api.requestsTo('PATCH').length };
}

const outcomes = (deliveries: Delivery[]) => deliveries.map((delivery) => delivery.outcome);
const bodyOf = (issue: ApiIssue | undefined) => issue?.body ?? '';
const marked = (text: string) => `${issueMarker}\n${text}`;

describe('the issue channel over runs', () => {
  it('opens one issue, leaves it alone while nothing changes, and edits it in place when something does', async () => {
    const api = await startGitHubApi();
    const channel = channelFor(api);

    const first = notice(live, unknown);
    expect(await channel.deliver(first)).toEqual([{ channel: 'issue', outcome: 'created', detail: `issue #1 in ${defaultOwner}/${defaultRepo} opened` }]);
    const [issue] = api.issuesOf();
    // What a dry run shows is what was sent.
    const [message] = channel.messages(first);
    expect(message).toEqual({ channel: 'issue', target: `issue in ${defaultOwner}/${defaultRepo}`, body: bodyOf(issue) });
    expect(api.requestsTo('POST', issuesPath)[0]?.body).toEqual({ title: issueTitle, body: message?.body });
    expect(issue).toMatchObject({ number: 1, title: issueTitle, state: 'open', labels: [] });

    expect(outcomes(await channel.deliver(first))).toEqual(['unchanged']);
    expect(writes(api)).toEqual({ posts: 1, patches: 0 });

    const second = notice(live, unknown, later);
    expect(outcomes(await channel.deliver(second))).toEqual(['updated']);
    expect(api.issuesOf()).toHaveLength(1);
    expect(bodyOf(api.issuesOf()[0])).toBe(channel.messages(second)[0]?.body);
    expect(api.requestsTo('PATCH').map((request) => request.path)).toEqual([`${issuesPath}/1`]);
    expect(api.requestsTo('PATCH')[0]?.body).toEqual({ body: channel.messages(second)[0]?.body });
    expect(outcomes(await channel.deliver(second))).toEqual(['unchanged']);
    expect(writes(api)).toEqual({ posts: 1, patches: 1 });
  });

  it('closes the issue with one comment once every key is revoked or invalid, and stays quiet after', async () => {
    const api = await startGitHubApi();
    const channel = channelFor(api);
    await channel.deliver(notice(live, unknown));

    const settled = notice(settledLive, settledUnknown);
    const [deliveryOfClose] = await channel.deliver(settled);
    expect(deliveryOfClose?.outcome).toBe('closed');
    const [issue] = api.issuesOf();
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(bodyOf(issue)).toBe(channel.messages(settled)[0]?.body);
    expect(bodyOf(issue)).toContain('Every key here is revoked or invalid');
    expect(api.commentsOn(1).map((comment) => comment.body)).toEqual([closingComment]);
    expect(channel.messages(settled)[1]).toEqual({ channel: 'issue', target: `comment closing the issue in ${defaultOwner}/${defaultRepo}`, body: closingComment });
    // One edit closes it and rewrites its body.
    expect(api.requestsTo('PATCH').map((request) => request.body)).toEqual([{ body: bodyOf(issue), state: 'closed', state_reason: 'completed' }]);

    expect(outcomes(await channel.deliver(settled))).toEqual(['unchanged']);
    expect(api.commentsOn(1)).toHaveLength(1);
    expect(api.issuesOf()).toHaveLength(1);
  });

  it('reopens the closed issue, rather than opening a second, when a key that may work turns up', async () => {
    const api = await startGitHubApi();
    const channel = channelFor(api);
    await channel.deliver(notice(live));
    await channel.deliver(notice(settledLive));
    expect(api.issuesOf()[0]?.state).toBe('closed');

    const [delivery] = await channel.deliver(notice(settledLive, later));
    expect(delivery).toEqual({ channel: 'issue', outcome: 'updated', detail: `issue #1 in ${defaultOwner}/${defaultRepo} reopened: a key that may still work is not in it` });
    expect(api.issuesOf()).toHaveLength(1);
    expect(api.issuesOf()[0]).toMatchObject({ number: 1, state: 'open' });
    expect(bodyOf(api.issuesOf()[0])).toBe(channel.messages(notice(settledLive, later))[0]?.body);
    expect(api.requestsTo('POST', issuesPath)).toHaveLength(1);
  });

  it('does not reopen an issue a person closed with a live key in it for that same key, only for a new one', async () => {
    const api = await startGitHubApi();
    const channel = channelFor(api);
    await channel.deliver(notice(live));
    // Someone accepts the risk and closes it by hand.
    await fetch(`${api.apiUrl}${issuesPath}/1`, { method: 'PATCH', headers: { authorization: `token ${api.token}` }, body: JSON.stringify({ state: 'closed', state_reason: 'not_planned' }) });

    expect(outcomes(await channel.deliver(notice(live)))).toEqual(['unchanged']);
    expect(api.issuesOf()[0]?.state).toBe('closed');
    expect(outcomes(await channel.deliver(notice(live, later)))).toEqual(['updated']);
    expect(api.issuesOf()[0]?.state).toBe('open');
    expect(api.issuesOf()).toHaveLength(1);
  });

  it('opens no issue when every key is already settled, and none for a report without findings', async () => {
    const api = await startGitHubApi();
    const channel = channelFor(api);
    expect(await channel.deliver(notice(settledLive, revoked))).toEqual([
      { channel: 'issue', outcome: 'skipped', detail: `issue in ${defaultOwner}/${defaultRepo}: every key is revoked or invalid, so no issue is opened` },
    ]);
    const requestsBefore = api.requests.length;
    expect(await channel.deliver(notice())).toEqual([{ channel: 'issue', outcome: 'skipped', detail: `issue in ${defaultOwner}/${defaultRepo}: the report has no findings for this repository` }]);
    expect(channel.messages(notice())).toEqual([]);
    expect(api.requests).toHaveLength(requestsBefore);
    expect(api.issuesOf()).toEqual([]);
  });

  it("lists only this repository's findings from an audit of several", async () => {
    const api = await startGitHubApi();
    const channel = channelFor(api);
    const elsewhere = noticeFinding(laterKey, { path: 'x.ts', commit: commitId(9), repository: 'acme/gadgets' }, { status: 'live' });
    const here = noticeFinding(liveKey, { path: 'src/client.ts', line: 3, commit: commitId(1), repository: 'Acme/Widgets' }, { status: 'live' });
    await channel.deliver(notice(here, elsewhere));
    const body = bodyOf(api.issuesOf()[0]);
    expect(body).toContain(here.redacted);
    expect(body).not.toContain(elsewhere.redacted);
  });
});

describe('finding the issue again', () => {
  const ours = (extra: Partial<SeedIssue> = {}): SeedIssue => ({ title: 'Leaked keys', body: marked('old'), ...extra });

  it.each([
    { name: 'one opened by the Actions bot', seed: ours({ login: actionsBot.login, type: 'Bot' }), adopted: true },
    { name: 'one opened by the repository owner (a personal token)', seed: ours({ login: 'maintainer', association: 'OWNER' }), adopted: true },
    { name: 'one opened by a collaborator', seed: ours({ login: 'dev', association: 'COLLABORATOR' }), adopted: true },
    { name: 'a closed one', seed: ours({ login: actionsBot.login, type: 'Bot', state: 'closed' }), adopted: true },
    { name: 'an outsider who copied the marker (they could rewrite it)', seed: ours({ login: 'mallory', association: 'NONE' }), adopted: false },
    { name: 'a contributor who copied the marker', seed: ours({ login: 'mallory', association: 'CONTRIBUTOR' }), adopted: false },
    { name: 'a pull request whose description starts with the marker', seed: ours({ login: actionsBot.login, type: 'Bot', pullRequest: true }), adopted: false },
    { name: 'an issue that quotes the marker further down', seed: ours({ login: 'maintainer', association: 'OWNER', body: `is this ours?\n> ${issueMarker}` }), adopted: false },
  ])('$name: adopted $adopted', async ({ seed, adopted }) => {
    const api = await startGitHubApi();
    const seeded = api.seedIssue(seed);
    const [delivery] = await channelFor(api).deliver(notice(live));
    expect(delivery?.outcome).toBe(adopted ? 'updated' : 'created');
    expect(api.issuesOf()).toHaveLength(adopted ? 1 : 2);
    // The one not adopted is left as it was.
    if (!adopted) expect(api.issuesOf()[0]).toEqual(seeded);
  });

  it('finds its issue past the first pages, listing open and closed issues 100 at a time', async () => {
    const api = await startGitHubApi();
    api.seedIssues(230);
    const channel = channelFor(api);
    // Closed by a person with this live key in it: found, and left as it is.
    api.seedIssue({ title: issueTitle, body: channel.messages(notice(live))[0]?.body ?? '', login: actionsBot.login, type: 'Bot', state: 'closed', labels: ['security'] });
    api.seedLabels(['security']);

    expect(outcomes(await channel.deliver(notice(live)))).toEqual(['unchanged']);
    const lists = api.requestsTo('GET', issuesPath);
    expect(lists.map((request) => request.query.page ?? '1')).toEqual(['1', '2', '3']);
    for (const request of lists) expect(request.query).toMatchObject({ state: 'all', per_page: '100' });
    expect(writes(api)).toEqual({ posts: 0, patches: 0 });
  });

  it('keeps to the oldest when two marked issues exist (two runs that raced)', async () => {
    const api = await startGitHubApi();
    const bot = { login: actionsBot.login, type: 'Bot' };
    api.seedIssue({ ...bot, body: marked('first') });
    api.seedIssue({ ...bot, body: marked('second') });
    await channelFor(api).deliver(notice(live));
    expect(api.issuesOf().map((issue) => issue.body?.startsWith(`${issueMarker}\n## keywarden`))).toEqual([true, false]);
  });
});

describe('the security label', () => {
  it('is set on a new issue only when the repository has it, and never created', async () => {
    const withLabel = await startGitHubApi();
    withLabel.seedLabels(['Security']);
    await channelFor(withLabel).deliver(notice(live));
    expect(withLabel.requestsTo('POST', issuesPath)[0]?.body).toMatchObject({ labels: ['security'] });
    expect(withLabel.issuesOf()[0]?.labels).toEqual([{ name: 'security' }]);

    const without = await startGitHubApi();
    await channelFor(without).deliver(notice(live));
    expect(without.requestsTo('POST', issuesPath)[0]?.body).not.toHaveProperty('labels');
    expect(without.requestsTo('GET', `/repos/${defaultOwner}/${defaultRepo}/labels/security`)).toHaveLength(1);
    expect(without.requestsTo('POST').map((request) => request.path)).toEqual([issuesPath]);
  });

  it('is added to an existing issue that lacks it, keeping the labels people set', async () => {
    const api = await startGitHubApi();
    const channel = channelFor(api);
    api.seedIssue({ body: channel.messages(notice(live))[0]?.body ?? '', login: actionsBot.login, type: 'Bot', labels: ['triage'] });
    api.seedLabels(['security']);
    expect(outcomes(await channel.deliver(notice(live)))).toEqual(['updated']);
    expect(api.requestsTo('PATCH')[0]?.body).toEqual({ labels: ['triage', 'security'] });
    expect(outcomes(await channel.deliver(notice(live)))).toEqual(['unchanged']);
  });
});

describe('failures are failed deliveries with short, safe messages', () => {
  const target = `issue in ${defaultOwner}/${defaultRepo}`;

  it.each([
    { name: 'a token that may not open issues (403)', setup: (api: GitHubApi) => api.fail({ method: 'POST', path: issuesPath }, 403), detail: `${target}: GitHub API: 403 Resource not accessible by integration` },
    { name: 'a repository the token cannot see (404)', setup: (api: GitHubApi) => api.fail({ method: 'GET', path: issuesPath }, 404), detail: `${target}: GitHub API: 404 Not Found` },
    { name: 'a body GitHub refuses (422)', setup: (api: GitHubApi) => api.fail({ method: 'POST', path: issuesPath }, 422), detail: `${target}: GitHub API: 422 Validation Failed` },
    {
      name: 'an answer from a server that echoes the token',
      setup: (api: GitHubApi) => api.override({ method: 'GET', path: issuesPath }, { status: 400, body: { message: `bad token ${api.token}` } }),
      detail: `${target}: GitHub API: 400 bad token [REDACTED]`,
    },
  ])('$name', async ({ setup, detail }) => {
    const api = await startGitHubApi();
    setup(api);
    const channel = channelFor(api);
    const deliveries = await channel.deliver(notice(live, unknown));
    expect(deliveries).toEqual([{ channel: 'issue', outcome: 'failed', detail }]);
    expect(api.issuesOf()).toEqual([]);
    expect(everythingSent(api.requests, deliveries, channel.messages(notice(live, unknown)))).not.toContain(api.token);
  });

  it('a refused API URL fails the delivery before anything is sent', async () => {
    const deliveries = await issueChannel({ apiUrl: 'http://github.example/api/v3', token: 'test-token-1', repository, ...fast }).deliver(notice(live));
    expect(deliveries).toEqual([{ channel: 'issue', outcome: 'failed', detail: `${target}: GitHub API URL must be https (http only for loopback hosts), not http:` }]);
  });

  it('waits out a secondary rate limit and opens the issue once', async () => {
    const api = await startGitHubApi();
    api.secondaryRateLimit({ method: 'POST', path: issuesPath }, { retryAfter: 2, times: 1 });
    expect(outcomes(await channelFor(api).deliver(notice(live)))).toEqual(['created']);
    expect(api.requestsTo('POST', issuesPath)).toHaveLength(2);
    expect(api.issuesOf()).toHaveLength(1);
  });

  it('does not retry opening the issue after a 5xx (GitHub may have opened it), though it retries reads', async () => {
    const api = await startGitHubApi();
    api.override({ method: 'GET', path: issuesPath }, { status: 502, body: { message: 'Server Error' } }, 1);
    api.override({ method: 'POST', path: issuesPath }, { status: 502, body: { message: 'Server Error' } }, 1);
    expect(await channelFor(api).deliver(notice(live))).toEqual([{ channel: 'issue', outcome: 'failed', detail: `${target}: GitHub API: 502 Server Error` }]);
    expect(api.requestsTo('GET', issuesPath)).toHaveLength(2);
    expect(api.requestsTo('POST', issuesPath)).toHaveLength(1);
  });
});

describe('what is sent', () => {
  it('holds no raw key and no token, in any request, delivery or dry-run message, over every kind of run', async () => {
    const api = await startGitHubApi();
    api.seedLabels(['security']);
    const channel = channelFor(api);
    const runs = [notice(live, unknown, revoked), notice(live, unknown, revoked, later), notice(settledLive, settledUnknown, revoked), notice(later)];
    const deliveries: Delivery[] = [];
    for (const run of runs) deliveries.push(...(await channel.deliver(run)));
    // The third run does not report `later`, which the issue remembers live (issue-state.ts): not closed.
    expect(outcomes(deliveries)).toEqual(['created', 'updated', 'updated', 'unchanged']);
    const sent = everythingSent(api.requests, deliveries, runs.flatMap((run) => channel.messages(run)));
    for (const key of rawKeys) expect(sent).not.toContain(key);
    expect(sent).not.toContain(api.token);
    for (const request of api.requests) expect(request.token).toBe(api.token);
  });

  it('links each line at its commit on a GitHub Enterprise host, through its /api/v3 root', async () => {
    const api = await startGitHubApi({ prefix: '/api/v3' });
    const enterprise: RepositoryRef = { ...repository, webUrl: 'https://ghe.example' };
    await issueChannel({ apiUrl: api.apiUrl, token: api.token, repository: enterprise, ...fast }).deliver({ ...notice(live, unknown), repository: enterprise });
    const body = bodyOf(api.issuesOf()[0]);
    expect(body).toContain(`[src/client.ts:3](https://ghe.example/${defaultOwner}/${defaultRepo}/blob/${commitId(1)}/src/client.ts#L3)`);
    // No commit: the place as text.
    expect(body).toContain('| config/.env:1 |');
  });
});
