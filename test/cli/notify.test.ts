/**
 * `keywarden notify` (SPEC §5.2) with the webhook channel: the command run in this process
 * (src/cli/notify.ts, its output captured) against a webhook receiver on 127.0.0.1, from a json
 * report made by a real `history --verify --format json` run of a real repository. A few runs
 * of the built bin cover what only it does (argv, the exit code, the help).
 *
 * Throughout: no raw key in any body, line of output or warning, and never the webhook URL
 * (it holds a token, as Slack's do).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runNotify } from '../../src/cli/notify.js';
import { defaultsOf, notifyTable, type NotifyOptions } from '../../src/cli/options.js';
import { KeywardenError } from '../../src/core/errors.js';
import type { ChannelName, Delivery } from '../../src/respond/notify/notice.js';
import type { WebhookPayload } from '../../src/respond/notify/webhook.js';
import { notifyVerdict } from '../../src/run/notify.js';
import { runCli } from '../helpers/cli.js';
import { startGitHubApi } from '../helpers/github-api.js';
import { git, TestRepo } from '../helpers/history-repos.js';
import { history } from '../helpers/in-process.js';
import { keyFactory } from '../helpers/keys.js';
import { openRouterLike, startStandIn, type Reply, type StandIn } from '../helpers/providers.js';
import { makeFileTmpDir } from '../helpers/tmp.js';

const keys = keyFactory(20261313);
const liveKey = keys.openrouter();
const deadKey = keys.openrouter();
const otherKey = keys.tokenrouterLive();
/** A key in a file's name: the report names the file, so notify must mask it there too. */
const keyInPath = keys.agentrouter();
const rawKeys = [liveKey, deadKey, otherKey, keyInPath];

const token = 'Zr8WqK3mT6vN1pX4sB7cY2dL';
const hookPath = `/services/T0NOTIFY/B0NOTIFY/${token}`;

let repo: TestRepo;
let reportFile: string;
let emptyReport: string;
let introduced: string;

beforeAll(async () => {
  const dir = makeFileTmpDir('notify');
  repo = TestRepo.init(makeFileTmpDir('notify-repo'));
  introduced = repo.commit({
    'src/config.ts': `export const key = '${liveKey}';\nexport const old = '${deadKey}';\n`,
    'deploy/.env': `TOKENROUTER_KEY=${otherKey}\n`,
    [`notes/${keyInPath}.txt`]: `the name holds one key, the text another: ${keys.tokenrouterTest()}\n`,
  });
  const provider = await startStandIn(openRouterLike({ live: [liveKey] }));
  // --show-secrets: the report holds every raw key, and notify must still send none.
  const run = await history(repo.dir, { format: 'json', verify: true, showSecrets: true }, { OPENROUTER_BASE_URL: `${provider.origin}/api/v1` });
  await provider.close();
  expect(run.code).toBe(1);
  reportFile = join(dir, 'report.json');
  // keywarden masks a key in a path even under --show-secrets; a report from elsewhere (an older keywarden, a hand-made
  // one) may spell it out: it is put back, so that notify's own masking is what the tests see.
  const report = run.report.split(`${keyInPath.slice(0, 10)}…${keyInPath.slice(-4)}`).join(keyInPath);
  writeFileSync(reportFile, report);
  expect(rawKeys.filter((key) => !report.includes(key))).toEqual([]);
  emptyReport = join(dir, 'empty.json');
  writeFileSync(emptyReport, JSON.stringify({ version: 1, tool: { name: 'keywarden', version: '0.1.0' }, findings: [], stats: { files: 1, bytes: 1, durationMs: 1 } }));
});

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** `keywarden notify` in this process, with only `env` for an environment (none of the machine's GITHUB_*). */
async function notify(flags: Partial<NotifyOptions>, env: Record<string, string> = {}): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const io = { env, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } };
  try {
    const code = await runNotify({ ...defaultsOf(notifyTable), report: reportFile, root: repo.dir, ...flags }, io);
    return { code, stdout, stderr };
  } catch (error) {
    if (!(error instanceof KeywardenError)) throw error;
    return { code: error.exitCode, stdout, stderr: `${stderr}keywarden: ${error.message}\n` };
  }
}

/** A receiver answering each request in turn from `replies` (the last one repeated). */
function receiver(replies: Reply[]): Promise<StandIn> {
  let seen = 0;
  return startStandIn(() => replies[Math.min(seen++, replies.length - 1)] ?? { status: 200, body: 'ok' });
}

const hookOf = (standIn: StandIn) => ({ KEYWARDEN_WEBHOOK_URL: `${standIn.origin}${hookPath}` });
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

