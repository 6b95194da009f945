/**
 * The pinned client: what verify, revoke, notify and serve send through. A URL outside the
 * pin is refused before anything leaves; 429 and 5xx are asked again as `Retry-After` says
 * (else with backoff); everything else is handed back as it came.
 */
import { describe, expect, it } from 'vitest';
import { fetchClient, type HttpRequest } from '../../src/net/http.js';
import { concurrencyLimit } from '../../src/net/limit.js';
import { createPinnedClient, type NetIO, type PinnedOutcome, type PinPolicy } from '../../src/net/pinned.js';
import { defaultRetryPolicy } from '../../src/net/retry.js';
import { keyFactory } from '../helpers/keys.js';
import { startStandIn, type Reply } from '../helpers/providers.js';
import { inFlight, recordingClient } from './doubles.js';

const keys = keyFactory(7_0707);
const now = Date.UTC(2026, 10, 24, 12, 0, 0);

/** A client over the real transport whose waits are recorded instead of slept. */
function pinned(policy: Partial<PinPolicy> = {}, io: Partial<NetIO> = {}) {
  const waits: number[] = [];
  const client = createPinnedClient(
    { allowedHosts: ['openrouter.ai'], timeoutMs: 2_000, ...policy },
    { http: fetchClient, sleep: (ms) => (waits.push(ms), Promise.resolve()), random: () => 0, now: () => now, ...io },
  );
  return { client, waits };
}

const get = (url: string | URL, headers: Record<string, string> = {}): HttpRequest => ({ method: 'GET', url: new URL(url), headers });
const statusOf = (outcome: PinnedOutcome) => (outcome.kind === 'response' ? outcome.status : outcome.kind);

/** Answers `replies` in turn, the last one repeating. */
async function scripted(replies: Reply[]) {
  let n = 0;
  return startStandIn(() => replies[Math.min(n++, replies.length - 1)] as Reply);
}

describe('the pin', () => {
  it.each([
    ['a host not pinned', 'https://evil.example/api/v1/key', /host evil\.example is not one/],
    ['a subdomain of a pinned host', 'https://api.openrouter.ai/key', /host api\.openrouter\.ai is not one/],
    ['a look-alike of a pinned host', 'https://openrouter.ai.evil.example/key', /host openrouter\.ai\.evil\.example/],
    ['http to a pinned host', 'http://openrouter.ai/api/v1/key', /http: is not allowed/],
    ['http to a private address', 'http://10.0.0.7:8080/hook', /http: is not allowed/],
    ['http to 0.0.0.0', 'http://0.0.0.0:8080/hook', /http: is not allowed/],
    ['credentials in the URL', 'https://user:pass@openrouter.ai/api/v1/key', /credentials in the URL/],
    ['credentials in a loopback URL', 'http://user@127.0.0.1:9/hook', /credentials in the URL/],
    ['another scheme', 'file:///etc/passwd', /file: is not allowed/],
  ])('refuses %s, and sends nothing', async (_name, url, reason) => {
    const { http, calls } = recordingClient();
    const client = createPinnedClient({ allowedHosts: ['openrouter.ai'], timeoutMs: 1_000 }, { http });
    const outcome = await client(get(url, { authorization: `Bearer ${keys.openrouter()}` }));
    expect(outcome.kind).toBe('refused');
    if (outcome.kind === 'refused') expect(outcome.reason).toMatch(reason);
    expect(calls).toEqual([]);
  });

  it.each([
    ['https to a pinned host', 'https://openrouter.ai/api/v1/key'],
    ['a pinned host in another case', 'https://OPENROUTER.ai/api/v1/key'],
    ['http to loopback', 'http://127.0.0.1:9/key'],
    ['https to loopback', 'https://localhost:9/key'],
  ])('lets %s through to the transport', async (_name, url) => {
    const { http, calls } = recordingClient();
    const client = createPinnedClient({ allowedHosts: ['OpenRouter.AI'], timeoutMs: 1_000 }, { http });
    await client(get(url));
    expect(calls.map(String)).toEqual([new URL(url).href]);
  });

  it('does not follow a redirect off the pinned origin', async () => {
    const elsewhere = await startStandIn(() => ({ status: 200 }));
    const server = await startStandIn(() => ({ status: 307, headers: { location: `${elsewhere.origin}/hook` } }));
    const { client } = pinned();
    const outcome = await client({ method: 'POST', url: new URL('/hook', server.origin), headers: {}, body: '{"text":"hi"}' });
    expect(outcome).toMatchObject({ kind: 'failure', message: expect.stringMatching(/redirected to another host/) as unknown });
    expect(elsewhere.requests).toHaveLength(0);
  });
});

