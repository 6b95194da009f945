/**
 * The notify step after a run (issue 13, point 5): `scan|history --notify CHANNELS` tells what
 * the run reported, after its live check and its revoke step, through the same channels and code
 * as `keywarden notify`. In this process (test/helpers/in-process.ts runs the step as the bin's
 * scan and history do) against a webhook receiver on 127.0.0.1; two runs of the built bin cover
 * what only it does (a streamed report, stdout kept to the report, the exit code).
 *
 * Throughout: no raw key in any body or line of output, and never the webhook's token.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WebhookPayload } from '../../src/respond/notify/webhook.js';
import type { ReportFinding } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli.js';
import { isolatedGitEnv, TestRepo } from '../helpers/history-repos.js';
import { history, jsonFindings, scan } from '../helpers/in-process.js';
import { keyFactory } from '../helpers/keys.js';
import { createAccount } from '../helpers/openrouter-management.js';
import { openRouterLike, startStandIn, type Reply, type StandIn } from '../helpers/providers.js';
import { makeTmpDir, writeTree } from '../helpers/tmp.js';

const keys = keyFactory(20261305);
const token = 'Qm4TzV8nR2cK6wX1pL9sD3fH';
const hookPath = `/services/T0CHAIN/B0CHAIN/${token}`;

/** A receiver answering each request in turn from `replies` (the last one repeated). */
function receiver(replies: Reply[] = [{ status: 200, body: 'ok' }]): Promise<StandIn> {
  let seen = 0;
  return startStandIn(() => replies[Math.min(seen++, replies.length - 1)] ?? { status: 200, body: 'ok' });
}

const hookOf = (standIn: StandIn) => ({ KEYWARDEN_WEBHOOK_URL: `${standIn.origin}${hookPath}` });
const posted = (standIn: StandIn) => standIn.requests.map((request) => JSON.parse(request.body) as WebhookPayload);

/** Nothing anywhere holds one of `raw` or the webhook's token. */
function expectNothingSecret(raw: readonly string[], ...texts: (string | undefined)[]): void {
  const all = texts.join('\n');
  for (const secret of [...raw, token]) expect(all).not.toContain(secret);
}

/** A finding as the webhook tells it, without what notify adds to the report's (the advice, the revocation). */
const asReported = (finding: WebhookPayload['findings'][number]): Partial<ReportFinding> =>
  Object.fromEntries(Object.entries(finding).filter(([name]) => !['hint', 'revocation', 'owners'].includes(name)));

describe('scan --verify --notify webhook', () => {
  it("posts the run's findings once, as its json report spells them, never a key (not even with --show-secrets)", async () => {
    const [live, dead, inName, inNamed] = [keys.openrouter(), keys.openrouter(), keys.agentrouter(), keys.tokenrouterTest()];
    const root = writeTree(makeTmpDir('chain'), { 'app.env': `OPENROUTER_API_KEY=${live}\nOLD=${dead}\n` });
    const provider = await startStandIn(openRouterLike({ live: [live] }));
    const hook = await receiver();
    const env = { OPENROUTER_BASE_URL: `${provider.origin}/api/v1`, ...hookOf(hook) };
    const run = await scan(root, { verify: true, format: 'json', notify: ['webhook'], repo: 'acme/widgets' }, env);
    expect(run.code).toBe(1);
    expect(run.notified).toBe('notify: webhook: sent: posted 2 findings to the webhook (HTTP 200)\n');
    expect(hook.requests).toHaveLength(1);
    const [body] = posted(hook);
    expect(body?.findings.map(asReported)).toEqual(jsonFindings(run));
    expect(body?.findings.map((finding) => [finding.path, finding.verification?.status, finding.hint !== undefined])).toEqual([
      ['app.env', 'live', true],
      ['app.env', 'invalid', true],
    ]);
    expect(body?.text.split('\n')[0]).toBe('*keywarden: 2 leaked keys* in <https://github.com/acme/widgets|acme/widgets> — 1 live, 1 invalid');

    // A report that spells keys out, and a finding in a file named after a key: the webhook gets no key, the name masked.
    writeTree(root, { [`notes/${inName}.txt`]: `T=${inNamed}\n` });
    const shown = await scan(root, { verify: true, format: 'json', showSecrets: true, notify: ['webhook'] }, env);
    expect(shown.report).toContain(live);
    const told = posted(hook)[1]?.findings ?? [];
    expect(told.map((finding) => finding.path).sort()).toEqual(['app.env', 'app.env', `notes/${inName.slice(0, 10)}…${inName.slice(-4)}.txt`]);
    for (const finding of told) expect(finding).not.toHaveProperty('secret');
    expectNothingSecret([live, dead, inName, inNamed], ...hook.requests.map((request) => request.body), run.report, run.notified, shown.notified);
  });

  it('tells only what the report shows: nothing --results, the baseline or an ignore file left out', async () => {
    const [live, dead, ignored, known] = [keys.openrouter(), keys.openrouter(), keys.openrouter(), keys.openrouter()];
    const root = writeTree(makeTmpDir('chain'), { 'a.env': `K=${live}\nOLD=${dead}\n`, 'fixture.env': `K=${ignored}\n`, '.keywardenignore': 'fixture.env\n' });
    const provider = await startStandIn(openRouterLike({ live: [live, known] }));
    const env = { OPENROUTER_BASE_URL: `${provider.origin}/api/v1` };
    writeTree(root, { 'b.env': `K=${known}\n` });
    const baseline = join(makeTmpDir('chain-baseline'), 'baseline.json');
    writeFileSync(baseline, (await scan(root, { format: 'json', paths: ['b.env'] }, env)).report);
    const hook = await receiver();
    const run = await scan(root, { verify: true, results: 'live', baseline, notify: ['webhook'] }, { ...env, ...hookOf(hook) });
    expect(run.code).toBe(1);
    expect(posted(hook).map((body) => body.findings.map((finding) => [finding.path, finding.verification?.status]))).toEqual([[['a.env', 'live']]]);
  });

  it.each<[string, Record<string, string>, boolean]>([
    ['nothing is found', {}, true],
    ['--notify is not given', { 'a.env': `K=${keys.openrouter()}\n` }, false],
  ])('sends nothing when %s', async (_case, files, asked) => {
    const root = writeTree(makeTmpDir('chain'), { 'README.md': '# widgets\n', ...files });
    const hook = await receiver();
    const run = await scan(root, asked ? { notify: ['webhook'] } : {}, hookOf(hook));
    expect(hook.requests).toHaveLength(0);
    expect([run.code, run.notified]).toEqual(asked ? [0, 'notify: webhook: skipped: nothing to tell: no findings\n'] : [1, undefined]);
  });
});

