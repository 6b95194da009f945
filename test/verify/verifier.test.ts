/**
 * The verifier with its real HTTP client against stand-ins on 127.0.0.1 that behave like
 * OpenRouter, AgentRouter and TokenRouter (SPEC §5). A key is `invalid` only on its
 * provider's own "bad key" answer; every other outcome a provider can produce is `unknown`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { defaultRetryPolicy } from '../../src/net/retry.js';
import { createVerifier, defaultVerifySettings, type VerifySettings } from '../../src/verify/verifier.js';
import { keyFactory, keyKinds, ruleIds, type KeyKind } from '../helpers/keys.js';
import {
  agentRouterInvalid,
  agentRouterLike,
  modelList,
  openRouterKeyInfo,
  openRouterLike,
  startStandIn,
  tokenRouterInvalid,
  tokenRouterLike,
  unauthorized,
  type Handler,
  type Reply,
} from '../helpers/providers.js';
import { baseUrlEnv, builtinRuleFiles, check, fastSettings, inFlight, keyOutsideAuthorization, nowhere, providerOf, recordingClient, secretOf, timed, verifierFor } from './harness.js';

const keys = keyFactory(4_0404);

const likeProvider: Record<KeyKind, (scripts: Map<string, Reply[]>) => Handler> = {
  openrouter: (scripts) => openRouterLike({ scripts }),
  agentrouter: (scripts) => agentRouterLike({ scripts }),
  tokenrouterLive: (scripts) => tokenRouterLike({ scripts }),
  tokenrouterTest: (scripts) => tokenRouterLike({ scripts }),
};

/** A stand-in for the provider of `kind` that answers `key` with `replies` in turn (the last repeating). */
async function scripted(kind: KeyKind, key: string, replies: Reply[]) {
  const server = await startStandIn(likeProvider[kind](new Map([[key, replies]])));
  return { server, env: baseUrlEnv(providerOf[kind], server.origin) };
}