describe('retries', () => {
  const inFive = new Date(now + 5_000).toUTCString();
  it.each<[string, Reply[], number | string, number, number[]]>([
    ['a 200 is returned at once', [{ status: 200 }], 200, 1, []],
    ['a 404 is not retried', [{ status: 404 }], 404, 1, []],
    ['a 401 is not retried', [{ status: 401 }], 401, 1, []],
    ['429 with Retry-After: 2, then 200', [{ status: 429, headers: { 'retry-after': '2' } }, { status: 200 }], 200, 2, [2_000]],
    ['503 with Retry-After as an HTTP date, then 200', [{ status: 503, headers: { 'retry-after': inFive } }, { status: 200 }], 200, 2, [5_000]],
    ['429 with Retry-After: 0, twice, then 204', [{ status: 429, headers: { 'retry-after': '0' } }, { status: 429, headers: { 'retry-after': '0' } }, { status: 204 }], 204, 3, [0, 0]],
    ['500 every time: backoff 250 then 500 ms, then the last 500', [{ status: 500 }], 500, 3, [250, 500]],
    ['502, then 401', [{ status: 502 }, { status: 401 }], 401, 2, [250]],
    ['429 asking for an hour: no wait, the 429 back', [{ status: 429, headers: { 'retry-after': '3600' } }], 429, 1, []],
    ['an unreadable Retry-After falls back to the backoff', [{ status: 429, headers: { 'retry-after': 'soon' } }, { status: 200 }], 200, 2, [250]],
  ])('%s', async (_name, replies, final, requests, waits) => {
    const server = await scripted(replies);
    const { client, waits: waited } = pinned();
    const outcome = await client(get(`${server.origin}/key`));
    expect(statusOf(outcome)).toBe(final);
    expect(server.requests).toHaveLength(requests);
    expect(waited).toEqual(waits);
  });

  it('follows the policy it is given', async () => {
    const server = await scripted([{ status: 503 }]);
    const { client, waits } = pinned({ retry: { attempts: 5, baseDelayMs: 10, maxDelayMs: 30 } });
    expect(statusOf(await client(get(server.origin)))).toBe(503);
    expect(waits).toEqual([5, 10, 20, 30]);
    expect(defaultRetryPolicy.attempts).toBe(3);
  });

  it('does not retry a failure: a refused connection is returned at once', async () => {
    const server = await startStandIn(() => ({ status: 200 }));
    await server.close();
    const { client, waits } = pinned();
    expect(await client(get(server.origin))).toMatchObject({ kind: 'failure', message: expect.stringMatching(/connection failed/) as unknown });
    expect(waits).toEqual([]);
  });

  it('waits for real when no sleep is passed in', async () => {
    const server = await scripted([{ status: 429, headers: { 'retry-after': '0.2' } }, { status: 200 }]);
    const client = createPinnedClient({ allowedHosts: [], timeoutMs: 2_000 }, { http: fetchClient });
    const started = performance.now();
    expect(statusOf(await client(get(server.origin)))).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });
});