describe('--revoke then --notify', () => {
  it.each([
    { yes: true, revocation: 'revoked', line: '*revoked*', disabled: true },
    { yes: false, revocation: 'would-revoke', line: '*live*', disabled: false },
  ])('history --revoke (yes: $yes): the webhook tells the key as $revocation', async ({ yes, revocation, line, disabled }) => {
    const [leaked, managementKey] = [keys.openrouter(), keys.openrouter()];
    const account = createAccount({ managementKey, keys: [{ key: leaked, name: 'ci' }] });
    const provider = await startStandIn((request) => account.answer(request.method, request.url, request.key, request.body));
    const repo = TestRepo.init(makeTmpDir('chain-repo'));
    repo.commit({ 'config.env': `KEY=${leaked}\n` }, 'add key');
    const hook = await receiver();
    const env = { OPENROUTER_BASE_URL: `${provider.origin}/api/v1`, OPENROUTER_MANAGEMENT_KEY: managementKey, ...isolatedGitEnv, ...hookOf(hook) };
    const run = await history(repo.dir, { verify: true, revoke: true, yes, notify: ['webhook'], repo: 'acme/widgets' }, env);
    expect(run.code).toBe(1); // revoked or not, the key is still in history
    expect(account.stateOf(leaked)?.disabled).toBe(disabled);
    const [body] = posted(hook);
    expect(body?.findings.map((finding) => [finding.path, finding.verification?.status, finding.revocation])).toEqual([['config.env', 'live', revocation]]);
    expect(body?.text.split('\n')[1]).toMatch(new RegExp(`^• ${line.replace(/\*/g, '\\*')} `));
    expectNothingSecret([leaked, managementKey], hook.requests[0]?.body, run.notified);
  });
});

describe('a channel that cannot deliver', () => {
  it('the webhook down after its retries: a warning, exit 2, and the reason last', async () => {
    const root = writeTree(makeTmpDir('chain'), { 'a.env': `K=${keys.openrouter()}\n` });
    const hook = await receiver([{ status: 503, headers: { 'retry-after': '0' } }]);
    const run = await scan(root, { notify: ['webhook'] }, hookOf(hook));
    expect(hook.requests).toHaveLength(3);
    expect(run.code).toBe(2);
    expect(run.notified).toBe('warning: notify: webhook: the webhook answered HTTP 503 after 3 attempts\nkeywarden: exit 2: no channel could deliver (webhook failed; see the warning above)\n');
    // --quiet keeps what explains the exit code.
    const quiet = await scan(root, { notify: ['webhook'], quiet: true }, hookOf(hook));
    expect(quiet.notified).toBe(run.notified);
  });

  it("one channel failing while another delivers: a warning, and the run's own exit code", async () => {
    const root = writeTree(makeTmpDir('chain'), { 'a.env': `K=${keys.openrouter()}\n` });
    const hook = await receiver();
    const env = { ...hookOf(hook), GITHUB_TOKEN: '' };
    const run = await scan(root, { notify: ['issue,webhook'], repo: 'acme/widgets' }, env);
    expect(run.code).toBe(1);
    expect(run.notified).toBe('warning: notify: issue: GITHUB_TOKEN is not set (a token that may write issues and comments on acme/widgets)\nnotify: webhook: sent: posted 1 finding to the webhook (HTTP 200)\n');
    const quiet = await scan(root, { notify: ['issue,webhook'], repo: 'acme/widgets', quiet: true }, env);
    expect(quiet).toMatchObject({ code: 1, notified: '' });
  });
});