/** Nothing anywhere holds a raw key or the webhook's token. */
function expectNothingSecret(...texts: string[]): void {
  const all = texts.join('\n');
  for (const secret of [...rawKeys, token]) expect(all).not.toContain(secret);
}

describe('keywarden notify --to webhook', () => {
  it('posts the findings once, with Slack text linking each line at its commit, and says so', async () => {
    const standIn = await receiver([{ status: 200, body: 'ok' }]);
    const ran = await notify({ to: ['webhook'], repo: 'acme/widgets' }, hookOf(standIn));
    expect(ran).toEqual({ code: 0, stdout: 'webhook: sent: posted 4 findings to the webhook (HTTP 200)\nexit 0: every channel delivered (webhook)\n', stderr: '' });
    expect(standIn.requests).toHaveLength(1);
    const body = JSON.parse(standIn.requests[0]?.body ?? '') as WebhookPayload;
    expect(body.text.split('\n')[0]).toBe('*keywarden: 4 leaked keys* in <https://github.com/acme/widgets|acme/widgets> — 1 live, 2 unknown, 1 invalid');
    expect(body.text).toContain(`• *live* \`${liveKey.slice(0, 13)}…${liveKey.slice(-4)}\` openrouter — <https://github.com/acme/widgets/blob/${introduced}/src/config.ts#L1|src/config.ts:1>`);
    expect(body.findings.map((finding) => [finding.path, finding.verification?.status])).toEqual(
      expect.arrayContaining([
        ['src/config.ts', 'live'],
        ['src/config.ts', 'invalid'],
      ]),
    );
    // Each finding as the report spells it, with its rule's advice, and never its key.
    for (const finding of body.findings) {
      expect(finding).not.toHaveProperty('secret');
      expect(finding.hint).toMatch(/\S/);
      expect(finding.commit).toBe(introduced);
    }
    expectNothingSecret(standIn.requests[0]?.body ?? '', ran.stdout, ran.stderr);
  });

  it('masks a key in a path the report spells out (a --show-secrets report)', async () => {
    const standIn = await receiver([{ status: 200 }]);
    await notify({ to: ['webhook'] }, hookOf(standIn));
    const body = JSON.parse(standIn.requests[0]?.body ?? '') as WebhookPayload;
    const named = body.findings.find((finding) => finding.path?.startsWith('notes/'));
    expect(named?.path).toBe(`notes/${keyInPath.slice(0, 10)}…${keyInPath.slice(-4)}.txt`);
    expectNothingSecret(standIn.requests[0]?.body ?? '');
  });

  it('--dry-run prints exactly what would be sent, and sends nothing', async () => {
    const standIn = await receiver([{ status: 200 }]);
    const dry = await notify({ to: ['webhook'], dryRun: true }, hookOf(standIn));
    expect(standIn.requests).toHaveLength(0);
    expect(dry.code).toBe(0);
    const [header, body, blank, why] = dry.stdout.split('\n');
    expect(header).toBe('# webhook → webhook (dry run: not sent)');
    expect(blank).toBe('');
    expect(why).toBe('exit 0: dry run: nothing was sent; above is what webhook would send');
    await notify({ to: ['webhook'] }, hookOf(standIn));
    expect(standIn.requests.map((request) => request.body)).toEqual([body]);
    expectNothingSecret(dry.stdout, dry.stderr);
  });

  it('gives up after the retries with a warning, exit 2, and the reason last', async () => {
    const standIn = await receiver([{ status: 503, headers: { 'retry-after': '0' } }]);
    const ran = await notify({ to: ['webhook'] }, hookOf(standIn));
    expect(standIn.requests).toHaveLength(3);
    expect(ran).toEqual({ code: 2, stdout: 'exit 2: no channel could deliver (webhook failed; see the warning above)\n', stderr: 'warning: webhook: the webhook answered HTTP 503 after 3 attempts\n' });
  });

  it('--format json: every delivery, and the reason last on stderr', async () => {
    const standIn = await receiver([{ status: 200 }]);
    // GitHub refuses the token: the issue channel fails, the webhook delivers.
    const api = await startGitHubApi();
    const ran = await notify({ to: ['webhook,issue'], format: 'json', repo: 'acme/widgets' }, { ...hookOf(standIn), GITHUB_TOKEN: 'not-a-real-token', GITHUB_API_URL: api.apiUrl });
    expect(ran.code).toBe(0);
    const printed = JSON.parse(ran.stdout) as Record<string, unknown>;
    expect(printed).toMatchObject({
      version: 1,
      dryRun: false,
      findings: 4,
      deliveries: [
        { channel: 'webhook', outcome: 'sent', detail: 'posted 4 findings to the webhook (HTTP 200)' },
        { channel: 'issue', outcome: 'failed', detail: expect.stringContaining('401') as unknown },
      ],
      exitCode: 0,
    });
    expect(lastLine(ran.stderr)).toBe('keywarden: exit 0: delivered (webhook); issue failed (see the warning above)');
    expectNothingSecret(ran.stdout, ran.stderr);
  });

  it('--output FILE: the output there, the reason on stderr', async () => {
    const standIn = await receiver([{ status: 200 }]);
    const output = join(makeFileTmpDir('notify-out'), 'deliveries.txt');
    const ran = await notify({ to: ['webhook'], output }, hookOf(standIn));
    expect(ran).toEqual({ code: 0, stdout: '', stderr: 'keywarden: exit 0: every channel delivered (webhook)\n' });
    expect(readFileSync(output, 'utf8')).toBe('webhook: sent: posted 4 findings to the webhook (HTTP 200)\nexit 0: every channel delivered (webhook)\n');
  });

  it('has nothing to tell for a report without findings, and says so', async () => {
    const standIn = await receiver([{ status: 200 }]);
    const ran = await notify({ to: ['webhook'], report: emptyReport }, hookOf(standIn));
    expect(ran).toEqual({ code: 0, stdout: 'webhook: skipped: nothing to tell: no findings\nexit 0: nothing to tell: the report has no findings\n', stderr: '' });
    expect(standIn.requests).toHaveLength(0);
  });

  it('links into the repository the origin remote names (an Enterprise host over ssh)', async () => {
    const standIn = await receiver([{ status: 200 }]);
    git(repo.dir, ['remote', 'add', 'origin', 'git@git.corp.example:acme/widgets.git']);
    try {
      await notify({ to: ['webhook'] }, hookOf(standIn));
    } finally {
      git(repo.dir, ['remote', 'remove', 'origin']);
    }
    const body = JSON.parse(standIn.requests[0]?.body ?? '') as WebhookPayload;
    expect(body.text).toContain(`<https://git.corp.example/acme/widgets/blob/${introduced}/src/config.ts#L1|src/config.ts:1>`);
  });
});

