/**
 * The notify issue remembers what earlier runs listed (src/respond/notify/issue-state.ts): a
 * run that reports only part of the keys (a pull request's diff, `--results live`, one shard)
 * must not drop the others from the issue, nor close it while one of them may still work.
 */
import { describe, expect, it } from 'vitest';
import { issueChannel } from '../../src/respond/notify/issue-channel.js';
import { rememberedIn, stateLine, withRemembered } from '../../src/respond/notify/issue-state.js';
import { keyId, statusOf, type Notice, type NoticeFinding, type RepositoryRef } from '../../src/respond/notify/notice.js';
import { defaultOwner, defaultRepo, startGitHubApi, type GitHubApi } from '../helpers/github-api.js';
import { keyFactory } from '../helpers/keys.js';
import { commitId, noticeFinding } from '../helpers/notice-findings.js';

const keys = keyFactory(1305);
const [first, second] = [keys.openrouter(), keys.agentrouter()] as [string, string];
const repository: RepositoryRef = { owner: defaultOwner, name: defaultRepo, webUrl: 'https://github.com' };
const notice = (...findings: NoticeFinding[]): Notice => ({ repository, findings, toolVersion: '0.1.0' });
const channelFor = (api: GitHubApi) => issueChannel({ apiUrl: api.apiUrl, token: api.token, repository, writeSpacingMs: 0, secondMs: 1 });

const firstAt = (status: 'live' | 'invalid', revoked = false) =>
  noticeFinding(first, { path: 'src/client.ts', line: 3, commit: commitId(1) }, { status, ...(revoked ? { revocation: 'revoked' as const } : {}) });
const secondAt = (path: string, status: 'live' | 'invalid') => noticeFinding(second, { path, line: 1, commit: commitId(2) }, { status });

describe('the notify issue across partial runs', () => {
  it('keeps the keys a later run did not report, with their last status, and closes only when every one is settled', async () => {
    const api = await startGitHubApi();
    const channel = channelFor(api);
    expect((await channel.deliver(notice(firstAt('live'), secondAt('config/.env', 'live'))))[0]?.outcome).toBe('created');

    // A pull request's scan sees only the second key, now dead: the first stays listed, live; the issue stays open.
    expect((await channel.deliver(notice(secondAt('config/.env', 'invalid'))))[0]?.outcome).toBe('updated');
    const [issue] = api.issuesOf();
    expect(issue?.state).toBe('open');
    expect(issue?.body).toMatch(/\| \*\*live\*\* \| \[src\/client\.ts:3\]/);
    expect(rememberedIn(issue?.body ?? '').map((finding) => [finding.path, statusOf(finding)])).toEqual([
      ['src/client.ts', 'live'],
      ['config/.env', 'invalid'],
    ]);

    // The first key revoked, reported alone: now every key in the issue is settled, and it closes.
    expect((await channel.deliver(notice(firstAt('live', true))))[0]?.outcome).toBe('closed');
    expect(api.issuesOf()[0]?.state).toBe('closed');
  });

  it("a key seen at a new place takes this run's status at the places it remembers too", () => {
    const remembered = rememberedIn(stateLine([secondAt('config/.env', 'live')]));
    const merged = withRemembered([secondAt('src/new.ts', 'invalid')], remembered);
    expect(merged.map((finding) => [finding.path, statusOf(finding)])).toEqual([
      ['src/new.ts', 'invalid'],
      ['config/.env', 'invalid'],
    ]);
  });

  it('remembers no key, only its id and redacted form; an edited or broken line is ignored', () => {
    const line = stateLine([firstAt('live'), secondAt('config/.env', 'live')]);
    const decoded = Buffer.from(line.replace(/^<!-- keywarden:state /, '').replace(/ -->$/, ''), 'base64url').toString('utf8');
    for (const key of [first, second]) expect(decoded).not.toContain(key.slice(-12));
    expect(decoded).toContain(keyId(firstAt('live')));
    for (const broken of ['<!-- keywarden:state !!! -->', '<!-- keywarden:state e30 -->', `<!-- keywarden:state ${Buffer.from('{"rows":[{"k":"zz","l":0}]}').toString('base64url')} -->`, 'no line at all']) {
      expect(rememberedIn(broken)).toEqual([]);
    }
  });
});
