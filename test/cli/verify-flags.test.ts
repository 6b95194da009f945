/**
 * `--verify` and its flags end to end (SPEC §2, §3, §5): the built CLI against stand-ins on
 * 127.0.0.1 that behave like OpenRouter, AgentRouter and TokenRouter. Every run's stdout
 * and stderr are checked for every raw key this file has made, unless it asked for
 * `--show-secrets`. No base URL ever names anything but loopback.
 */
import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';
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

/** The json report's findings, as the reporter defines them. */
type JsonFinding = ReportFinding;
interface JsonReport {
  findings: JsonFinding[];
  warnings?: { message: string }[];
}

const report = (run: CliRun) => JSON.parse(run.stdout) as JsonReport;
const tree = (files: Tree) => writeTree(makeTmpDir('verify-cli'), files);
const envFile = (...keys: string[]) => tree({ '.env': keys.map((key, i) => `KEY_${i}=${key}`).join('\n') + '\n' });
/** The status each key got, by the line it is on in `.env`. */
const statusByLine = (run: CliRun) => Object.fromEntries(report(run).findings.map((f) => [f.line, f.verification?.status]));

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

describe('scan --verify', () => {
  it('reports what each provider said about each key, live ones first, and sends each key only to its provider', async () => {
    const live = keyOf('openrouter');
    const dead = keyOf('openrouter');
    const management = keyOf('openrouter');
    const trLive = keyOf('tokenrouterLive');
    const trDead = keyOf('tokenrouterTest');
    const agent = keyOf('agentrouter');
    const { env, servers } = await providers({ openrouter: openRouterLike({ live: [live], management: [management] }), tokenrouter: tokenRouterLike({ live: [trLive] }) });
    const root = envFile(dead, live, trDead, agent, trLive, management);

    const run = await cli(['scan', '.', '--verify', '--format', 'json'], { cwd: root, env });
    expect(run.code, run.stderr).toBe(1);
    const findings = report(run).findings;
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
  });

  it('checks AgentRouter keys once AGENTROUTER_BASE_URL names a deployment on loopback', async () => {
    const good = keyOf('agentrouter');
    const bad = keyOf('agentrouter');
    const { env, servers } = await providers({ agentrouter: agentRouterLike({ live: [good] }) });
    const run = await cli(['scan', '.', '--verify', '--format', 'json'], { cwd: envFile(bad, good), env });
    expect(statusByLine(run)).toEqual({ 1: 'invalid', 2: 'live' });
    expect(servers.agentrouter?.requests.map((r) => [r.url, r.key])).toEqual(expect.arrayContaining([['/models', good], ['/models', bad]]));
  });

  it('prints the raw keys only with --show-secrets, and never sends anything but the key itself', async () => {
    const key = keyOf('openrouter');
    const { env } = await providers({ openrouter: openRouterLike({ live: [key] }) });
    const root = envFile(key);
    for (const format of ['human', 'json', 'jsonl', 'sarif', 'markdown']) {
      const hidden = await cli(['scan', '.', '--verify', '--format', format], { cwd: root, env });
      expect(hidden.code, hidden.stderr).toBe(1);
    }
    const shown = await cli(['scan', '.', '--verify', '--format', 'json', '--show-secrets'], { cwd: root, env });
    expect(shown.stdout).toContain(key);
  });

  it('keeps a key the provider echoes back in its answer out of the report', async () => {
    const key = keyOf('openrouter');
    const { env } = await providers({ openrouter: openRouterLike({ scripts: script(key, [{ status: 200, body: openRouterKeyInfo(key, { label: key }) }]) }) });
    const run = await cli(['scan', '.', '--verify', '--format', 'json'], { cwd: envFile(key), env });
    const [finding] = report(run).findings;
    expect(finding?.verification?.status).toBe('live');
    expect(finding?.verification?.detail['label']).toBe(`sk-or-v1-${key.slice(9, 13)}…${key.slice(-4)}`);
  });

  describe('unknown, never invalid, when the provider cannot say', () => {
    const cases: [string, { replies: Reply[] | 'refused' | ((key: string) => Reply[]); args?: string[]; requests: number; reason: RegExp }][] = [
      ['a 429 that outlasts the retries', { replies: [retryAfter(429, '0')], requests: 3, reason: /rate limited \(HTTP 429\)/ }],
      ['always 500 (default backoff)', { replies: [{ status: 500, body: { error: 'internal' } }], requests: 3, reason: /server error \(HTTP 500\)/ }],
      ['a hang past --verify-timeout', { replies: [{ status: 200, hang: true }], args: ['--verify-timeout', '0.3'], requests: 1, reason: /timed out after 0\.3 s/ }],
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
      const run = await cli(['scan', '.', '--verify', '--format', 'json', ...(c.args ?? [])], { cwd: envFile(key), env });
      // The reason says which limit fired (0.3 s, not the default 10 s); this only catches a hang,
      // generous for a busy machine, where a CLI start alone can take seconds: not a speed limit.
      expect(performance.now() - started).toBeLessThan(20_000);
      expect(run.code, run.stderr).toBe(1);
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
    const run = await cli(['scan', '.', '--verify', '--format', 'json'], { cwd: envFile(key), env });
    expect(statusByLine(run)).toEqual({ 1: 'live' });
    expect(servers.tokenrouter?.requests).toHaveLength(2);
  });

  it('waits as long as Retry-After says before asking again (measured at the server)', async () => {
    const key = keyOf('openrouter');
    const clock = timed(openRouterLike({ scripts: script(key, [retryAfter(429, '1'), { status: 200, body: openRouterKeyInfo(key) }]) }));
    const { env } = await providers({ openrouter: clock.handler });
    const run = await cli(['scan', '.', '--verify', '--format', 'json'], { cwd: envFile(key), env });
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
    const run = await cli(['scan', '.', '--verify', '--format', 'json'], { cwd: root, env });
    expect(report(run).findings).toHaveLength(9);
    expect(report(run).findings.every((f) => f.verification?.status === 'live')).toBe(true);
    expect(servers.openrouter?.requests).toHaveLength(1);
  });

  it('asks once per distinct key', async () => {
    const distinct = [keyOf('openrouter'), keyOf('openrouter'), keyOf('openrouter'), keyOf('tokenrouterLive'), keyOf('tokenrouterTest')];
    const { env, servers } = await providers({ openrouter: openRouterLike(), tokenrouter: tokenRouterLike() });
    const run = await cli(['scan', '.', '--verify', '--format', 'json'], { cwd: envFile(...distinct, ...distinct), env });
    expect(report(run).findings).toHaveLength(10);
    expect(servers.openrouter?.requests).toHaveLength(3);
    expect(servers.tokenrouter?.requests).toHaveLength(2);
  });

  it.each([
    ['the default', [], {}, 8],
    ['--verify-concurrency 2', ['--verify-concurrency', '2'], {}, 2],
    ['KEYWARDEN_VERIFY_CONCURRENCY=3', [], { KEYWARDEN_VERIFY_CONCURRENCY: '3' }, 3],
    ['--verify-concurrency 1 over KEYWARDEN_VERIFY_CONCURRENCY=5', ['--verify-concurrency', '1'], { KEYWARDEN_VERIFY_CONCURRENCY: '5' }, 1],
  ] as [string, string[], Record<string, string>, number][])('keeps at most N requests in flight: %s', async (_name, args, extraEnv, bound) => {
    const distinct = Array.from({ length: 10 }, () => keyOf('openrouter'));
    const counter = inFlight(openRouterLike({ live: distinct }), 120);
    const { env, servers } = await providers({ openrouter: counter.handler });
    const run = await cli(['scan', '.', '--verify', '--format', 'json', ...args], { cwd: envFile(...distinct), env: { ...env, ...extraEnv } });
    expect(report(run).findings.every((f) => f.verification?.status === 'live')).toBe(true);
    expect(servers.openrouter?.requests).toHaveLength(10);
    expect(counter.max()).toBe(bound);
  });
});

describe('--verify-timeout and KEYWARDEN_VERIFY_TIMEOUT', () => {
  it.each([
    ['KEYWARDEN_VERIFY_TIMEOUT=0.3 cuts a slow answer short', [], { KEYWARDEN_VERIFY_TIMEOUT: '0.3' }, 'unknown'],
    ['--verify-timeout 5 overrides KEYWARDEN_VERIFY_TIMEOUT=0.3', ['--verify-timeout', '5'], { KEYWARDEN_VERIFY_TIMEOUT: '0.3' }, 'live'],
    ['--verify-timeout 0.3 overrides KEYWARDEN_VERIFY_TIMEOUT=5', ['--verify-timeout', '0.3'], { KEYWARDEN_VERIFY_TIMEOUT: '5' }, 'unknown'],
  ] as [string, string[], Record<string, string>, string][])('%s', async (_name, args, extraEnv, status) => {
    const key = keyOf('openrouter');
    const { env } = await providers({ openrouter: openRouterLike({ scripts: script(key, [{ status: 200, body: openRouterKeyInfo(key), delayMs: 800 }]) }) });
    const run = await cli(['scan', '.', '--verify', '--format', 'json', ...args], { cwd: envFile(key), env: { ...env, ...extraEnv } });
    expect(statusByLine(run)).toEqual({ 1: status });
  });

  it.each([
    [['--verify-timeout', '0'], {}, /--verify-timeout: a number of seconds from 0.001/],
    [['--verify-timeout', '0.0001'], {}, /--verify-timeout: a number of seconds from 0.001/],
    [['--verify-timeout', 'soon'], {}, /--verify-timeout: a number of seconds/],
    [['--verify-timeout', '-1'], {}, /--verify-timeout: a number of seconds/],
    [['--verify-concurrency', '0'], {}, /--verify-concurrency: a whole number from 1 to 256/],
    [['--verify-concurrency', '2.5'], {}, /--verify-concurrency: a whole number/],
    [['--verify-concurrency', 'lots'], {}, /--verify-concurrency: a whole number/],
    [[], { KEYWARDEN_VERIFY_TIMEOUT: 'soon' }, /KEYWARDEN_VERIFY_TIMEOUT=soon: a number of seconds/],
    [[], { KEYWARDEN_VERIFY_TIMEOUT: '0' }, /KEYWARDEN_VERIFY_TIMEOUT=0: a number of seconds/],
    [[], { KEYWARDEN_VERIFY_TIMEOUT: '-3' }, /KEYWARDEN_VERIFY_TIMEOUT=-3/],
    [[], { KEYWARDEN_VERIFY_CONCURRENCY: '0' }, /KEYWARDEN_VERIFY_CONCURRENCY=0: a whole number/],
    [[], { KEYWARDEN_VERIFY_CONCURRENCY: '1.5' }, /KEYWARDEN_VERIFY_CONCURRENCY=1\.5/],
    [[], { KEYWARDEN_VERIFY_CONCURRENCY: 'many' }, /KEYWARDEN_VERIFY_CONCURRENCY=many/],
  ] as [string[], Record<string, string>, RegExp][])('%j %j is a usage error naming it (exit 2)', async (args, env, message) => {
    const run = await cli(['scan', '.', '--verify', ...args], { cwd: envFile(keyOf('openrouter')), env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('does not read a bad KEYWARDEN_VERIFY_* when a flag gives the value', async () => {
    const run = await cli(['scan', '.', '--verify', '--verify-timeout', '1', '--verify-concurrency', '2'], {
      cwd: tree({ 'README.md': 'nothing here\n' }),
      env: { KEYWARDEN_VERIFY_TIMEOUT: 'soon', KEYWARDEN_VERIFY_CONCURRENCY: 'many' },
    });
    expect(run.code, run.stderr).toBe(0);
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
    const refused = await cli(['scan', '.', '--verify'], { cwd: root, env: { [name]: value } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(message);
    expect(refused.stdout).toBe('');
    // Without --verify the variable is not used at all.
    expect((await cli(['scan', '.'], { cwd: root, env: { [name]: value } })).code).toBe(0);
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
    const run = await cli(['scan', 'app.env', '--verify', '--rules', 'rules', '--format', 'json'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/baseUrl\.default: only built-in rules may name a base URL/);
    expect(run.stderr).toMatch(/set GATEWAY_BASE_URL in the environment/);
    expect(server.requests).toHaveLength(0);
  });

  it('rejects a --rules file that trusts whatever host its environment variable names', async () => {
    const key = gatewayKey();
    const server = await startStandIn(gateway);
    const root = tree({ 'rules/gateway.yaml': gatewayRules('{ env: GATEWAY_BASE_URL, selfHosted: true }'), 'app.env': `GW_KEY=${key}\n` });
    const run = await cli(['scan', 'app.env', '--verify', '--rules', 'rules'], { cwd: root, env: { GATEWAY_BASE_URL: server.origin } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/baseUrl\.selfHosted: only built-in rules may trust the host/);
    expect(server.requests).toHaveLength(0);
  });

  it("checks a --rules provider's keys where the user's environment points it", async () => {
    const key = gatewayKey();
    const server = await startStandIn(gateway);
    const root = tree({ 'rules/gateway.yaml': gatewayRules('{ env: GATEWAY_BASE_URL }'), 'app.env': `GW_KEY=${key}\n` });
    const unset = await cli(['scan', 'app.env', '--verify', '--rules', 'rules', '--format', 'json'], { cwd: root });
    expect(report(unset).findings.map((f) => f.verification)).toEqual([{ status: 'skipped', detail: {}, reason: 'GATEWAY_BASE_URL is not set' }]);
    const set = await cli(['scan', 'app.env', '--verify', '--rules', 'rules', '--format', 'json'], { cwd: root, env: { GATEWAY_BASE_URL: server.origin } });
    expect(report(set).findings.map((f) => f.verification?.status)).toEqual(['live']);
    expect(server.requests.map((r) => [r.url, r.key])).toEqual([['/me', key]]);
  });

  it('does not follow a redirect to another origin: unknown, and the other server gets nothing', async () => {
    const key = keyOf('openrouter');
    const elsewhere = await startStandIn(openRouterLike({ live: [key] }));
    // The Location even carries the key in its query: the reason names the host only.
    const { env, servers } = await providers({ openrouter: () => ({ status: 302, headers: { location: `${elsewhere.origin}/api/v1/key?key=${key}` } }) });
    const run = await cli(['scan', '.', '--verify', '--format', 'json'], { cwd: envFile(key), env });
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
    const run = await cli(['scan', '.', '--verify', '--format', 'json'], { cwd: envFile(key), env });
    expect(statusByLine(run)).toEqual({ 1: 'live' });
    expect(servers.openrouter?.requests.map((r) => r.url)).toEqual(['/api/v1/key', '/v1/key']);
  });
});

describe('--verify on every scanning command', () => {
  it('staged: checks the keys the next commit would add', async () => {
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

  it('history: checks each key once, however many commits carry it', async () => {
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

describe('--results and --fail-on live', () => {
  /** One live, one invalid and one unknown (always 500) OpenRouter key, on lines 1–3. */
  async function mixed() {
    const [live, dead, unsure] = [keyOf('openrouter'), keyOf('openrouter'), keyOf('openrouter')];
    const { env } = await providers({ openrouter: openRouterLike({ live: [live], scripts: script(unsure, [retryAfter(500, '0')]) }) });
    return { env, root: envFile(live, dead, unsure) };
  }

  it('--results live reports the live keys only, and warns how many unknown ones it left out', async () => {
    const { env, root } = await mixed();
    const run = await cli(['scan', '.', '--verify', '--results', 'live', '--format', 'json'], { cwd: root, env });
    expect(run.code).toBe(1);
    expect(statusByLine(run)).toEqual({ 1: 'live' });
    expect(run.stderr).toMatch(/warning: --results live left out .*1 unknown/);
    expect(run.stderr).toMatch(/1 invalid/);
    expect(run.stderr).toMatch(/may still work/);
    expect(report(run).warnings?.map((w) => w.message).join('\n')).toMatch(/1 unknown/);
  });

  it('--results live,unknown keeps both and does not cry wolf about unknown ones', async () => {
    const { env, root } = await mixed();
    const run = await cli(['scan', '.', '--verify', '--results', 'live,unknown', '--format', 'json'], { cwd: root, env });
    expect(statusByLine(run)).toEqual({ 1: 'live', 3: 'unknown' });
    expect(run.stderr).toMatch(/left out 1 invalid finding\b/);
    expect(run.stderr).not.toMatch(/may still work/);
  });

  it('still warns about unknown keys left out under --quiet', async () => {
    const { env, root } = await mixed();
    const run = await cli(['scan', '.', '--verify', '--results', 'live', '--quiet'], { cwd: root, env });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/1 unknown.*may still work/);
  });

  it.each([
    [['--results', 'live'], /--results needs --verify/],
    [['--fail-on', 'live'], /--fail-on live needs --verify/],
    [['--verify-timeout', '5'], /--verify-timeout needs --verify/],
    [['--verify-concurrency', '2'], /--verify-concurrency needs --verify/],
    [['--verify', '--results', 'alive'], /--results: 'alive' is not an outcome/],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const run = await cli(['scan', '.', ...args], { cwd: envFile(keyOf('openrouter')) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('--fail-on live exits 1 when a live key is reported', async () => {
    const { env, root } = await mixed();
    const run = await cli(['scan', '.', '--verify', '--fail-on', 'live', '--format', 'json'], { cwd: root, env });
    expect(run.code).toBe(1);
    expect(report(run).findings).toHaveLength(3);
  });

  it('--results hides, but never decides: an unknown key left out by --results live still fails the run', async () => {
    const unsure = keyOf('openrouter');
    const { env } = await providers({ openrouter: openRouterLike({ scripts: script(unsure, [retryAfter(500, '0')]) }) });
    for (const failOn of ['any', 'live']) {
      const run = await cli(['scan', '.', '--verify', '--results', 'live', '--fail-on', failOn, '--format', 'json'], { cwd: envFile(unsure), env });
      expect(run.code, `--fail-on ${failOn}`).toBe(1);
      expect(report(run).findings).toEqual([]);
    }
  });

  it('--fail-on live exits 1 for a key never checked: skipped (AGENTROUTER_BASE_URL unset) may still work', async () => {
    const run = await cli(['scan', '.', '--verify', '--fail-on', 'live', '--format', 'json'], { cwd: envFile(keyOf('agentrouter')) });
    expect(run.code, run.stderr).toBe(1);
    expect(statusByLine(run)).toEqual({ 1: 'skipped' });
  });

  it('--fail-on live exits 1 for a key no one could check: unknown may still work', async () => {
    const unsure = keyOf('openrouter');
    const { env } = await providers({ openrouter: openRouterLike({ scripts: script(unsure, [retryAfter(500, '0')]) }) });
    const run = await cli(['scan', '.', '--verify', '--fail-on', 'live', '--format', 'json'], { cwd: envFile(unsure), env });
    expect(run.code, run.stderr).toBe(1);
    expect(statusByLine(run)).toEqual({ 1: 'unknown' });
  });

  it('--fail-on live exits 0 when every key is invalid, and still reports them', async () => {
    const dead = [keyOf('openrouter'), keyOf('tokenrouterLive')];
    const { env } = await providers({ openrouter: openRouterLike(), tokenrouter: tokenRouterLike() });
    const run = await cli(['scan', '.', '--verify', '--fail-on', 'live', '--format', 'json'], { cwd: envFile(...dead), env });
    expect(run.code, run.stderr).toBe(0);
    expect(statusByLine(run)).toEqual({ 1: 'invalid', 2: 'invalid' });
    // Without --fail-on live the same findings fail the run.
    expect((await cli(['scan', '.', '--verify'], { cwd: envFile(...dead), env })).code).toBe(1);
  });
});