describe('keywarden notify: channels that cannot deliver, and usage', () => {
  it.each<[string, Partial<NotifyOptions>, Record<string, string>, string]>([
    ['no GITHUB_TOKEN', { to: ['issue'], repo: 'acme/widgets' }, {}, 'warning: issue: GITHUB_TOKEN is not set'],
    ['no repository anywhere', { to: ['commit-comment'] }, { GITHUB_TOKEN: 'not-a-real-token' }, 'warning: commit-comment: no repository: give --repo OWNER/NAME or set GITHUB_REPOSITORY'],
    ['no webhook URL', { to: ['webhook'] }, {}, 'warning: webhook: no webhook URL: set KEYWARDEN_WEBHOOK_URL (or give --webhook URL)'],
  ])('%s: a warning, and exit 2 when no channel is left', async (_case, flags, env, warning) => {
    const ran = await notify(flags, env);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(warning);
    expect(lastLine(ran.stdout)).toMatch(/^exit 2: no channel could deliver \(.+ failed; see the warnings? above\)$/);
  });

  it('a failing channel is a warning while another delivers: exit 0', async () => {
    const standIn = await receiver([{ status: 200 }]);
    const ran = await notify({ to: ['issue', 'webhook'] }, hookOf(standIn));
    expect(ran.code).toBe(0);
    expect(ran.stderr).toMatch(/^warning: issue: /);
    expect(lastLine(ran.stdout)).toBe('exit 0: delivered (webhook); issue failed (see the warning above)');
  });

  it.each<[string, Partial<NotifyOptions>, string]>([
    ['an unknown channel', { to: ['webhook,isue'] }, 'keywarden: --to: unknown channel isue; did you mean issue? (channels: issue, commit-comment, webhook)'],
    ['no channel', { to: [] }, 'keywarden: --to is required: where to tell (issue, commit-comment, webhook)'],
    ['no report', { to: ['webhook'], report: undefined }, 'keywarden: --report FILE is required: a json report (keywarden scan . -f json -o report.json)'],
    ['a --repo that is not OWNER/NAME', { to: ['webhook'], repo: 'widgets' }, 'keywarden: --repo widgets: not OWNER/NAME'],
    ['--webhook without the webhook channel', { to: ['issue'], webhook: `https://hooks.example.com${hookPath}` }, 'keywarden: --webhook needs --to webhook: without it nothing is sent to the webhook'],
    ['--mention-owners without a GitHub channel', { to: ['webhook'], mentionOwners: true }, 'keywarden: --mention-owners needs --to issue or commit-comment: only those mention anyone'],
  ])('%s is a usage error', async (_case, flags, message) => {
    const ran = await notify(flags, { KEYWARDEN_WEBHOOK_URL: `http://127.0.0.1:9${hookPath}` });
    expect(ran).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });

  it('--webhook wins over KEYWARDEN_WEBHOOK_URL, and channels asked twice are told once', async () => {
    const standIn = await receiver([{ status: 200 }]);
    const ran = await notify({ to: ['webhook', 'webhook,webhook'], webhook: `${standIn.origin}${hookPath}` }, { KEYWARDEN_WEBHOOK_URL: `http://127.0.0.1:9${hookPath}` });
    expect(ran.code).toBe(0);
    expect(standIn.requests).toHaveLength(1);
  });
});