describe('--notify and its settings: usage', () => {
  it.each<[string, Parameters<typeof scan>[1], string]>([
    ['an unknown channel', { notify: ['webhok'] }, '--notify: unknown channel webhok; did you mean webhook? (channels: issue, commit-comment, webhook)'],
    ['no channel in the list', { notify: [' , '] }, '--notify names no channel: where to tell (issue, commit-comment, webhook)'],
    ['--webhook without --notify', { webhook: `https://hooks.example.com${hookPath}` }, '--webhook needs --notify: without it nothing is told'],
    ['--repo without --notify', { repo: 'acme/widgets' }, '--repo needs --notify: without it nothing is told'],
    ['--mention-owners without --notify', { mentionOwners: true }, '--mention-owners needs --notify: without it nothing is told'],
    ['--webhook without the webhook channel', { notify: ['issue'], webhook: `https://hooks.example.com${hookPath}` }, '--webhook needs --notify webhook: without it nothing is sent to the webhook'],
    ['--mention-owners with only the webhook', { notify: ['webhook'], mentionOwners: true }, '--mention-owners needs --notify issue or commit-comment: only those mention anyone'],
    ['a --repo that is not OWNER/NAME', { notify: ['issue'], repo: 'widgets' }, '--repo widgets: not OWNER/NAME'],
    ['the webhook alone, with no URL anywhere', { notify: ['webhook'] }, '--notify: no channel could deliver: webhook: no webhook URL: set KEYWARDEN_WEBHOOK_URL (or give --webhook URL)'],
  ])('%s is a usage error, before anything is scanned', async (_case, flags, message) => {
    const root = writeTree(makeTmpDir('chain'), { 'a.env': `K=${keys.openrouter()}\n` });
    const run = await scan(root, flags);
    expect(run).toMatchObject({ code: 2, error: message, report: '' });
    expectNothingSecret([], run.error);
  });
});

describe('the built bin', () => {
  it('scan --format jsonl --notify webhook: the report streams on stdout alone, the step says on stderr what it sent', async () => {
    const [live, other] = [keys.openrouter(), keys.tokenrouterLive()];
    const root = writeTree(makeTmpDir('chain-bin'), { 'a.env': `K=${live}\n`, 'b.env': `T=${other}\n` });
    const provider = await startStandIn(openRouterLike({ live: [live] }));
    const hook = await receiver();
    const ran = await runCli(['scan', '.', '--verify', '--notify', 'webhook', '--format', 'jsonl'], { cwd: root, env: { OPENROUTER_BASE_URL: `${provider.origin}/api/v1`, ...hookOf(hook) } });
    expect(ran.code).toBe(1);
    const streamed = ran.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as ReportFinding);
    expect(streamed.map((finding) => finding.path).sort()).toEqual(['a.env', 'b.env']);
    expect(ran.stderr).toBe('notify: webhook: sent: posted 2 findings to the webhook (HTTP 200)\n');
    const [body] = posted(hook);
    expect(body?.findings.map(asReported).sort((a, b) => String(a.path).localeCompare(String(b.path)))).toEqual(streamed.sort((a, b) => String(a.path).localeCompare(String(b.path))));
    expectNothingSecret([live, other], ran.stdout, ran.stderr, hook.requests[0]?.body);
  });

  it('history --format sarif with the webhook given on the command line and down: valid SARIF on stdout, exit 2, the reason last, the URL nowhere', async () => {
    const key = keys.openrouter();
    const repo = TestRepo.init(makeTmpDir('chain-bin-repo'));
    repo.commit({ 'config.env': `KEY=${key}\n` }, 'add key');
    const hook = await receiver([{ status: 500, headers: { 'retry-after': '0' } }]);
    const ran = await runCli(['history', '--format', 'sarif', '--notify', 'webhook', '--webhook', `${hook.origin}${hookPath}`], { cwd: repo.dir, env: isolatedGitEnv });
    expect(ran.code).toBe(2);
    expect((JSON.parse(ran.stdout) as { runs: { results: unknown[] }[] }).runs[0]?.results).toHaveLength(1);
    expect(hook.requests).toHaveLength(3);
    expect(ran.stderr.trimEnd().split('\n').slice(-2)).toEqual(['warning: notify: webhook: the webhook answered HTTP 500 after 3 attempts', 'keywarden: exit 2: no channel could deliver (webhook failed; see the warning above)']);
    expectNothingSecret([key], ran.stdout, ran.stderr);
  });
});
