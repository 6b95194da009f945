/**
 * The webhook channel (src/respond/notify/webhook.ts) against a receiver on 127.0.0.1: what it
 * posts, how a receiver checks the signature, retries on 429 and 5xx, and the URL kept out of
 * every word it says (the URL embeds a token, as Slack's do).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeywardenError } from '../../src/core/errors.js';
import type { Delivery, Notice } from '../../src/respond/notify/notice.js';
import { renderSlackText } from '../../src/respond/notify/slack-text.js';
import { webhookChannel, type WebhookPayload, type WebhookSettings } from '../../src/respond/notify/webhook.js';
import { live, noticeFinding, noticeOf, testCommit } from '../helpers/notice.js';
import { startStandIn, type RecordedRequest, type Reply, type StandIn } from '../helpers/providers.js';

/** A path shaped like a Slack incoming webhook's: the last part is the token. */
const token = 'Xq7TlM2vR9pK4sW8nB3cY6dZ';
const hookPath = `/services/T01ABCDEF/B02GHIJKL/${token}`;
/** Retries without waiting: a test never sleeps for a backoff. */
const quickRetry = { attempts: 3, baseDelayMs: 1, maxDelayMs: 1000 };

const notice: Notice = noticeOf([noticeFinding(1, { ...live, source: 'history', commit: testCommit, author: 'A', email: 'a@example.test', date: '2021-01-01T00:00:00+00:00', hint: 'Rotate it.' }), noticeFinding(2)]);

/** A receiver answering each request in turn from `replies` (the last one repeated). */
function receiver(replies: Reply[]): Promise<StandIn> {
  let seen = 0;
  return startStandIn(() => replies[Math.min(seen++, replies.length - 1)] ?? { status: 200, body: 'ok' });
}

function channelFor(standIn: StandIn, settings: Partial<WebhookSettings> = {}) {
  return webhookChannel({ url: `${standIn.origin}${hookPath}`, retry: quickRetry, ...settings });
}

/**
 * What a receiver does with a signed request: recompute the HMAC of the raw body with the shared
 * secret and compare in constant time, then accept the timestamp only when the signed body
 * carries the same one and it is recent. Returns why it refuses, or 'ok'.
 */