const html = (status: number): Reply => ({ status, headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>Just a moment...</title>' });
const retryAfter = (status: number, seconds: string): Reply => ({ status, headers: { 'retry-after': seconds }, body: { error: { message: 'slow down' } } });

describe('what each provider answer means', () => {
  const liveFor: Record<KeyKind, (key: string) => Reply> = {
    openrouter: (key) => ({ status: 200, body: openRouterKeyInfo(key) }),
    agentrouter: () => modelList,
    tokenrouterLive: () => modelList,
    tokenrouterTest: () => modelList,
  };

  interface Case {
    kind: KeyKind;
    replies: (key: string) => Reply[];
    status: 'live' | 'invalid' | 'unknown';
    requests: number;
    reason?: RegExp;
  }

  const cases: [string, Case][] = [
    ...keyKinds.map((kind): [string, Case] => [`${kind}: 200 with the expected body → live`, { kind, replies: (key) => [liveFor[kind](key)], status: 'live', requests: 1 }]),
    ['openrouter: 401 → invalid', { kind: 'openrouter', replies: () => [unauthorized], status: 'invalid', requests: 1, reason: /HTTP 401/ }],
    ['agentrouter: 401 with its error body → invalid', { kind: 'agentrouter', replies: () => [agentRouterInvalid], status: 'invalid', requests: 1 }],
    ['agentrouter: 403 with its error body → invalid', { kind: 'agentrouter', replies: () => [{ ...agentRouterInvalid, status: 403 }], status: 'invalid', requests: 1, reason: /HTTP 403/ }],
    // A proxy's answer, not the router's own error body (more in proxy-status.test.ts).
    ['agentrouter: 403 with another body → unknown', { kind: 'agentrouter', replies: () => [{ status: 403, body: { error: 'forbidden' } }], status: 'unknown', requests: 1, reason: /unexpected HTTP 403/ }],
    ['tokenrouter live key: 401 with its error body → invalid', { kind: 'tokenrouterLive', replies: () => [tokenRouterInvalid], status: 'invalid', requests: 1 }],
    ['tokenrouter test key: 401 with its error body → invalid', { kind: 'tokenrouterTest', replies: () => [tokenRouterInvalid], status: 'invalid', requests: 1 }],
    // Not the rule's invalid answer, so not invalid.
    ['openrouter: 403 is not its "bad key" answer → unknown', { kind: 'openrouter', replies: () => [{ status: 403, body: { error: 'forbidden' } }], status: 'unknown', requests: 1, reason: /unexpected HTTP 403/ }],
    ['tokenrouter: 404 → unknown', { kind: 'tokenrouterLive', replies: () => [{ status: 404, body: { error: 'no route' } }], status: 'unknown', requests: 1, reason: /unexpected HTTP 404/ }],
    ['openrouter: 200 with HTML instead of JSON → unknown', { kind: 'openrouter', replies: () => [html(200)], status: 'unknown', requests: 1, reason: /not JSON/ }],
    ['agentrouter: 200 with HTML instead of JSON → unknown', { kind: 'agentrouter', replies: () => [html(200)], status: 'unknown', requests: 1, reason: /not JSON/ }],
    ['tokenrouter: 200 with JSON but no data → unknown', { kind: 'tokenrouterLive', replies: () => [{ status: 200, body: { object: 'list' } }], status: 'unknown', requests: 1, reason: /not what the rule expects/ }],
    ['openrouter: 200 with an empty body → unknown', { kind: 'openrouter', replies: () => [{ status: 200, body: '' }], status: 'unknown', requests: 1 }],
    // Retries: 429 and 5xx are asked again, up to three attempts in all.
    ['openrouter: 429, then live → live', { kind: 'openrouter', replies: (key) => [retryAfter(429, '0'), liveFor.openrouter(key)], status: 'live', requests: 2 }],
    ['openrouter: 503, then live → live', { kind: 'openrouter', replies: (key) => [{ status: 503, body: 'upstream down' }, liveFor.openrouter(key)], status: 'live', requests: 2 }],
    ['agentrouter: 502 twice, then 403 with its error body → invalid', { kind: 'agentrouter', replies: () => [{ status: 502 }, { status: 502 }, { ...agentRouterInvalid, status: 403 }], status: 'invalid', requests: 3 }],
    ['tokenrouter: 429 that outlasts the retries → unknown', { kind: 'tokenrouterLive', replies: () => [retryAfter(429, '0')], status: 'unknown', requests: 3, reason: /429/ }],
    ['openrouter: 429 without Retry-After that outlasts the retries → unknown', { kind: 'openrouter', replies: () => [{ status: 429 }], status: 'unknown', requests: 3, reason: /429/ }],
    ['openrouter: always 500 → unknown', { kind: 'openrouter', replies: () => [{ status: 500, body: { error: 'internal' } }], status: 'unknown', requests: 3, reason: /HTTP 500/ }],
    ['agentrouter: always 503 with HTML → unknown', { kind: 'agentrouter', replies: () => [html(503)], status: 'unknown', requests: 3, reason: /HTTP 503/ }],
    ['openrouter: 429 asking for an hour → unknown at once', { kind: 'openrouter', replies: () => [retryAfter(429, '3600')], status: 'unknown', requests: 1, reason: /429/ }],
    ['openrouter: 401 after a 503 → invalid', { kind: 'openrouter', replies: () => [{ status: 503 }, unauthorized], status: 'invalid', requests: 2 }],
  ];

  it.each(cases)('%s', async (_name, c) => {
    const key = keys.of(c.kind);
    const { server, env } = await scripted(c.kind, key, c.replies(key));
    const { verification } = await check(verifierFor(env), c.kind, key);
    expect(verification.status).toBe(c.status);
    expect(server.requests).toHaveLength(c.requests);
    if (c.reason) expect(verification.reason).toMatch(c.reason);
    if (c.status !== 'live') expect(verification.detail).toEqual({});
  });

  it('keeps exactly the OpenRouter detail fields the rule lists, and nothing else (not rate_limit)', async () => {
    const key = keys.openrouter();
    const { env } = await scripted('openrouter', key, [{ status: 200, body: openRouterKeyInfo(key, { usage: 3.25, limit: 10, limit_remaining: 6.75, expires_at: '2027-01-01T00:00:00Z', creator_user_id: 'user_1' }) }]);
    const result = await check(verifierFor(env), 'openrouter', key);
    expect(result.verification).toEqual({
      status: 'live',
      detail: {
        label: `sk-or-v1-${key.slice(9, 12)}...${key.slice(-3)}`,
        usage: 3.25,
        limit: 10,
        limit_remaining: 6.75,
        is_free_tier: false,
        is_management_key: false,
        expires_at: '2027-01-01T00:00:00Z',
      },
    });
    expect(result.severity).toBeUndefined();
  });

  it('raises an OpenRouter management key to critical and says why', async () => {
    const key = keys.openrouter();
    const server = await startStandIn(openRouterLike({ management: [key] }));
    const result = await check(verifierFor(baseUrlEnv('openrouter', server.origin)), 'openrouter', key);
    expect(result.severity).toBe('critical');
    expect(result.verification.status).toBe('live');
    expect(result.verification.reason).toMatch(/management key/);
    expect(result.verification.detail).toMatchObject({ is_management_key: true, limit: null, limit_remaining: null });
  });

  it('does not escalate on a management flag that is not exactly true', async () => {
    const key = keys.openrouter();
    const { env } = await scripted('openrouter', key, [{ status: 200, body: openRouterKeyInfo(key, { is_management_key: 'true' }) }]);
    const result = await check(verifierFor(env), 'openrouter', key);
    expect(result.verification.status).toBe('live');
    expect(result.severity).toBeUndefined();
  });

  it('masks the key where a provider echoes it back in a detail field', async () => {
    const key = keys.openrouter();
    const { env } = await scripted('openrouter', key, [{ status: 200, body: openRouterKeyInfo(key, { label: `ci key ${key} (rotated)` }) }]);
    const { verification } = await check(verifierFor(env), 'openrouter', key);
    expect(verification.status).toBe('live');
    expect(verification.detail['label']).toBe(`ci key ${secretOf('openrouter', key).redacted} (rotated)`);
    expect(JSON.stringify(verification)).not.toContain(key);
  });

  it('drops nested values from the detail, so a provider cannot push structures into reports', async () => {
    const key = keys.openrouter();
    const { env } = await scripted('openrouter', key, [{ status: 200, body: openRouterKeyInfo(key, { label: { nested: 'object' }, usage: [1, 2] }) }]);
    const { verification } = await check(verifierFor(env), 'openrouter', key);
    expect(verification.status).toBe('live');
    expect(verification.detail).not.toHaveProperty('label');
    expect(verification.detail).not.toHaveProperty('usage');
  });
});

describe('when the provider cannot be reached', () => {
  it('is unknown when the connection is refused', async () => {
    const key = keys.openrouter();
    const server = await startStandIn(openRouterLike());
    const env = baseUrlEnv('openrouter', server.origin);
    await server.close();
    const { verification } = await check(verifierFor(env), 'openrouter', key);
    expect(verification).toMatchObject({ status: 'unknown', reason: expect.stringMatching(/connection failed/) as unknown });
  });

  it('is unknown when the provider hangs past the timeout, and does not wait for it', async () => {
    const key = keys.tokenrouterLive();
    const { server, env } = await scripted('tokenrouterLive', key, [{ status: 200, hang: true }]);
    const started = performance.now();
    const { verification } = await check(verifierFor(env, { ...fastSettings, timeoutMs: 300 }), 'tokenrouterLive', key);
    const took = performance.now() - started;
    expect(verification).toMatchObject({ status: 'unknown', reason: 'timed out after 0.3 s' });
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(1_500);
    expect(server.requests).toHaveLength(1);
  });

  it('is unknown when the headers arrive but the body never ends', async () => {
    const key = keys.openrouter();
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data": {"label": ');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const env = baseUrlEnv('openrouter', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      const { verification } = await check(verifierFor(env, { ...fastSettings, timeoutMs: 300 }), 'openrouter', key);
      expect(verification).toMatchObject({ status: 'unknown', reason: 'timed out after 0.3 s' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('is unknown when the body is far larger than any key-info answer', async () => {
    const key = keys.openrouter();
    const padding = 'x'.repeat(2 * 1024 * 1024);
    const { env } = await scripted('openrouter', key, [{ status: 200, body: openRouterKeyInfo(key, { padding }) }]);
    const { verification } = await check(verifierFor(env), 'openrouter', key);
    expect(verification.status).toBe('unknown');
  });
});

describe('retries', () => {
  /**
   * The real sleep, noting what the verifier asked for: the exact delays are checked there, and
   * the gaps at the server only from below (a busy machine makes them longer, never shorter).
   */
  const recordedSleep = () => {
    const slept: number[] = [];
    const sleep = (ms: number) => {
      slept.push(ms);
      return new Promise<void>((resolve) => setTimeout(resolve, ms));
    };
    return { slept, sleep };
  };

  it('waits as long as Retry-After says, in seconds, measured at the server', async () => {
    const key = keys.openrouter();
    const clock = timed(openRouterLike({ live: [key], scripts: new Map([[key, [retryAfter(429, '1'), { status: 200, body: openRouterKeyInfo(key) }]]]) }));
    const server = await startStandIn(clock.handler);
    const { slept, sleep } = recordedSleep();
    const { verification } = await check(verifierFor(baseUrlEnv('openrouter', server.origin), { ...fastSettings, retry: defaultRetryPolicy }, { sleep }), 'openrouter', key);
    expect(verification.status).toBe('live');
    expect(slept).toEqual([1_000]);
    expect(clock.gaps()).toHaveLength(1);
    expect(clock.gaps()[0]).toBeGreaterThanOrEqual(990);
  });

  it('asks again at once on Retry-After: 0 instead of backing off', async () => {
    const key = keys.tokenrouterLive();
    const clock = timed(tokenRouterLike({ scripts: new Map([[key, [retryAfter(503, '0'), retryAfter(503, '0'), modelList]]]) }));
    const server = await startStandIn(clock.handler);
    const { slept, sleep } = recordedSleep();
    const { verification } = await check(verifierFor(baseUrlEnv('tokenrouter', server.origin), { ...fastSettings, retry: defaultRetryPolicy }, { sleep }), 'tokenrouterLive', key);
    expect(verification.status).toBe('live');
    expect(clock.gaps()).toHaveLength(2);
    // The default backoff would wait at least 250 ms, then 500 ms.
    expect(slept).toEqual([0, 0]);
  });

  it('backs off exponentially (500 ms × 2^n, jittered down to half) when there is no Retry-After', async () => {
    const key = keys.openrouter();
    const clock = timed(openRouterLike({ scripts: new Map([[key, [{ status: 500 }]]]) }));
    const server = await startStandIn(clock.handler);
    const { slept, sleep } = recordedSleep();
    const verifier = verifierFor(baseUrlEnv('openrouter', server.origin), { ...fastSettings, retry: defaultRetryPolicy }, { random: () => 0, sleep });
    const { verification } = await check(verifier, 'openrouter', key);
    expect(verification.status).toBe('unknown');
    // random() = 0 jitters each wait down to half: 500 ms × 2^0 / 2, then 500 ms × 2^1 / 2.
    expect(slept).toEqual([250, 500]);
    const [first, second] = clock.gaps();
    expect(first).toBeGreaterThanOrEqual(245);
    expect(second).toBeGreaterThanOrEqual(495);
  });
});

describe('requests sent', () => {
  it('asks once per distinct key, however often and however concurrently it is checked', async () => {
    const key = keys.openrouter();
    const server = await startStandIn(openRouterLike({ live: [key] }));
    const verifier = verifierFor(baseUrlEnv('openrouter', server.origin));
    const results = await Promise.all(Array.from({ length: 25 }, () => check(verifier, 'openrouter', key)));
    results.push(await check(verifier, 'openrouter', key));
    expect(new Set(results.map((r) => r.verification.status))).toEqual(new Set(['live']));
    expect(server.requests).toHaveLength(1);
  });

  it('asks once for each of N distinct keys', async () => {
    const distinct = Array.from({ length: 12 }, () => keys.tokenrouterLive());
    const server = await startStandIn(tokenRouterLike({ live: distinct.slice(0, 6) }));
    const verifier = verifierFor(baseUrlEnv('tokenrouter', server.origin));
    const results = await Promise.all([...distinct, ...distinct].map((key) => check(verifier, 'tokenrouterLive', key)));
    expect(results.map((r) => r.verification.status)).toEqual([...distinct, ...distinct].map((_k, i) => (i % 12 < 6 ? 'live' : 'invalid')));
    expect(server.requests).toHaveLength(12);
    expect(new Set(server.requests.map((r) => r.key))).toEqual(new Set(distinct));
  });

  it.each([1, 3, 8])('never has more than %i requests in flight (--verify-concurrency)', async (concurrency) => {
    const distinct = Array.from({ length: 16 }, () => keys.openrouter());
    const counter = inFlight(openRouterLike({ live: distinct }), 100);
    const server = await startStandIn(counter.handler);
    const verifier = verifierFor(baseUrlEnv('openrouter', server.origin), { ...fastSettings, concurrency });
    const results = await Promise.all(distinct.map((key) => check(verifier, 'openrouter', key)));
    expect(results.every((r) => r.verification.status === 'live')).toBe(true);
    expect(server.requests).toHaveLength(16);
    expect(counter.max()).toBe(concurrency);
  });

  it('sends the key only in the Authorization header, never in the URL, another header or a body', async () => {
    const servers = {
      openrouter: await startStandIn(openRouterLike()),
      agentrouter: await startStandIn(agentRouterLike()),
      tokenrouter: await startStandIn(tokenRouterLike()),
    };
    const env = { ...baseUrlEnv('openrouter', servers.openrouter.origin), ...baseUrlEnv('agentrouter', servers.agentrouter.origin), ...baseUrlEnv('tokenrouter', servers.tokenrouter.origin) };
    const verifier = verifierFor(env);
    for (const kind of keyKinds) {
      const key = keys.of(kind);
      await check(verifier, kind, key);
      const [request, ...more] = servers[providerOf[kind]].requestsFor(key);
      expect(more).toEqual([]);
      expect(request).toMatchObject({ method: 'GET', body: '' });
      expect(request?.headers.authorization).toBe(`Bearer ${key}`);
      expect(keyOutsideAuthorization(request!, key)).toEqual([]);
    }
    expect(servers.openrouter.requests.map((r) => r.url)).toEqual(['/api/v1/key']);
    expect(servers.agentrouter.requests.map((r) => r.url)).toEqual(['/models']);
    expect(servers.tokenrouter.requests.map((r) => r.url)).toEqual(['/v1/models', '/v1/models']);
  });

  it("sends each key only to its own provider's server", async () => {
    const servers = {
      openrouter: await startStandIn(openRouterLike()),
      agentrouter: await startStandIn(agentRouterLike()),
      tokenrouter: await startStandIn(tokenRouterLike()),
    };
    const env = { ...baseUrlEnv('openrouter', servers.openrouter.origin), ...baseUrlEnv('agentrouter', servers.agentrouter.origin), ...baseUrlEnv('tokenrouter', servers.tokenrouter.origin) };
    const verifier = verifierFor(env);
    const sent = keyKinds.flatMap((kind) => [0, 1, 2].map(() => ({ kind, key: keys.of(kind) })));
    await Promise.all(sent.map(({ kind, key }) => check(verifier, kind, key)));
    for (const [provider, server] of Object.entries(servers)) {
      const expected = sent.filter(({ kind }) => providerOf[kind] === provider).map(({ key }) => key);
      expect(server.requests.map((r) => r.key).sort(), provider).toEqual(expected.sort());
    }
  });

  it('does not mix up a key checked under two rules of different providers', async () => {
    // The cache is per (provider, key): the same text checked as two providers' key is asked of each.
    const or = await startStandIn(openRouterLike());
    const tr = await startStandIn(tokenRouterLike());
    const verifier = verifierFor({ ...baseUrlEnv('openrouter', or.origin), ...baseUrlEnv('tokenrouter', tr.origin) });
    const key = keys.openrouter();
    await verifier.verify(ruleIds.openrouter, secretOf('openrouter', key));
    await verifier.verify(ruleIds.tokenrouterLive, secretOf('openrouter', key));
    expect(or.requests).toHaveLength(1);
    expect(tr.requests).toHaveLength(1);
  });
});

describe('the answer cache, for long-running use', () => {
  /** A verifier over a clock the test moves. */
  function clocked(env: Record<string, string>, cache: VerifySettings['cache'] = {}) {
    const clock = { now: Date.UTC(2026, 10, 24, 12, 0, 0) };
    return { clock, verifier: verifierFor(env, { ...fastSettings, cache }, { now: () => clock.now }) };
  }

  it('defaults to 10,000 answers, 10 minutes each, 1 minute for unknown', () => {
    expect(defaultVerifySettings.cache).toEqual({ maxEntries: 10_000, ttlMs: 600_000, unknownTtlMs: 60_000 });
  });

  it.each([
    ['live, within 10 minutes: reused', 'live', 599_999, 1],
    ['live, after 10 minutes: asked again', 'live', 600_000, 2],
    ['unknown, within a minute: reused', 'unknown', 59_999, 1],
    ['unknown, after a minute: asked again, so an outage is not remembered for long', 'unknown', 60_000, 2],
    ['invalid, after a minute: still reused', 'invalid', 60_000, 1],
  ] as const)('%s', async (_name, status, later, requests) => {
    const key = keys.openrouter();
    const reply: Reply = status === 'live' ? { status: 200, body: openRouterKeyInfo(key) } : status === 'invalid' ? unauthorized : { status: 404 };
    const { server, env } = await scripted('openrouter', key, [reply]);
    const { clock, verifier } = clocked(env);
    expect((await check(verifier, 'openrouter', key)).verification.status).toBe(status);
    clock.now += later;
    expect((await check(verifier, 'openrouter', key)).verification.status).toBe(status);
    expect(server.requests).toHaveLength(requests);
  });

  it('takes its time-to-live from the settings', async () => {
    const key = keys.tokenrouterLive();
    const server = await startStandIn(tokenRouterLike({ live: [key] }));
    const { clock, verifier } = clocked(baseUrlEnv('tokenrouter', server.origin), { ttlMs: 1_000 });
    await check(verifier, 'tokenrouterLive', key);
    clock.now += 1_000;
    await check(verifier, 'tokenrouterLive', key);
    expect(server.requests).toHaveLength(2);
  });

  it('keeps at most maxEntries answers, asking again for the least recently used', async () => {
    const [a, b, c] = [keys.openrouter(), keys.openrouter(), keys.openrouter()];
    const server = await startStandIn(openRouterLike({ live: [a, b, c] }));
    const { verifier } = clocked(baseUrlEnv('openrouter', server.origin), { maxEntries: 2 });
    for (const key of [a, b, a, c, a, c, b]) await check(verifier, 'openrouter', key);
    // c pushed out b (a was used more lately); b asked again pushes out a.
    expect(server.requests.map((r) => r.key)).toEqual([a, b, c, b]);
  });

  it('still shares one request among concurrent checks of a key after its answer expired', async () => {
    const key = keys.openrouter();
    const server = await startStandIn(openRouterLike({ live: [key] }));
    const { clock, verifier } = clocked(baseUrlEnv('openrouter', server.origin));
    await check(verifier, 'openrouter', key);
    clock.now += 600_000;
    const results = await Promise.all(Array.from({ length: 10 }, () => check(verifier, 'openrouter', key)));
    expect(results.every((r) => r.verification.status === 'live')).toBe(true);
    expect(server.requests).toHaveLength(2);
  });
});

describe('redirects', () => {
  it('does not follow a redirect to another origin (same host, another port): unknown, and the other server gets nothing', async () => {
    const key = keys.openrouter();
    const elsewhere = await startStandIn(openRouterLike({ live: [key] }));
    const server = await startStandIn(() => ({ status: 302, headers: { location: `${elsewhere.origin}/api/v1/key` } }));
    const { verification } = await check(verifierFor(baseUrlEnv('openrouter', server.origin)), 'openrouter', key);
    expect(verification).toMatchObject({ status: 'unknown', reason: expect.stringMatching(/redirected to another host/) as unknown });
    expect(server.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it.each([301, 302, 303, 307, 308])('does not follow a %i to a protocol-relative URL elsewhere', async (status) => {
    const key = keys.tokenrouterLive();
    // Another loopback origin (a different port), so a wrongly followed redirect would be seen, not looked up in DNS.
    const elsewhere = await startStandIn(tokenRouterLike({ live: [key] }));
    const server = await startStandIn(() => ({ status, headers: { location: `//${new URL(elsewhere.origin).host}/v1/models` } }));
    const { verification } = await check(verifierFor(baseUrlEnv('tokenrouter', server.origin)), 'tokenrouterLive', key);
    expect(verification).toMatchObject({ status: 'unknown', reason: expect.stringMatching(/redirected to another host/) as unknown });
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('follows a same-origin redirect, key and all', async () => {
    const key = keys.openrouter();
    const server = await startStandIn((request) =>
      request.url === '/api/v1/key' ? { status: 307, headers: { location: '/api/v2/key' } } : request.url === '/api/v2/key' && request.key === key ? { status: 200, body: openRouterKeyInfo(key) } : unauthorized,
    );
    const { verification } = await check(verifierFor(baseUrlEnv('openrouter', server.origin)), 'openrouter', key);
    expect(verification.status).toBe('live');
    expect(server.requests.map((r) => [r.url, r.key])).toEqual([
      ['/api/v1/key', key],
      ['/api/v2/key', key],
    ]);
  });

  it('gives up on a redirect loop: unknown', async () => {
    const key = keys.openrouter();
    const server = await startStandIn(() => ({ status: 302, headers: { location: '/api/v1/key' } }));
    const { verification } = await check(verifierFor(baseUrlEnv('openrouter', server.origin)), 'openrouter', key);
    expect(verification).toMatchObject({ status: 'unknown', reason: expect.stringMatching(/redirects/) as unknown });
    expect(server.requests.length).toBeLessThanOrEqual(6);
  });
});

describe('base URLs', () => {
  it('skips AgentRouter with a reason when AGENTROUTER_BASE_URL is unset, and sends nothing', async () => {
    const { http, calls } = recordingClient();
    const verifier = createVerifier(builtinRuleFiles, fastSettings, { http, env: { ...nowhere } });
    const { verification } = await verifier.verify(ruleIds.agentrouter, secretOf('agentrouter', keys.agentrouter()));
    expect(verification).toEqual({ status: 'skipped', detail: {}, reason: 'AGENTROUTER_BASE_URL is not set' });
    expect(calls).toEqual([]);
  });

  it('verifies AgentRouter once AGENTROUTER_BASE_URL names a loopback deployment', async () => {
    const key = keys.agentrouter();
    const server = await startStandIn(agentRouterLike({ live: [key] }));
    for (const origin of [server.origin, `${server.origin}/`]) {
      const { verification } = await check(verifierFor({ AGENTROUTER_BASE_URL: origin }), 'agentrouter', key);
      expect(verification.status, origin).toBe('live');
    }
    expect(server.requests.map((r) => r.url)).toEqual(['/models', '/models']);
  });

  it.each([
    ['http to a non-loopback host', { OPENROUTER_BASE_URL: 'http://openrouter.ai/api/v1' }, /OPENROUTER_BASE_URL: http: is not allowed/],
    ['https to a host the rule file does not list', { OPENROUTER_BASE_URL: 'https://evil.example/api/v1' }, /OPENROUTER_BASE_URL: host evil\.example is not one this provider may contact/],
    ['a look-alike host', { OPENROUTER_BASE_URL: 'https://openrouter.ai.evil.example/api/v1' }, /host openrouter\.ai\.evil\.example/],
    ['credentials in the URL', { TOKENROUTER_BASE_URL: 'https://user:pass@api.tokenrouter.com' }, /TOKENROUTER_BASE_URL: credentials/],
    ['http to a self-hosted AgentRouter off this machine', { AGENTROUTER_BASE_URL: 'http://agentrouter.internal' }, /AGENTROUTER_BASE_URL: http: is not allowed/],
    ['not a URL', { TOKENROUTER_BASE_URL: 'api.tokenrouter.com' }, /TOKENROUTER_BASE_URL: not a URL/],
    ['another scheme', { TOKENROUTER_BASE_URL: 'file:///etc/passwd' }, /TOKENROUTER_BASE_URL: file: is not allowed/],
    ['0.0.0.0 is not loopback', { OPENROUTER_BASE_URL: 'http://0.0.0.0:8080/api/v1' }, /http: is not allowed/],
  ])('refuses %s before sending anything', (_name, env, message) => {
    const { http, calls } = recordingClient();
    expect(() => createVerifier(builtinRuleFiles, fastSettings, { http, env: { ...nowhere, ...env } })).toThrow(UsageError);
    expect(() => createVerifier(builtinRuleFiles, fastSettings, { http, env: { ...nowhere, ...env } })).toThrow(message);
    expect(calls).toEqual([]);
  });

  it('accepts https to a self-hosted AgentRouter the user names', () => {
    const { http } = recordingClient();
    expect(() => createVerifier(builtinRuleFiles, fastSettings, { http, env: { ...nowhere, AGENTROUTER_BASE_URL: 'https://agentrouter.internal/api' } })).not.toThrow();
  });

  it('uses the built-in defaults when nothing is set (checked with a client that sends nothing)', async () => {
    const { http, calls } = recordingClient();
    const verifier = createVerifier(builtinRuleFiles, fastSettings, { http, env: {} });
    await verifier.verify(ruleIds.openrouter, secretOf('openrouter', keys.openrouter()));
    await verifier.verify(ruleIds.tokenrouterLive, secretOf('tokenrouterLive', keys.tokenrouterLive()));
    expect(calls.map((url) => url.href)).toEqual(['https://openrouter.ai/api/v1/key', 'https://api.tokenrouter.com/v1/models']);
  });
});
