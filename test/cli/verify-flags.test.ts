/**
 * `--verify` and its flags (SPEC §2, §3, §5) against stand-ins on 127.0.0.1 that behave like
 * OpenRouter, AgentRouter and TokenRouter. What a run checks and decides is tested in this
 * process, as `keywarden scan` builds its run (test/helpers/in-process.ts); the built CLI keeps
 * one run per flag family, per command and per exit code (the last describe). Every run's
 * output (stdout and stderr, or the report, warnings and error in process) is checked for
 * every raw key this file has made, unless it asked for `--show-secrets`. No base URL ever
 * names anything but loopback.
 */
import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';
import { commandLine, scan, type InProcessRun } from '../helpers/in-process.js';
import { git, isolatedGitEnv, TestRepo } from '../helpers/history-repos.js';
import { keyFactory, type KeyKind } from '../helpers/keys.js';
import {
  agentRouterLike,
  modelList,
  openRouterKeyInfo,
  openRouterLike,
  startStandIn,
  tokenRouterLike,
  type Handler,
  type Reply,
  type StandIn,
} from '../helpers/providers.js';
import { cleanTmpDirs, makeTmpDir, writeTree, type Tree } from '../helpers/tmp.js';
import { inFlight, keyOutsideAuthorization, timed } from '../verify/harness.js';
import type { ReportFinding } from '../../src/report/model.js';

cleanTmpDirs('all');

const factory = keyFactory(5_0505);
/** Every raw key handed to a test: none may show up in any output. */
const made: string[] = [];
const keyOf = (kind: KeyKind) => {
  const key = factory.of(kind);
  made.push(key);
  return key;
};
/** `gw_` + 32 lowercase alphanumerics: the user rule below. */
const gatewayKey = () => {
  const key = `gw_${factory.body('lower', 32)}`;
  made.push(key);
  return key;
};

async function cli(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  const run = await runCli(args, options);
  if (!args.includes('--show-secrets')) {
    for (const key of made) expect(run.stdout + run.stderr, `a raw key in the output of keywarden ${args.join(' ')}`).not.toContain(key);
  }
  return run;
}

type ScanFlags = NonNullable<Parameters<typeof scan>[1]>;

/** `keywarden scan . --verify FLAGS` in this process, as json unless `format` says otherwise; its output is checked for raw keys. */
async function scanVerify(cwd: string, flags: ScanFlags = {}, env: Record<string, string> = {}): Promise<InProcessRun> {
  const run = await scan(cwd, { verify: true, format: 'json', ...flags }, env);
  if (!flags.showSecrets) {
    const output = [run.report, ...run.warnings, run.why ?? '', run.error ?? ''].join('\n');
    for (const key of made) expect(output, `a raw key in the output of scan ${JSON.stringify(flags)}`).not.toContain(key);
  }
  return run;
}

/** The json report's findings, as the reporter defines them. */
type JsonFinding = ReportFinding;
interface JsonReport {
  findings: JsonFinding[];
  warnings?: { message: string }[];
}

const report = (run: CliRun | InProcessRun) => JSON.parse('stdout' in run ? run.stdout : run.report) as JsonReport;
const tree = (files: Tree) => writeTree(makeTmpDir('verify-cli'), files);
const envFile = (...keys: string[]) => tree({ '.env': keys.map((key, i) => `KEY_${i}=${key}`).join('\n') + '\n' });
/** The status each key got, by the line it is on in `.env`. */
const statusByLine = (run: CliRun | InProcessRun) => Object.fromEntries(report(run).findings.map((f) => [f.line, f.verification?.status]));

interface Providers {
  openrouter?: Handler;
  agentrouter?: Handler;
  tokenrouter?: Handler;
}

/** Stand-ins for the providers given, and the environment that points the CLI at them. */
async function providers(handlers: Providers): Promise<{ env: Record<string, string>; servers: Partial<Record<keyof Providers, StandIn>> }> {
  const env: Record<string, string> = {};
  const servers: Partial<Record<keyof Providers, StandIn>> = {};
  if (handlers.openrouter) {
    servers.openrouter = await startStandIn(handlers.openrouter);
    env['OPENROUTER_BASE_URL'] = `${servers.openrouter.origin}/api/v1`;
  }
  if (handlers.agentrouter) {
    servers.agentrouter = await startStandIn(handlers.agentrouter);
    env['AGENTROUTER_BASE_URL'] = servers.agentrouter.origin;
  }
  if (handlers.tokenrouter) {
    servers.tokenrouter = await startStandIn(handlers.tokenrouter);
    env['TOKENROUTER_BASE_URL'] = servers.tokenrouter.origin;
  }
  return { env, servers };
}

