/**
 * The `commit-comment` channel (SPEC §5.2) in process, through the real octokit client, against
 * the GitHub API stand-in on 127.0.0.1: one comment per (commit, key) at the file and line,
 * none added by a re-run, findings without a commit skipped.
 */
import { describe, expect, it } from 'vitest';
import { commitCommentChannel } from '../../src/respond/notify/commit-comment-channel.js';
import { commitCommentMarker } from '../../src/respond/notify/github-render.js';
import type { Delivery, Notice, NoticeFinding, RepositoryRef } from '../../src/respond/notify/notice.js';
import { actionsBot, defaultOwner, defaultRepo, startGitHubApi, type GitHubApi, type SeedCommitComment } from '../helpers/github-api.js';
import { keyFactory } from '../helpers/keys.js';
import { commitId, everythingSent, noticeFinding } from '../helpers/notice-findings.js';

const keys = keyFactory(1302);
const [keyA, keyB, keyC] = [keys.openrouter(), keys.agentrouter(), keys.tokenrouterTest()] as [string, string, string];
const repository: RepositoryRef = { owner: defaultOwner, name: defaultRepo, webUrl: 'https://github.com' };
const fast = { writeSpacingMs: 0, secondMs: 1 };
const [c1, c2] = [commitId(0xc1), commitId(0xc2)];
const commentsPath = (commit: string) => `/repos/${defaultOwner}/${defaultRepo}/commits/${commit}/comments`;

const aInC1 = noticeFinding(keyA, { path: 'src/a.ts', line: 3, commit: c1 }, { status: 'live', owners: ['@alice'] });
const bInC1 = noticeFinding(keyB, { path: 'src/b.ts', line: 7, commit: c1 }, { status: 'unknown' });
/** The same key twice in the same commit: one comment, at the first place. */
const aAgainInC1 = noticeFinding(keyA, { path: 'src/c.ts', line: 9, commit: c1 }, { status: 'live' });
const aInC2 = noticeFinding(keyA, { path: 'src/a.ts', line: 5, commit: c2 }, { status: 'live' });
const inTree = noticeFinding(keyC, { path: 'config/.env', line: 1 }, { status: 'live' });

const notice = (...findings: NoticeFinding[]): Notice => ({ repository, findings, toolVersion: '0.1.0' });
const channelFor = (api: GitHubApi) => commitCommentChannel({ apiUrl: api.apiUrl, token: api.token, repository, ...fast });
const outcomes = (deliveries: Delivery[]) => deliveries.map((delivery) => delivery.outcome);

describe('the commit-comment channel over runs', () => {
  it('comments once per (commit, key) at the file and line, skips findings without a commit, and adds nothing on a re-run', async () => {
    const api = await startGitHubApi();
    const channel = channelFor(api);
    const all = notice(aInC1, bInC1, aAgainInC1, aInC2, inTree);

    const first = await channel.deliver(all);
    expect(first).toEqual([
      { channel: 'commit-comment', outcome: 'skipped', detail: '1 finding not from history: no commit to comment on' },
      { channel: 'commit-comment', outcome: 'created', detail: `commit ${c1.slice(0, 7)} at src/a.ts:3: commented` },
      { channel: 'commit-comment', outcome: 'created', detail: `commit ${c1.slice(0, 7)} at src/b.ts:7: commented` },
      { channel: 'commit-comment', outcome: 'created', detail: `commit ${c2.slice(0, 7)} at src/a.ts:5: commented` },
    ]);
    // What a dry run shows is what was sent, to the same places.
    const messages = channel.messages(all);
    expect(messages.map((message) => message.target)).toEqual([`commit ${c1.slice(0, 7)} at src/a.ts:3`, `commit ${c1.slice(0, 7)} at src/b.ts:7`, `commit ${c2.slice(0, 7)} at src/a.ts:5`]);
    expect(api.requestsTo('POST').map((request) => [request.path, request.body])).toEqual([
      [commentsPath(c1), { body: messages[0]?.body, path: 'src/a.ts', line: 3 }],
      [commentsPath(c1), { body: messages[1]?.body, path: 'src/b.ts', line: 7 }],
      [commentsPath(c2), { body: messages[2]?.body, path: 'src/a.ts', line: 5 }],
    ]);
    expect(api.commitCommentsOn(c1).map((comment) => comment.body.split('\n')[0])).toEqual([commitCommentMarker(aInC1), commitCommentMarker(bInC1)]);
    expect(messages[0]?.body).toContain('Owners: @alice');

    const again = await channel.deliver(all);
    expect(outcomes(again)).toEqual(['skipped', 'unchanged', 'unchanged', 'unchanged']);
    expect(api.requestsTo('POST')).toHaveLength(3);
    // Each commit's comments are read once per run, however many keys it added.
    expect(api.requestsTo('GET', commentsPath(c1))).toHaveLength(2);
    expect(api.requestsTo('GET', commentsPath(c2))).toHaveLength(2);
  });

  it('sends nothing when no finding has a commit', async () => {
    const api = await startGitHubApi();
    const channel = channelFor(api);
    expect(outcomes(await channel.deliver(notice(inTree)))).toEqual(['skipped']);
    expect(channel.messages(notice(inTree))).toEqual([]);
    expect(await channel.deliver(notice())).toEqual([]);
    expect(api.requests).toEqual([]);
  });

  it.each([
    { name: 'by the Actions bot', seed: { login: actionsBot.login, type: 'Bot' }, adopted: true },
    { name: 'by a collaborator (a personal token)', seed: { login: 'dev', association: 'COLLABORATOR' as const }, adopted: true },
    { name: 'by an outsider who copied the marker', seed: { login: 'mallory', association: 'NONE' as const }, adopted: false },
  ])('a marked comment already on the commit $name counts: $adopted', async ({ seed, adopted }) => {
    const api = await startGitHubApi();
    const existing: SeedCommitComment = { ...seed, body: `${commitCommentMarker(aInC1)}\nolder words`, path: 'src/a.ts', line: 3 };
    api.seedCommitComments(c1, [existing]);
    expect(outcomes(await channelFor(api).deliver(notice(aInC1)))).toEqual([adopted ? 'unchanged' : 'created']);
    expect(api.commitCommentsOn(c1)).toHaveLength(adopted ? 1 : 2);
  });

  it('finds its comment past the first page of a busy commit', async () => {
    const api = await startGitHubApi();
    api.seedCommitComments(c1, Array.from({ length: 130 }, (_, i) => `comment ${i + 1}`));
    api.seedCommitComments(c1, [{ body: `${commitCommentMarker(aInC1)}\n…`, login: actionsBot.login, type: 'Bot' }]);
    expect(outcomes(await channelFor(api).deliver(notice(aInC1)))).toEqual(['unchanged']);
    expect(api.requestsTo('GET', commentsPath(c1)).map((request) => [request.query.per_page, request.query.page ?? '1'])).toEqual([
      ['100', '1'],
      ['100', '2'],
    ]);
    expect(api.requestsTo('POST')).toHaveLength(0);
  });
});

