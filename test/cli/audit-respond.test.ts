/**
 * A remote audit's steps after the report (issue 14): `--notify issue` opens one issue in each
 * repository holding a key that may still work, that repository's findings (and with
 * `--mention-owners` its own CODEOWNERS, from its mirror) only, and none where
 * every key is dead; `--revoke --yes` revokes each key the same run found live once, however
 * many repositories hold it, and never a key that was not live; the webhook then tells them all
 * in one message, each as revoked. The built CLI against the GitHub API stand-in (listing and
 * issues), local repositories as clone sources and the provider's management stand-in.
 */
import { describe, expect, it } from 'vitest';
import type { WebhookPayload } from '../../src/respond/notify/webhook.js';
import { runCli } from '../helpers/cli.js';
import { startGitHubApi, type GitHubApi } from '../helpers/github-api.js';
import { isolatedGitEnv, TestRepo } from '../helpers/history-repos.js';
import { keyFactory } from '../helpers/keys.js';
import { createAccount } from '../helpers/openrouter-management.js';
import { startStandIn } from '../helpers/providers.js';
import { makeTmpDir } from '../helpers/tmp.js';

const keys = keyFactory(20261408);

/** acme/widgets and acme/gadgets share a live key (widgets holds a dead one too), acme/quiet holds only a dead key. */
async function organization() {
  const [shared, dead, quietDead, managementKey] = [keys.openrouter(), keys.openrouter(), keys.openrouter(), keys.openrouter()];
  const account = createAccount({ managementKey, keys: [{ key: shared, name: 'ci' }] });
  const provider = await startStandIn((request) => account.answer(request.method, request.url, request.key, request.body));
  const api = await startGitHubApi();
  const repo = (name: string, files: Record<string, string>) => {
    const made = TestRepo.init(makeTmpDir(`respond-${name}`));
    made.commit(files, 'keys');
    return { fullName: `acme/${name}`, cloneUrl: made.dir };
  };
  api.seedRepositories([
    repo('widgets', { 'app.env': `OPENROUTER_API_KEY=${shared}\n`, 'old.env': `OPENROUTER_API_KEY=${dead}\n`, '.github/CODEOWNERS': '* @acme/widget-team\n' }),
    repo('gadgets', { 'deploy.env': `OPENROUTER_API_KEY=${shared}\n`, '.github/CODEOWNERS': '* @acme/gadget-team\n' }),
    repo('quiet', { 'stale.env': `OPENROUTER_API_KEY=${quietDead}\n` }),
  ]);
  const env = { ...isolatedGitEnv, GITHUB_API_URL: api.apiUrl, GITHUB_TOKEN: api.token, OPENROUTER_BASE_URL: `${provider.origin}/api/v1`, OPENROUTER_MANAGEMENT_KEY: managementKey };
  return { api, account, provider, env, raw: [shared, dead, quietDead, managementKey], shared };
}

const audit = (args: string[], env: Record<string, string>) => runCli(['audit', '--org', 'acme', '--cache', makeTmpDir('respond-cache'), ...args], { cwd: makeTmpDir('respond-cwd'), env });

const bodies = (api: GitHubApi) => api.requests.map((request) => request.rawBody).join('\n');

describe('a remote audit with --notify and --revoke', () => {
  it('--notify issue --mention-owners: one issue in each repository with a live key, listing its own findings and owners; none where every key is dead', async () => {
    const { api, env, raw } = await organization();
    const run = await audit(['--notify', 'issue', '--mention-owners', '--format', 'json'], env);
    expect(run.stderr).not.toContain('give --repo');
    expect(run.code).toBe(1);
    const issues = (name: string) => api.issuesOf({ owner: 'acme', repo: name });
    expect(issues('widgets')).toHaveLength(1);
    expect(issues('gadgets')).toHaveLength(1);
    expect(issues('quiet')).toEqual([]);
    const [widgets, gadgets] = [issues('widgets')[0]?.body ?? '', issues('gadgets')[0]?.body ?? ''];
    expect([widgets.includes('app.env'), widgets.includes('old.env'), widgets.includes('deploy.env')]).toEqual([true, true, false]);
    expect([gadgets.includes('deploy.env'), gadgets.includes('app.env')]).toEqual([true, false]);
    // Each repository's CODEOWNERS, read from its mirror at the commit that added the key.
    expect([widgets.includes('@acme/widget-team'), widgets.includes('@acme/gadget-team')]).toEqual([true, false]);
    expect([gadgets.includes('@acme/gadget-team'), gadgets.includes('@acme/widget-team')]).toEqual([true, false]);
    expect(run.stderr).toMatch(/notify: issue: .*2 created/);
    for (const key of raw) expect(bodies(api) + run.stdout + run.stderr).not.toContain(key);
  });

  it('--revoke --yes --notify webhook: the key live in two repositories revoked once, dead keys untouched, one message telling all', async () => {
    const { account, provider, env, raw, shared } = await organization();
    const told: WebhookPayload[] = [];
    const hook = await startStandIn((request) => {
      told.push(JSON.parse(request.body) as WebhookPayload);
      return { status: 200, body: 'ok' };
    });
    const run = await audit(['--revoke', '--yes', '--notify', 'webhook', '--format', 'json'], { ...env, KEYWARDEN_WEBHOOK_URL: `${hook.origin}/hook` });
    expect(run.code).toBe(1);
    expect(account.stateOf(shared)?.disabled).toBe(true);
    // Checked once, revoked once, confirmed once: however many repositories hold it.
    expect(provider.requests.filter((request) => request.method === 'PATCH')).toHaveLength(1);
    // The dead keys: nothing done (the live check already says they do not work).
    expect(run.stderr).toContain('3 keys: 1 revoked, 2 already-revoked.');
    expect(told).toHaveLength(1);
    expect(told[0]?.findings.map((f) => [f.repository, f.path, f.verification?.status, f.revocation ?? '-']).sort()).toEqual([
      ['acme/gadgets', 'deploy.env', 'live', 'revoked'],
      ['acme/quiet', 'stale.env', 'invalid', 'already-revoked'],
      ['acme/widgets', 'app.env', 'live', 'revoked'],
      ['acme/widgets', 'old.env', 'invalid', 'already-revoked'],
    ]);
    for (const key of raw) expect(hook.requests.map((request) => request.body).join('\n') + run.stdout + run.stderr).not.toContain(key);
  });
});