function verifyLikeAReceiver(request: RecordedRequest, secret: string, nowSeconds: number, toleranceSeconds = 300): string {
  const signature = request.headers['x-keywarden-signature'];
  const timestamp = request.headers['x-keywarden-timestamp'];
  if (typeof signature !== 'string' || typeof timestamp !== 'string') return 'unsigned';
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(Buffer.from(request.body, 'utf8')).digest('hex')}`);
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad signature';
  const body = JSON.parse(request.body) as WebhookPayload;
  if (body.timestamp !== Number(timestamp)) return 'timestamp not the signed one';
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return 'too old';
  return 'ok';
}

const everyWord = (deliveries: Delivery[]) => deliveries.map((delivery) => `${delivery.channel} ${delivery.outcome} ${delivery.detail}`).join('\n');

describe('the webhook channel', () => {
  it('posts one JSON message: Slack text and the findings as the report spells them', async () => {
    const standIn = await receiver([{ status: 200, body: 'ok' }]);
    const deliveries = await channelFor(standIn).deliver(notice);
    expect(deliveries).toEqual([{ channel: 'webhook', outcome: 'sent', detail: 'posted 2 findings to the webhook (HTTP 200)' }]);
    expect(standIn.requests).toHaveLength(1);
    const [request] = standIn.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(hookPath);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['user-agent']).toBe('keywarden/0.0.0-test');
    const body = JSON.parse(request?.body ?? '') as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['text', 'findings']);
    expect(body.text).toBe(renderSlackText(notice));
    expect(body.findings).toEqual(notice.findings);
  });

  it('sends no signature without a secret', async () => {
    const standIn = await receiver([{ status: 200 }]);
    await channelFor(standIn).deliver(notice);
    expect(standIn.requests[0]?.headers['x-keywarden-signature']).toBeUndefined();
    expect(standIn.requests[0]?.headers['x-keywarden-timestamp']).toBeUndefined();
  });

  it('signs with the secret so that a receiver can verify the body and its time', async () => {
    const standIn = await receiver([{ status: 200 }]);
    const secret = 'a shared secret, not a key';
    const signedAt = Date.UTC(2026, 0, 2, 3, 4, 5);
    const channel = webhookChannel({ url: `${standIn.origin}${hookPath}`, secret }, { http: (await import('../../src/net/http.js')).fetchClient, now: () => signedAt });
    await channel.deliver(notice);
    const request = standIn.requests[0];
    if (!request) throw new Error('nothing received');
    expect(request.headers['x-keywarden-timestamp']).toBe(String(signedAt / 1000));
    expect(request.headers['x-keywarden-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyLikeAReceiver(request, secret, signedAt / 1000 + 10)).toBe('ok');
    // And a receiver refuses what it should.
    expect(verifyLikeAReceiver(request, 'another secret', signedAt / 1000)).toBe('bad signature');
    expect(verifyLikeAReceiver({ ...request, body: request.body.replace('openrouter', 'openrouteR') }, secret, signedAt / 1000)).toBe('bad signature');
    expect(verifyLikeAReceiver({ ...request, headers: { ...request.headers, 'x-keywarden-timestamp': String(signedAt / 1000 + 3600) } }, secret, signedAt / 1000 + 3600)).toBe('timestamp not the signed one');
    expect(verifyLikeAReceiver(request, secret, signedAt / 1000 + 3600)).toBe('too old');
  });

  it('retries a 429 (Retry-After: 0) and a 503, then delivers', async () => {
    const standIn = await receiver([{ status: 429, headers: { 'retry-after': '0' } }, { status: 503 }, { status: 200, body: 'ok' }]);
    const deliveries = await channelFor(standIn, { secret: 's' }).deliver(notice);
    expect(deliveries.map((delivery) => delivery.outcome)).toEqual(['sent']);
    expect(standIn.requests).toHaveLength(3);
    // Each attempt the same bytes, signature and timestamp included.
    expect(new Set(standIn.requests.map((request) => `${request.body}${String(request.headers['x-keywarden-signature'])}${String(request.headers['x-keywarden-timestamp'])}`)).size).toBe(1);
  });

  it('gives up after the last attempt, as a failed delivery (no throw)', async () => {
    const standIn = await receiver([{ status: 503, headers: { 'retry-after': '0' } }]);
    const deliveries = await channelFor(standIn).deliver(notice);
    expect(deliveries).toEqual([{ channel: 'webhook', outcome: 'failed', detail: 'the webhook answered HTTP 503 after 3 attempts' }]);
    expect(standIn.requests).toHaveLength(3);
  });

  it.each([
    ['a refusal in Slack’s words', { status: 404, body: 'no_service' }, 'the webhook answered HTTP 404: no_service'],
    ['an answer that quotes the URL', { status: 400, body: `no hook at ${hookPath}` }, 'the webhook answered HTTP 400'],
    ['a redirect to another host', { status: 302, headers: { location: `https://elsewhere.example${hookPath}` } }, 'the webhook could not be reached: redirected to another host (elsewhere.example); not followed'],
  ])('does not deliver on %s, and does not retry it', async (_case, reply, detail) => {
    const standIn = await receiver([reply as Reply, { status: 200 }]);
    const deliveries = await channelFor(standIn).deliver(notice);
    expect(deliveries).toEqual([{ channel: 'webhook', outcome: 'failed', detail: expect.stringContaining(detail) as unknown }]);
    expect(everyWord(deliveries)).not.toContain(token);
    expect(standIn.requests).toHaveLength(1);
  });

  it('says nothing and sends nothing when there is nothing to tell', async () => {
    const standIn = await receiver([{ status: 200 }]);
    const channel = channelFor(standIn);
    expect(channel.messages(noticeOf([]))).toEqual([]);
    expect(await channel.deliver(noticeOf([]))).toEqual([{ channel: 'webhook', outcome: 'skipped', detail: 'nothing to tell: no findings' }]);
    expect(standIn.requests).toHaveLength(0);
  });

  it('shows, as its message, exactly the body it sends', async () => {
    const standIn = await receiver([{ status: 200 }]);
    const channel = channelFor(standIn);
    const [message] = channel.messages(notice);
    await channel.deliver(notice);
    expect(message).toEqual({ channel: 'webhook', target: 'webhook', body: standIn.requests[0]?.body });
  });
});

describe('the webhook URL, a secret', () => {
  it('never appears in what a failure says', async () => {
    const closed = await startStandIn(() => ({ status: 200 }));
    const closedUrl = `${closed.origin}${hookPath}`;
    await closed.close();
    const hanging = await startStandIn(() => ({ status: 200, hang: true }));
    const failures = await Promise.all([
      webhookChannel({ url: closedUrl }).deliver(notice),
      webhookChannel({ url: `${hanging.origin}${hookPath}?token=${token}`, timeoutMs: 50 }).deliver(notice),
    ]);
    expect(failures.map((deliveries) => deliveries.map((delivery) => delivery.outcome))).toEqual([['failed'], ['failed']]);
    expect(failures[0]?.[0]?.detail).toMatch(/^the webhook could not be reached: connection failed/);
    expect(failures[1]?.[0]?.detail).toMatch(/^the webhook could not be reached: timed out/);
    for (const deliveries of failures) expect(everyWord(deliveries)).not.toMatch(new RegExp(`${token}|T01ABCDEF|services`));
  });

  it.each([
    ['plain http to another host', `http://hooks.example.com${hookPath}`, 'the webhook URL is refused: http: is not allowed (https only; http only for loopback hosts)'],
    ['not a URL', `hooks.example.com${hookPath}`, 'the webhook URL is not a URL (give https://HOST/PATH)'],
    ['a port out of range', `https://hooks.example.com:99999${hookPath}`, 'the webhook URL is not a URL (give https://HOST/PATH)'],
    ['credentials in it', `https://user:${token}@hooks.example.com/services`, 'the webhook URL is refused: credentials in the URL are not allowed'],
  ])('is refused before anything is sent when it is %s, without being quoted', (_case, url, message) => {
    let thrown: unknown;
    try {
      webhookChannel({ url });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(KeywardenError);
    expect((thrown as Error).message).toBe(message);
    expect((thrown as Error).message).not.toContain(token);
  });
});