describe('bounds', () => {
  it("caps the body at the policy's size, and a call may set its own", async () => {
    const server = await startStandIn(() => ({ status: 200, body: 'x'.repeat(5_000) }));
    const { client } = pinned({ maxBodyBytes: 1_000 });
    expect(await client(get(server.origin))).toMatchObject({ kind: 'failure', message: expect.stringMatching(/over 1000 bytes/) as unknown });
    expect(await client(get(server.origin), { maxBodyBytes: 10_000 })).toMatchObject({ kind: 'response', status: 200 });
  });

  it('times out each attempt', async () => {
    const server = await startStandIn(() => ({ status: 200, hang: true }));
    const { client } = pinned({ timeoutMs: 150 });
    expect(await client(get(server.origin))).toEqual({ kind: 'failure', message: 'timed out after 0.15 s' });
  });

  it('shares one concurrency limit between clients pinned to different hosts', async () => {
    const counter = inFlight(() => ({ status: 200 }), 50);
    const server = await startStandIn(counter.handler);
    const limit = concurrencyLimit(2);
    const a = pinned({ limit, allowedHosts: ['a.example'] }).client;
    const b = pinned({ limit, allowedHosts: ['b.example'] }).client;
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_v, i) => (i % 2 ? a : b)(get(server.origin))));
    expect(outcomes.map(statusOf)).toEqual(Array.from({ length: 8 }, () => 200));
    expect(counter.max()).toBe(2);
  });

  it('holds its slot through the retry wait, so a rate-limited host is not asked by more at once', async () => {
    const server = await startStandIn(() => ({ status: 200 }));
    const limit = concurrencyLimit(1);
    const seenWhileWaiting: number[] = [];
    const busy = createPinnedClient(
      { allowedHosts: [], timeoutMs: 2_000, limit },
      {
        http: () => Promise.resolve({ kind: 'response', status: 503, headers: new Headers(), body: '' }),
        sleep: async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          seenWhileWaiting.push(server.requests.length);
        },
      },
    );
    const client = createPinnedClient({ allowedHosts: [], timeoutMs: 2_000, limit }, { http: fetchClient });
    await Promise.all([busy(get(server.origin)), client(get(server.origin)), client(get(server.origin))]);
    expect(seenWhileWaiting).toEqual([0, 0]);
    expect(server.requests).toHaveLength(2);
  });
});

describe("GitHub's rate-limit answers (githubRateLimits)", () => {
  const limited = (extra: Record<string, string>): Reply => ({ status: 403, headers: { 'content-type': 'application/json', ...extra }, body: '{"message":"API rate limit exceeded"}' });
  const ok: Reply = { status: 200, body: '{}' };

  it.each([
    ['a primary limit: remaining 0, waits until the reset it names (and a second over)', limited({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 120) }), 121_000],
    ['a secondary limit: 403 with Retry-After', limited({ 'retry-after': '30' }), 30_000],
    ['a 429 with the reset headers', { ...limited({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 5) }), status: 429 }, 6_000],
  ])('asks again after %s', async (_name, first, wait) => {
    const server = await scripted([first, ok]);
    const { client, waits } = pinned({ githubRateLimits: true, retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 15 * 60_000 } });
    expect(statusOf(await client(get(`${server.origin}/repos/acme/x/contents/a`)))).toBe(200);
    expect(waits).toEqual([wait]);
  });

  it('hands back a 403 that is no rate limit, and any 403 without the option, at once', async () => {
    const denied = await scripted([{ status: 403, body: '{"message":"Resource not accessible"}' }, ok]);
    const github = pinned({ githubRateLimits: true });
    expect(statusOf(await github.client(get(`${denied.origin}/x`)))).toBe(403);
    const limitedServer = await scripted([limited({ 'retry-after': '1' }), ok]);
    const plain = pinned();
    expect(statusOf(await plain.client(get(`${limitedServer.origin}/x`)))).toBe(403);
    expect([...github.waits, ...plain.waits]).toEqual([]);
  });

  it('gives up on a reset further away than the policy will wait', async () => {
    const server = await scripted([limited({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 3600) }), ok]);
    const { client, waits } = pinned({ githubRateLimits: true, retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 60_000 } });
    expect(statusOf(await client(get(`${server.origin}/x`)))).toBe(403);
    expect(waits).toEqual([]);
  });
});