const script = (key: string, replies: Reply[]) => new Map([[key, replies]]);
const retryAfter = (status: number, seconds: string): Reply => ({ status, headers: { 'retry-after': seconds }, body: { error: { message: 'slow down' } } });
const html: Reply = { status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>Sign in</title>' };

/** The built CLI, with providers pointed at stand-ins, must report exactly this: the end-to-end run of `scan --verify` below checks it too. */
async function everyProviderAnswers() {
  const live = keyOf('openrouter');
  const dead = keyOf('openrouter');
  const management = keyOf('openrouter');
  const trLive = keyOf('tokenrouterLive');
  const trDead = keyOf('tokenrouterTest');
  const agent = keyOf('agentrouter');
  const { env, servers } = await providers({ openrouter: openRouterLike({ live: [live], management: [management] }), tokenrouter: tokenRouterLike({ live: [trLive] }) });
  const root = envFile(dead, live, trDead, agent, trLive, management);
  const expectReported = (findings: JsonFinding[]) => {
    expect(findings.map((f) => [f.line, f.ruleId, f.severity, f.verification?.status])).toEqual([
      [6, 'openrouter.api-key', 'critical', 'live'],
      [2, 'openrouter.api-key', 'high', 'live'],
      [5, 'tokenrouter.live-key', 'high', 'live'],
      [4, 'agentrouter.api-key', 'high', 'skipped'],
      [1, 'openrouter.api-key', 'high', 'invalid'],
      [3, 'tokenrouter.test-key', 'low', 'invalid'],
    ]);
    const byLine = new Map(findings.map((f) => [f.line, f.verification]));
    expect(byLine.get(6)?.reason).toMatch(/management key/);
    expect(byLine.get(2)).toEqual({
      status: 'live',
      detail: { label: `sk-or-v1-${live.slice(9, 12)}...${live.slice(-3)}`, usage: 12.5, limit: 100, limit_remaining: 87.5, is_free_tier: false, is_management_key: false, expires_at: null },
    });
    expect(byLine.get(4)?.reason).toBe('AGENTROUTER_BASE_URL is not set');
    expect(byLine.get(1)?.reason).toBe('HTTP 401');

    expect(servers.openrouter?.requests.map((r) => r.key).sort()).toEqual([dead, live, management].sort());
    expect(servers.tokenrouter?.requests.map((r) => r.key).sort()).toEqual([trDead, trLive].sort());
    for (const server of [servers.openrouter, servers.tokenrouter]) {
      for (const request of server?.requests ?? []) {
        expect(request.method).toBe('GET');
        expect(request.url).toMatch(/^\/(api\/v1\/key|v1\/models)$/);
        expect(keyOutsideAuthorization(request, request.key ?? '')).toEqual([]);
      }
    }
  };
  return { env, root, expectReported };
}

describe('scan --verify', () => {
  it('reports what each provider said about each key, live ones first, and sends each key only to its provider', async () => {
    const { env, root, expectReported } = await everyProviderAnswers();
    const run = await scanVerify(root, {}, env);
    expect(run.code, run.error).toBe(1);
    expectReported(report(run).findings);
  });

  it('checks AgentRouter keys once AGENTROUTER_BASE_URL names a deployment on loopback', async () => {
    const good = keyOf('agentrouter');
    const bad = keyOf('agentrouter');
    const { env, servers } = await providers({ agentrouter: agentRouterLike({ live: [good] }) });
    const run = await scanVerify(envFile(bad, good), {}, env);
    expect(statusByLine(run)).toEqual({ 1: 'invalid', 2: 'live' });
    expect(servers.agentrouter?.requests.map((r) => [r.url, r.key])).toEqual(expect.arrayContaining([['/models', good], ['/models', bad]]));
  });

  it('prints the raw keys only with --show-secrets, and never sends anything but the key itself', async () => {
    const key = keyOf('openrouter');
    const { env } = await providers({ openrouter: openRouterLike({ live: [key] }) });
    const root = envFile(key);
    for (const format of ['human', 'json', 'jsonl', 'sarif', 'markdown'] as const) {
      const hidden = await scanVerify(root, { format }, env);
      expect(hidden.code, hidden.error).toBe(1);
    }
    const shown = await scanVerify(root, { showSecrets: true }, env);
    expect(shown.report).toContain(key);
  });

  it('keeps a key the provider echoes back in its answer out of the report', async () => {
    const key = keyOf('openrouter');
    const { env } = await providers({ openrouter: openRouterLike({ scripts: script(key, [{ status: 200, body: openRouterKeyInfo(key, { label: key }) }]) }) });
    const run = await scanVerify(envFile(key), {}, env);
    const [finding] = report(run).findings;
    expect(finding?.verification?.status).toBe('live');
    expect(finding?.verification?.detail['label']).toBe(`sk-or-v1-${key.slice(9, 13)}…${key.slice(-4)}`);
  });

  describe('unknown, never invalid, when the provider cannot say', () => {
    const cases: [string, { replies: Reply[] | 'refused' | ((key: string) => Reply[]); flags?: ScanFlags; requests: number; reason: RegExp }][] = [
      ['a 429 that outlasts the retries', { replies: [retryAfter(429, '0')], requests: 3, reason: /rate limited \(HTTP 429\)/ }],
      ['always 500 (default backoff)', { replies: [{ status: 500, body: { error: 'internal' } }], requests: 3, reason: /server error \(HTTP 500\)/ }],
      ['a hang past --verify-timeout', { replies: [{ status: 200, hang: true }], flags: { verifyTimeout: 0.3 }, requests: 1, reason: /timed out after 0\.3 s/ }],
      ['HTML instead of JSON on 200', { replies: [html], requests: 1, reason: /not JSON/ }],
      ['a refused connection', { replies: 'refused', requests: 0, reason: /connection failed/ }],
      // What a provider sends back is never printed: a body or header echoing the key stays out of the output.
      ['an unexpected status whose body and headers echo the key', { replies: (key) => [{ status: 418, headers: { 'x-echo': key }, body: { error: `bad key ${key}` } }], requests: 1, reason: /^unexpected HTTP 418$/ }],
    ];
    it.each(cases)('%s', async (_name, c) => {
      const key = keyOf('openrouter');
      const replies = typeof c.replies === 'function' ? c.replies(key) : c.replies;
      const { env, servers } = replies === 'refused' ? { env: {}, servers: {} } : await providers({ openrouter: openRouterLike({ scripts: script(key, replies) }) });
      const started = performance.now();
      const run = await scanVerify(envFile(key), c.flags, env);
      // The reason says which limit fired (0.3 s, not the default 10 s); this only catches a hang,
      // generous for a busy machine: not a speed limit.
      expect(performance.now() - started).toBeLessThan(20_000);
      expect(run.code, run.error).toBe(1);
      const [finding] = report(run).findings;
      expect(finding?.verification?.status).toBe('unknown');
      expect(finding?.verification?.reason).toMatch(c.reason);
      expect(servers.openrouter?.requests.length ?? 0).toBe(c.requests);
    });
  });

  it.each([
    ['429, then live', [retryAfter(429, '0')]],
    ['503, then live (default backoff)', [{ status: 503, body: 'upstream unavailable' }]],
  ] as [string, Reply[]][])('is live after %s', async (_name, first) => {
    const key = keyOf('tokenrouterLive');
    const { env, servers } = await providers({ tokenrouter: tokenRouterLike({ scripts: script(key, [...first, modelList]) }) });
    const run = await scanVerify(envFile(key), {}, env);
    expect(statusByLine(run)).toEqual({ 1: 'live' });
    expect(servers.tokenrouter?.requests).toHaveLength(2);
  });

  it('waits as long as Retry-After says before asking again (measured at the server)', async () => {
    const key = keyOf('openrouter');
    const clock = timed(openRouterLike({ scripts: script(key, [retryAfter(429, '1'), { status: 200, body: openRouterKeyInfo(key) }]) }));
    const { env } = await providers({ openrouter: clock.handler });
    const run = await scanVerify(envFile(key), {}, env);
    expect(statusByLine(run)).toEqual({ 1: 'live' });
    expect(clock.gaps()).toHaveLength(1);
    expect(clock.gaps()[0]).toBeGreaterThanOrEqual(990);
  });
});

describe('requests per run', () => {
  it('asks once for a key that appears in many files and lines', async () => {
    const key = keyOf('openrouter');
    const { env, servers } = await providers({ openrouter: openRouterLike({ live: [key] }) });
    const line = `OPENROUTER_API_KEY=${key}\n`;
    const root = tree({ 'a.env': line.repeat(3), 'b/config.env': line.repeat(3), 'c/deep/x.env': line, 'd.json': `{"k": "${key}", "j": "${key}"}\n` });
    const run = await scanVerify(root, {}, env);
    expect(report(run).findings).toHaveLength(9);
    expect(report(run).findings.every((f) => f.verification?.status === 'live')).toBe(true);
    expect(servers.openrouter?.requests).toHaveLength(1);
  });

  it('asks once per distinct key', async () => {
    const distinct = [keyOf('openrouter'), keyOf('openrouter'), keyOf('openrouter'), keyOf('tokenrouterLive'), keyOf('tokenrouterTest')];
    const { env, servers } = await providers({ openrouter: openRouterLike(), tokenrouter: tokenRouterLike() });
    const run = await scanVerify(envFile(...distinct, ...distinct), {}, env);
    expect(report(run).findings).toHaveLength(10);
    expect(servers.openrouter?.requests).toHaveLength(3);
    expect(servers.tokenrouter?.requests).toHaveLength(2);
  });

  it.each([
    ['the default', {}, {}, 8],
    ['--verify-concurrency 2', { verifyConcurrency: 2 }, {}, 2],
    ['KEYWARDEN_VERIFY_CONCURRENCY=3', {}, { KEYWARDEN_VERIFY_CONCURRENCY: '3' }, 3],
    ['--verify-concurrency 1 over KEYWARDEN_VERIFY_CONCURRENCY=5', { verifyConcurrency: 1 }, { KEYWARDEN_VERIFY_CONCURRENCY: '5' }, 1],
  ] as [string, ScanFlags, Record<string, string>, number][])('keeps at most N requests in flight: %s', async (_name, flags, extraEnv, bound) => {
    const distinct = Array.from({ length: 10 }, () => keyOf('openrouter'));
    const counter = inFlight(openRouterLike({ live: distinct }), 120);
    const { env, servers } = await providers({ openrouter: counter.handler });
    const run = await scanVerify(envFile(...distinct), flags, { ...env, ...extraEnv });
    expect(report(run).findings.every((f) => f.verification?.status === 'live')).toBe(true);
    expect(servers.openrouter?.requests).toHaveLength(10);
    expect(counter.max()).toBe(bound);
  });
});

describe('--verify-timeout and KEYWARDEN_VERIFY_TIMEOUT', () => {
  it.each([
    ['KEYWARDEN_VERIFY_TIMEOUT=0.3 cuts a slow answer short', {}, { KEYWARDEN_VERIFY_TIMEOUT: '0.3' }, 'unknown'],
    ['--verify-timeout 5 overrides KEYWARDEN_VERIFY_TIMEOUT=0.3', { verifyTimeout: 5 }, { KEYWARDEN_VERIFY_TIMEOUT: '0.3' }, 'live'],
    ['--verify-timeout 0.3 overrides KEYWARDEN_VERIFY_TIMEOUT=5', { verifyTimeout: 0.3 }, { KEYWARDEN_VERIFY_TIMEOUT: '5' }, 'unknown'],
  ] as [string, ScanFlags, Record<string, string>, string][])('%s', async (_name, flags, extraEnv, status) => {
    const key = keyOf('openrouter');
    const { env } = await providers({ openrouter: openRouterLike({ scripts: script(key, [{ status: 200, body: openRouterKeyInfo(key), delayMs: 800 }]) }) });
    const run = await scanVerify(envFile(key), flags, { ...env, ...extraEnv });
    expect(statusByLine(run)).toEqual({ 1: status });
  });

  // yargs reads a number flag's value with Number(): `soon` arrives as NaN.
  it.each([
    [{ verifyTimeout: 0 }, {}, /--verify-timeout: a number of seconds from 0.001/],
    [{ verifyTimeout: 0.0001 }, {}, /--verify-timeout: a number of seconds from 0.001/],
    [{ verifyTimeout: Number('soon') }, {}, /--verify-timeout: a number of seconds/],
    [{ verifyTimeout: -1 }, {}, /--verify-timeout: a number of seconds/],
    [{ verifyConcurrency: 0 }, {}, /--verify-concurrency: a whole number from 1 to 256/],
    [{ verifyConcurrency: 2.5 }, {}, /--verify-concurrency: a whole number/],
    [{ verifyConcurrency: Number('lots') }, {}, /--verify-concurrency: a whole number/],
    [{}, { KEYWARDEN_VERIFY_TIMEOUT: 'soon' }, /KEYWARDEN_VERIFY_TIMEOUT=soon: a number of seconds/],
    [{}, { KEYWARDEN_VERIFY_TIMEOUT: '0' }, /KEYWARDEN_VERIFY_TIMEOUT=0: a number of seconds/],
    [{}, { KEYWARDEN_VERIFY_TIMEOUT: '-3' }, /KEYWARDEN_VERIFY_TIMEOUT=-3/],
    [{}, { KEYWARDEN_VERIFY_CONCURRENCY: '0' }, /KEYWARDEN_VERIFY_CONCURRENCY=0: a whole number/],
    [{}, { KEYWARDEN_VERIFY_CONCURRENCY: '1.5' }, /KEYWARDEN_VERIFY_CONCURRENCY=1\.5/],
    [{}, { KEYWARDEN_VERIFY_CONCURRENCY: 'many' }, /KEYWARDEN_VERIFY_CONCURRENCY=many/],
  ] as [ScanFlags, Record<string, string>, RegExp][])('%j %j is a usage error naming it (exit 2)', async (flags, env, message) => {
    const run = await scanVerify(envFile(keyOf('openrouter')), { format: 'human', ...flags }, env);
    expect(run.code).toBe(2);
    expect(run.error).toMatch(message);
    expect(run.report).toBe('');
  });

  it('does not read a bad KEYWARDEN_VERIFY_* when a flag gives the value', async () => {
    const run = await scanVerify(tree({ 'README.md': 'nothing here\n' }), { verifyTimeout: 1, verifyConcurrency: 2 }, { KEYWARDEN_VERIFY_TIMEOUT: 'soon', KEYWARDEN_VERIFY_CONCURRENCY: 'many' });
    expect(run.code, run.error).toBe(0);
  });
});

describe('where keys may be sent', () => {
  it.each([
    ['OPENROUTER_BASE_URL', 'http://openrouter.example/api/v1', /OPENROUTER_BASE_URL: http: is not allowed \(https only; http only for loopback hosts\)/],
    ['OPENROUTER_BASE_URL', 'https://evil.example', /OPENROUTER_BASE_URL: host evil\.example is not one this provider may contact \(allowed: openrouter\.ai, and loopback\)/],
    ['TOKENROUTER_BASE_URL', 'http://10.0.0.7:8080', /TOKENROUTER_BASE_URL: http: is not allowed/],
    ['AGENTROUTER_BASE_URL', 'http://agentrouter.corp.example', /AGENTROUTER_BASE_URL: http: is not allowed/],
  ])('%s=%s stops the run before it scans (exit 2)', async (name, value, message) => {
    // A tree with no key: the refusal comes from the configuration, before anything is found or sent.
    const root = tree({ 'README.md': 'nothing here\n' });
    const refused = await scanVerify(root, { format: 'human' }, { [name]: value });
    expect(refused.code).toBe(2);
    expect(refused.error).toMatch(message);
    expect(refused.report).toBe('');
    // Without --verify the variable is not used at all.
    expect((await scanVerify(root, { verify: false }, { [name]: value })).code).toBe(0);
  });

  const gatewayRules = (baseUrl: string) => `
provider: gateway
name: In-house gateway
hosts: []
baseUrl: ${baseUrl}
rules:
  - id: gateway.key
    name: Gateway key
    severity: medium
    keywords: [gw_]
    pattern: '(?<![A-Za-z0-9_])gw_[a-z0-9]{32}(?![A-Za-z0-9])'
    verify:
      request: { method: GET, path: /me, headers: { Authorization: "Bearer {key}" } }
      live: { status: [200], jsonHas: [user] }
      invalid: { status: [401], jsonHas: [error] }
    examples: ['GW_KEY=gw_{{lower:32}}']
    negativeExamples: ['GW_KEY=gw_your_key_here']
`;
  const gateway: Handler = (request) => (request.url === '/me' ? { status: 200, body: { user: 'ci' } } : { status: 404 });

  it('rejects a --rules file that names a default base URL, and sends nothing there', async () => {
    const key = gatewayKey();
    const server = await startStandIn(gateway);
    const root = tree({ 'rules/gateway.yaml': gatewayRules(`{ env: GATEWAY_BASE_URL, default: "${server.origin}" }`), 'app.env': `GW_KEY=${key}\n` });
    const run = await scanVerify(root, { paths: ['app.env'], rules: ['rules'] });
    expect(run.code).toBe(2);
    expect(run.error).toMatch(/baseUrl\.default: only built-in rules may name a base URL/);
    expect(run.error).toMatch(/set GATEWAY_BASE_URL in the environment/);
    expect(server.requests).toHaveLength(0);
  });

  it('rejects a --rules file that trusts whatever host its environment variable names', async () => {
    const key = gatewayKey();
    const server = await startStandIn(gateway);
    const root = tree({ 'rules/gateway.yaml': gatewayRules('{ env: GATEWAY_BASE_URL, selfHosted: true }'), 'app.env': `GW_KEY=${key}\n` });
    const run = await scanVerify(root, { paths: ['app.env'], rules: ['rules'], format: 'human' }, { GATEWAY_BASE_URL: server.origin });
    expect(run.code).toBe(2);
    expect(run.error).toMatch(/baseUrl\.selfHosted: only built-in rules may trust the host/);
    expect(server.requests).toHaveLength(0);
  });

  it("checks a --rules provider's keys where the user's environment points it", async () => {
    const key = gatewayKey();
    const server = await startStandIn(gateway);
    const root = tree({ 'rules/gateway.yaml': gatewayRules('{ env: GATEWAY_BASE_URL }'), 'app.env': `GW_KEY=${key}\n` });
    const unset = await scanVerify(root, { paths: ['app.env'], rules: ['rules'] });
    expect(report(unset).findings.map((f) => f.verification)).toEqual([{ status: 'skipped', detail: {}, reason: 'GATEWAY_BASE_URL is not set' }]);
    const set = await scanVerify(root, { paths: ['app.env'], rules: ['rules'] }, { GATEWAY_BASE_URL: server.origin });
    expect(report(set).findings.map((f) => f.verification?.status)).toEqual(['live']);
    expect(server.requests.map((r) => [r.url, r.key])).toEqual([['/me', key]]);
  });

  it('does not follow a redirect to another origin: unknown, and the other server gets nothing', async () => {
    const key = keyOf('openrouter');
    const elsewhere = await startStandIn(openRouterLike({ live: [key] }));
    // The Location even carries the key in its query: the reason names the host only.
    const { env, servers } = await providers({ openrouter: () => ({ status: 302, headers: { location: `${elsewhere.origin}/api/v1/key?key=${key}` } }) });
    const run = await scanVerify(envFile(key), {}, env);
    const [finding] = report(run).findings;
    expect(finding?.verification?.status).toBe('unknown');
    expect(finding?.verification?.reason).toMatch(/redirected to another host \(127\.0\.0\.1:\d+\); not followed/);
    expect(servers.openrouter?.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('follows a redirect within the same origin', async () => {
    const key = keyOf('openrouter');
    const { env, servers } = await providers({
      openrouter: (request) => (request.url === '/api/v1/key' ? { status: 308, headers: { location: '/v1/key' } } : request.url === '/v1/key' ? { status: 200, body: openRouterKeyInfo(key) } : { status: 404 }),
    });
    const run = await scanVerify(envFile(key), {}, env);
    expect(statusByLine(run)).toEqual({ 1: 'live' });
    expect(servers.openrouter?.requests.map((r) => r.url)).toEqual(['/api/v1/key', '/v1/key']);
  });
});

describe('--results and --fail-on live', () => {
  /** One live, one invalid and one unknown (always 500) OpenRouter key, on lines 1–3. */
  async function mixed() {
    const [live, dead, unsure] = [keyOf('openrouter'), keyOf('openrouter'), keyOf('openrouter')];
    const { env } = await providers({ openrouter: openRouterLike({ live: [live], scripts: script(unsure, [retryAfter(500, '0')]) }) });
    return { env, root: envFile(live, dead, unsure) };
  }

  it('--results live reports the live keys only, and warns how many unknown ones it left out', async () => {
    const { env, root } = await mixed();
    const run = await scanVerify(root, { results: 'live' }, env);
    expect(run.code).toBe(1);
    expect(statusByLine(run)).toEqual({ 1: 'live' });
    const note = run.warnings.at(-1);
    expect(note).toMatch(/^--results live left out .*1 unknown/);
    expect(note).toMatch(/1 invalid/);
    expect(note).toMatch(/may still work/);
    expect(report(run).warnings?.map((w) => w.message).join('\n')).toMatch(/1 unknown/);
  });

  it('--results live,unknown keeps both and does not cry wolf about unknown ones', async () => {
    const { env, root } = await mixed();
    const run = await scanVerify(root, { results: 'live,unknown' }, env);
    expect(statusByLine(run)).toEqual({ 1: 'live', 3: 'unknown' });
    expect(run.warnings.join('\n')).toMatch(/left out 1 invalid finding\b/);
    expect(run.warnings.join('\n')).not.toMatch(/may still work/);
  });

  it.each([
    [{ verify: false, results: 'live' }, /--results needs --verify/],
    [{ verify: false, failOn: 'live' }, /--fail-on live needs --verify/],
    [{ verify: false, verifyTimeout: 5 }, /--verify-timeout needs --verify/],
    [{ verify: false, verifyConcurrency: 2 }, /--verify-concurrency needs --verify/],
    [{ results: 'alive' }, /--results: 'alive' is not an outcome/],
  ] as [ScanFlags, RegExp][])('%j is a usage error (exit 2)', async (flags, message) => {
    const run = await scanVerify(envFile(keyOf('openrouter')), flags);
    expect(run.code).toBe(2);
    expect(run.error).toMatch(message);
  });

  it('--fail-on live exits 1 when a live key is reported', async () => {
    const { env, root } = await mixed();
    const run = await scanVerify(root, { failOn: 'live' }, env);
    expect(run.code).toBe(1);
    expect(report(run).findings).toHaveLength(3);
  });

  it('--results hides, but never decides: an unknown key left out by --results live still fails the run', async () => {
    const unsure = keyOf('openrouter');
    const { env } = await providers({ openrouter: openRouterLike({ scripts: script(unsure, [retryAfter(500, '0')]) }) });
    for (const failOn of ['any', 'live'] as const) {
      const run = await scanVerify(envFile(unsure), { results: 'live', failOn }, env);
      expect(run.code, `--fail-on ${failOn}`).toBe(1);
      expect(report(run).findings).toEqual([]);
    }
  });

  it('--fail-on live exits 1 for a key never checked: skipped (AGENTROUTER_BASE_URL unset) may still work', async () => {
    const run = await scanVerify(envFile(keyOf('agentrouter')), { failOn: 'live' });
    expect(run.code, run.error).toBe(1);
    expect(statusByLine(run)).toEqual({ 1: 'skipped' });
  });

  it('--fail-on live exits 1 for a key no one could check: unknown may still work', async () => {
    const unsure = keyOf('openrouter');
    const { env } = await providers({ openrouter: openRouterLike({ scripts: script(unsure, [retryAfter(500, '0')]) }) });
    const run = await scanVerify(envFile(unsure), { failOn: 'live' }, env);
    expect(run.code, run.error).toBe(1);
    expect(statusByLine(run)).toEqual({ 1: 'unknown' });
  });

  it('--fail-on live exits 0 when every key is invalid, and still reports them', async () => {
    const dead = [keyOf('openrouter'), keyOf('tokenrouterLive')];
    const { env } = await providers({ openrouter: openRouterLike(), tokenrouter: tokenRouterLike() });
    const run = await scanVerify(envFile(...dead), { failOn: 'live' }, env);
    expect(run.code, run.error).toBe(0);
    expect(statusByLine(run)).toEqual({ 1: 'invalid', 2: 'invalid' });
    // Without --fail-on live the same findings fail the run.
    expect((await scanVerify(envFile(...dead), { format: 'human' }, env)).code).toBe(1);
  });
});

/**
 * The built bin: each flag family read from argv and the environment, each command that
 * takes --verify, and each exit code, once. What the runs above decide, these confirm the bin
 * reaches the same way.
 */
describe('end to end: the built CLI', () => {
  it('scan --verify --format json: the same report as in process, from the providers its environment names; exit 1', async () => {
    const { env, root, expectReported } = await everyProviderAnswers();
    const run = await cli(['scan', '.', '--verify', '--format', 'json'], { cwd: root, env });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toBe('');
    expectReported(report(run).findings);
  });

  it('--show-secrets prints the raw key; without it, neither stdout nor stderr holds it', async () => {
    const key = keyOf('openrouter');
    const { env } = await providers({ openrouter: openRouterLike({ live: [key] }) });
    const root = envFile(key);
    const hidden = await cli(['scan', '.', '--verify'], { cwd: root, env });
    expect(hidden.code, hidden.stderr).toBe(1);
    const shown = await cli(['scan', '.', '--verify', '--format', 'json', '--show-secrets'], { cwd: root, env });
    expect(shown.stdout).toContain(key);
  });

  it('--verify-concurrency 1 beats KEYWARDEN_VERIFY_CONCURRENCY=5, and --verify-timeout 0.3 beats KEYWARDEN_VERIFY_TIMEOUT=5', async () => {
    const distinct = Array.from({ length: 4 }, () => keyOf('openrouter'));
    const counter = inFlight(openRouterLike({ live: distinct }), 120);
    const { env } = await providers({ openrouter: counter.handler });
    const run = await cli(['scan', '.', '--verify', '--format', 'json', '--verify-concurrency', '1'], { cwd: envFile(...distinct), env: { ...env, KEYWARDEN_VERIFY_CONCURRENCY: '5' } });
    expect(run.code, run.stderr).toBe(1);
    expect(counter.max()).toBe(1);

    const slow = keyOf('openrouter');
    const { env: slowEnv } = await providers({ openrouter: openRouterLike({ scripts: script(slow, [{ status: 200, body: openRouterKeyInfo(slow), delayMs: 800 }]) }) });
    const timedOut = await cli(['scan', '.', '--verify', '--format', 'json', '--verify-timeout', '0.3'], { cwd: envFile(slow), env: { ...slowEnv, KEYWARDEN_VERIFY_TIMEOUT: '5' } });
    expect(statusByLine(timedOut)).toEqual({ 1: 'unknown' });
  });

  it.each([
    [['--verify-timeout', 'soon'], {}, /--verify-timeout: a number of seconds/],
    [[], { KEYWARDEN_VERIFY_CONCURRENCY: 'many' }, /KEYWARDEN_VERIFY_CONCURRENCY=many/],
    [[], { OPENROUTER_BASE_URL: 'https://evil.example' }, /OPENROUTER_BASE_URL: host evil\.example is not one this provider may contact/],
  ] as [string[], Record<string, string>, RegExp][])('%j %j is a usage error, nothing reported (exit 2; argv and environment read in process as the bin reads them)', async (args, env, message) => {
    const run = await commandLine(envFile(keyOf('openrouter')), ['scan', '.', '--verify', ...args], env);
    expect(run.code).toBe(2);
    expect(run.error).toMatch(message);
    for (const key of made) expect(run.error).not.toContain(key);
    expect(run.report).toBe('');
  });

  it('a usage error is on stderr, nothing on stdout (exit 2)', async () => {
    const run = await cli(['scan', '.', '--verify', '--verify-timeout', 'soon'], { cwd: envFile(keyOf('openrouter')) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--verify-timeout: a number of seconds/);
    expect(run.stdout).toBe('');
  });

  it('--results live: the note on stderr as a warning, also under --quiet when it left out an unknown key', async () => {
    const [live, dead, unsure] = [keyOf('openrouter'), keyOf('openrouter'), keyOf('openrouter')];
    const { env } = await providers({ openrouter: openRouterLike({ live: [live], scripts: script(unsure, [retryAfter(500, '0')]) }) });
    const root = envFile(live, dead, unsure);
    const run = await cli(['scan', '.', '--verify', '--results', 'live', '--format', 'json'], { cwd: root, env });
    expect(run.code).toBe(1);
    expect(statusByLine(run)).toEqual({ 1: 'live' });
    expect(run.stderr).toMatch(/warning: --results live left out .*1 unknown/);
    const quiet = await cli(['scan', '.', '--verify', '--results', 'live', '--quiet'], { cwd: root, env });
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toMatch(/1 unknown.*may still work/);
  });

  it('--fail-on live exits 0 when every key is invalid', async () => {
    const dead = [keyOf('openrouter'), keyOf('tokenrouterLive')];
    const { env } = await providers({ openrouter: openRouterLike(), tokenrouter: tokenRouterLike() });
    const run = await cli(['scan', '.', '--verify', '--fail-on', 'live', '--format', 'json'], { cwd: envFile(...dead), env });
    expect(run.code, run.stderr).toBe(0);
    expect(statusByLine(run)).toEqual({ 1: 'invalid', 2: 'invalid' });
  });

  it('staged --verify: checks the keys the next commit would add', async () => {
    const key = keyOf('tokenrouterLive');
    const { env, servers } = await providers({ tokenrouter: tokenRouterLike({ live: [key] }) });
    const dir = makeTmpDir('verify-staged');
    git(dir, ['init', '-q', '-b', 'main', '.']);
    writeTree(dir, { 'config/app.env': `TOKENROUTER_API_KEY=${key}\n` });
    git(dir, ['add', '-A']);
    const run = await cli(['staged', '--verify', '--format', 'json'], { cwd: dir, env: { ...isolatedGitEnv, ...env } });
    expect(run.code, run.stderr).toBe(1);
    expect(report(run).findings.map((f) => [f.source, f.path, f.verification?.status])).toEqual([['staged', 'config/app.env', 'live']]);
    expect(servers.tokenrouter?.requests).toHaveLength(1);
  });

  it('history --verify: checks each key once, however many commits carry it', async () => {
    const key = keyOf('openrouter');
    const { env, servers } = await providers({ openrouter: openRouterLike({ management: [key] }) });
    const repo = TestRepo.init(makeTmpDir('verify-history'));
    repo.commit({ 'a.env': `K=${key}\n` }, 'add a');
    repo.commit({ 'b.env': `K=${key}\n`, 'a.env': null }, 'move to b');
    const run = await cli(['history', '--verify', '--format', 'json'], { cwd: repo.dir, env: { ...isolatedGitEnv, ...env } });
    expect(run.code, run.stderr).toBe(1);
    const findings = report(run).findings;
    expect(findings.map((f) => [f.source, f.path, f.severity, f.verification?.status])).toEqual([
      ['history', 'a.env', 'critical', 'live'],
      ['history', 'b.env', 'critical', 'live'],
    ]);
    expect(findings.every((f) => /management key/.test(f.verification?.reason ?? ''))).toBe(true);
    expect(servers.openrouter?.requests).toHaveLength(1);
  });
});