describe('failures are failed deliveries with short, safe messages', () => {
  const at = (finding: NoticeFinding) => `commit ${finding.commit?.slice(0, 7) ?? ''} at ${finding.path ?? ''}:${finding.line}`;

  it.each([
    { name: 'a token that may not comment (403)', status: 403 as const, message: 'GitHub API: 403 Resource not accessible by integration' },
    { name: 'a commit GitHub does not have (404)', status: 404 as const, message: 'GitHub API: 404 Not Found' },
    { name: 'a line GitHub will not comment on (422)', status: 422 as const, message: 'GitHub API: 422 Validation Failed' },
  ])('$name fails that comment; the other commits still get theirs', async ({ status, message }) => {
    const api = await startGitHubApi();
    api.fail({ method: 'POST', path: commentsPath(c1) }, status);
    const channel = channelFor(api);
    const deliveries = await channel.deliver(notice(aInC1, aInC2));
    expect(deliveries).toEqual([
      { channel: 'commit-comment', outcome: 'failed', detail: `${at(aInC1)}: ${message}` },
      { channel: 'commit-comment', outcome: 'created', detail: `${at(aInC2)}: commented` },
    ]);
    expect(everythingSent(api.requests, deliveries, channel.messages(notice(aInC1, aInC2)))).not.toContain(api.token);
  });

  it('a commit whose comments cannot be listed fails each of its keys', async () => {
    const api = await startGitHubApi();
    api.fail({ method: 'GET', path: commentsPath(c1) }, 404);
    expect(outcomes(await channelFor(api).deliver(notice(aInC1, bInC1, aInC2)))).toEqual(['failed', 'failed', 'created']);
    expect(api.requestsTo('POST', commentsPath(c1))).toHaveLength(0);
  });

  it('a refused API URL fails every comment before anything is sent', async () => {
    const channel = commitCommentChannel({ apiUrl: 'https://user:pass@github.example', token: 'test-token-1', repository, ...fast });
    expect(await channel.deliver(notice(aInC1, inTree))).toEqual([
      { channel: 'commit-comment', outcome: 'skipped', detail: '1 finding not from history: no commit to comment on' },
      { channel: 'commit-comment', outcome: 'failed', detail: `${at(aInC1)}: GitHub API URL must not contain credentials` },
    ]);
  });

  it('waits out a secondary rate limit and comments once', async () => {
    const api = await startGitHubApi();
    api.secondaryRateLimit({ method: 'POST', path: commentsPath(c1) }, { retryAfter: 3, times: 2 });
    expect(outcomes(await channelFor(api).deliver(notice(aInC1)))).toEqual(['created']);
    expect(api.requestsTo('POST', commentsPath(c1))).toHaveLength(3);
    expect(api.commitCommentsOn(c1)).toHaveLength(1);
  });
});

it('sends no raw key and no token, in any request, delivery or dry-run message', async () => {
  const api = await startGitHubApi();
  const channel = channelFor(api);
  const all = notice(aInC1, bInC1, aAgainInC1, aInC2, inTree);
  const deliveries = [...(await channel.deliver(all)), ...(await channel.deliver(all))];
  const sent = everythingSent(api.requests, deliveries, channel.messages(all));
  for (const key of [keyA, keyB, keyC]) expect(sent).not.toContain(key);
  expect(sent).not.toContain(api.token);
});