describe('keywarden notify, the built bin', () => {
  const bin = (args: string[], env: Record<string, string> = {}) => runCli(['notify', ...args], { cwd: repo.dir, env });

  it('never prints the webhook URL: a failing webhook given on the command line', async () => {
    const standIn = await receiver([{ status: 500, headers: { 'retry-after': '0' } }]);
    const ran = await bin(['--report', reportFile, '--to', 'webhook', '--webhook', `${standIn.origin}${hookPath}`], { KEYWARDEN_WEBHOOK_SECRET: 'a shared secret' });
    expect(ran.code).toBe(2);
    expect(standIn.requests).toHaveLength(3);
    expect(ran.stderr).toBe('warning: webhook: the webhook answered HTTP 500 after 3 attempts\n');
    expect(lastLine(ran.stdout)).toBe('exit 2: no channel could deliver (webhook failed; see the warning above)');
    expectNothingSecret(ran.stdout, ran.stderr, ...standIn.requests.map((request) => request.body));
    expect(standIn.requests[0]?.headers['x-keywarden-signature']).toMatch(/^sha256=/);
  });

  it.each([
    ['a stray URL', ['--to', 'webhook', `https://hooks.example.com${hookPath}`]],
    ['a mistyped flag before it', ['--to', 'webhook', '--webhok', `https://hooks.example.com${hookPath}`, `https://hooks.example.com${hookPath}`]],
  ])('never quotes a URL in a usage error: %s', async (_case, args) => {
    const ran = await bin(['--report', reportFile, ...args]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('unknown argument');
    expectNothingSecret(ran.stdout, ran.stderr);
  });
});

describe("notify's exit code and its reason", () => {
  const sent = (channel: ChannelName): Delivery => ({ channel, outcome: 'sent', detail: '' });
  const failed = (channel: ChannelName): Delivery => ({ channel, outcome: 'failed', detail: '' });
  const created = (channel: ChannelName): Delivery => ({ channel, outcome: 'created', detail: '' });

  it.each<[string, { name: ChannelName; problem?: string }[], Delivery[], { dryRun?: boolean; findings?: number }, string]>([
    ['every channel delivered', [{ name: 'webhook' }, { name: 'issue' }], [sent('webhook'), created('issue')], {}, 'exit 0: every channel delivered (webhook, issue)'],
    ['one failed, one delivered', [{ name: 'webhook' }, { name: 'issue' }], [failed('webhook'), created('issue')], {}, 'exit 0: delivered (issue); webhook failed (see the warning above)'],
    ['one could not be built', [{ name: 'issue', problem: 'no token' }, { name: 'webhook' }], [sent('webhook')], {}, 'exit 0: delivered (webhook); issue failed (see the warning above)'],
    ['some messages of a channel failed', [{ name: 'commit-comment' }], [created('commit-comment'), failed('commit-comment')], {}, 'exit 0: delivered (commit-comment); commit-comment partly failed (see the warning above)'],
    ['none delivered', [{ name: 'webhook' }, { name: 'issue', problem: 'no token' }], [failed('webhook')], {}, 'exit 2: no channel could deliver (webhook, issue failed; see the warnings above)'],
    ['nothing to tell', [{ name: 'webhook' }], [{ channel: 'webhook', outcome: 'skipped', detail: '' }], { findings: 0 }, 'exit 0: nothing to tell: the report has no findings'],
    ['a dry run', [{ name: 'webhook' }, { name: 'issue', problem: 'no token' }], [failed('issue')], { dryRun: true }, 'exit 0: dry run: nothing was sent; above is what webhook would send; issue failed (see the warning above)'],
    ['a dry run with no channel', [{ name: 'issue', problem: 'no token' }], [failed('issue')], { dryRun: true }, 'exit 2: no channel could be set up (issue failed; see the warning above)'],
  ])('%s', (_case, channels, deliveries, { dryRun = false, findings = 3 }, why) => {
    const verdict = notifyVerdict(channels, deliveries, dryRun, findings);
    expect(verdict).toEqual({ exitCode: why.startsWith('exit 2') ? 2 : 0, why });
  });
});
