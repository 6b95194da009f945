/**
 * The transport (`fetchClient`) against real servers on 127.0.0.1: it sends what it is
 * given, follows redirects only within the origin, reads no more than the body cap and
 * gives up at the timeout. Every problem is a `failure` with a short message, never a throw.
 */
import { describe, expect, it } from 'vitest';
import { defaultMaxBodyBytes, fetchClient, type HttpOutcome, type HttpRequest } from '../../src/net/http.js';
import { keyFactory } from '../helpers/keys.js';
import { startStandIn, type Reply } from '../helpers/providers.js';

const keys = keyFactory(6_0606);
const limits = { timeoutMs: 2_000, maxBodyBytes: defaultMaxBodyBytes };

function get(origin: string, path = '/', headers: Record<string, string> = {}): HttpRequest {
  return { method: 'GET', url: new URL(path, origin), headers };
}

function expectFailure(outcome: HttpOutcome, message: RegExp) {
  expect(outcome.kind).toBe('failure');
  if (outcome.kind === 'failure') expect(outcome.message).toMatch(message);
}

describe('fetchClient sends', () => {
  it.each([
    ['GET', undefined],
    ['POST', '{"text":"a webhook message"}'],
    ['PATCH', '{"disabled":true}'],
    ['DELETE', undefined],
  ])('%s with its headers and body, and returns status, headers and body', async (method, body) => {
    const server = await startStandIn(() => ({ status: 200, headers: { 'x-answer': 'yes' }, body: { ok: true } }));
    const request: HttpRequest = { method, url: new URL('/keys/abc', server.origin), headers: { 'content-type': 'application/json', 'x-custom': 'one' }, ...(body !== undefined ? { body } : {}) };
    const outcome = await fetchClient(request, limits);
    expect(outcome).toMatchObject({ kind: 'response', status: 200, body: '{"ok":true}' });
    if (outcome.kind === 'response') expect(outcome.headers.get('x-answer')).toBe('yes');
    expect(server.requests).toMatchObject([{ method, url: '/keys/abc', body: body ?? '', headers: { 'x-custom': 'one' } }]);
  });
});

describe('fetchClient body cap', () => {
  const cap = 1_000;
  it.each([
    ['well under the cap', 10, 'response'],
    ['exactly the cap', cap, 'response'],
    ['one byte over the cap', cap + 1, 'failure'],
    ['far over the cap', 200 * cap, 'failure'],
  ] as const)('a body %s (%i bytes) → %s', async (_name, size, kind) => {
    const server = await startStandIn(() => ({ status: 200, body: 'x'.repeat(size) }));
    const outcome = await fetchClient(get(server.origin), { ...limits, maxBodyBytes: cap });
    expect(outcome.kind).toBe(kind);
    if (outcome.kind === 'response') expect(outcome.body).toHaveLength(size);
    else expectFailure(outcome, /HTTP 200 with a body over 1000 bytes/);
  });

  it('caps at 1 MiB by default: a 2 MiB answer is not an answer', async () => {
    const server = await startStandIn(() => ({ status: 200, body: 'x'.repeat(2 * defaultMaxBodyBytes) }));
    expectFailure(await fetchClient(get(server.origin), limits), /over 1048576 bytes/);
  });

  it('counts bytes, not characters, and decodes characters split across chunks', async () => {
    const text = 'é'.repeat(300_000); // 600,000 bytes, arriving in many chunks
    const server = await startStandIn(() => ({ status: 200, body: text }));
    const outcome = await fetchClient(get(server.origin), limits);
    expect(outcome.kind === 'response' && outcome.body === text).toBe(true);
    expectFailure(await fetchClient(get(server.origin), { ...limits, maxBodyBytes: 599_999 }), /over 599999 bytes/);
  });
});

describe('fetchClient redirects', () => {
  it.each([301, 302, 303, 307, 308])('does not follow a %i to another origin; the other server hears nothing', async (status) => {
    const credential = keys.openrouter();
    const elsewhere = await startStandIn(() => ({ status: 200, body: 'stolen' }));
    const server = await startStandIn(() => ({ status, headers: { location: `${elsewhere.origin}/collect` } }));
    expectFailure(await fetchClient(get(server.origin, '/key', { authorization: `Bearer ${credential}` }), limits), /redirected to another host \(127\.0\.0\.1:\d+\); not followed/);
    expect(server.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('does not follow a protocol-relative redirect elsewhere', async () => {
    const elsewhere = await startStandIn(() => ({ status: 200 }));
    const server = await startStandIn(() => ({ status: 302, headers: { location: `//${new URL(elsewhere.origin).host}/x` } }));
    expectFailure(await fetchClient(get(server.origin), limits), /redirected to another host/);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('follows a same-origin redirect with the same method, headers and body', async () => {
    const server = await startStandIn((request): Reply => (request.url === '/old' ? { status: 308, headers: { location: '/new' } } : { status: 204 }));
    const outcome = await fetchClient({ method: 'PATCH', url: new URL('/old', server.origin), headers: { 'x-custom': 'kept' }, body: '{"disabled":true}' }, limits);
    expect(outcome).toMatchObject({ kind: 'response', status: 204 });
    expect(server.requests.map((r) => [r.method, r.url, r.headers['x-custom'], r.body])).toEqual([
      ['PATCH', '/old', 'kept', '{"disabled":true}'],
      ['PATCH', '/new', 'kept', '{"disabled":true}'],
    ]);
  });

  it('gives up on a redirect loop', async () => {
    const server = await startStandIn(() => ({ status: 302, headers: { location: '/' } }));
    expectFailure(await fetchClient(get(server.origin), limits), /more than 5 redirects/);
    expect(server.requests).toHaveLength(6);
  });
});

describe('fetchClient failures', () => {
  it('times out a server that never answers, without waiting for it', async () => {
    const server = await startStandIn(() => ({ status: 200, hang: true }));
    const started = performance.now();
    expectFailure(await fetchClient(get(server.origin), { ...limits, timeoutMs: 200 }), /^timed out after 0\.2 s$/);
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('says the connection failed when nothing listens', async () => {
    const server = await startStandIn(() => ({ status: 200 }));
    await server.close();
    expectFailure(await fetchClient(get(server.origin), limits), /^connection failed/);
  });
});
