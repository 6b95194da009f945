/**
 * `keywarden serve` in this process (test/helpers/serve.ts): signed alerts from a generated P-256
 * key pair published in the GitHub stand-in, keys checked and revoked against an OpenRouter
 * account stand-in. The answers SPEC §6 fixes for each kind of request, the feedback labels,
 * duplicates and replays (one revoke), a provider that cannot tell (retried), the issue on the
 * leaking repository, the metrics, and no raw token in the store, the logs or an answer.
 */
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { clientOf } from '../../src/serve/server.js';
import { createAlertSigner } from '../helpers/alert-signer.js';
import { keyFactory } from '../helpers/keys.js';
import { sha256hex } from '../helpers/openrouter-management.js';
import { startStandIn } from '../helpers/providers.js';
import { alertBody, post, startTestServe, type TestServe } from '../helpers/serve.js';
import { cleanTmpDirs } from '../helpers/tmp.js';

cleanTmpDirs();

const keys = keyFactory(2026120516);
const managementKey = keys.openrouter();

/** Every raw token a test used must be absent from what serve wrote. */
function expectNoToken(serve: TestServe, tokens: readonly string[]): void {
  const places = { store: readFileSync(serve.storeFile).toString('latin1'), logs: serve.logs.join(''), audit: readFileSync(serve.auditLog, { encoding: 'utf8', flag: 'a+' }) };
  for (const token of tokens) for (const [where, text] of Object.entries(places)) expect(text.includes(token), `${where} holds a raw token`).toBe(false);
}

/** Wait until the store says every token is done. */
async function settled(serve: TestServe): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const health = (await (await fetch(`${serve.serve.origin}/healthz`)).json()) as { tokens: { pending: number; checked: number } };
    if (health.tokens.pending + health.tokens.checked === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('tokens still open');
}

describe('serve: what each request is answered', () => {
  const live = keys.openrouter();
  const big = Buffer.alloc(2 * 1024 * 1024, 0x20);
  const cases: [string, (serve: TestServe) => Promise<{ status: number; text: string }>, number, RegExp?][] = [
    ['a signed alert (current key)', (s) => s.send([{ token: live }]), 200],
    ['no signature headers', (s) => post(s.endpoint, alertBody([{ token: live }]), { 'content-type': 'application/json' }), 401, /no signature/],
    ['an unknown key identifier', (s) => { const body = alertBody([{ token: live }]); return post(s.endpoint, body, { 'content-type': 'application/json', ...createAlertSigner().headers(body) }); }, 401, /bad signature/],
    ['a signature over another body', (s) => post(s.endpoint, alertBody([{ token: live }]), { 'content-type': 'application/json', ...s.signer.headers('[]') }), 401],
    ['a signature that is not base64 DER', (s) => post(s.endpoint, '[]', { 'content-type': 'application/json', 'github-public-key-identifier': s.signer.identifier, 'github-public-key-signature': 'bm90IGEgc2lnbmF0dXJl' }), 401],
    ['an empty body, signed', (s) => post(s.endpoint, '', { 'content-type': 'application/json', ...s.signer.headers('') }), 400, /not JSON/],
    ['a 2 MiB body', (s) => post(s.endpoint, big, { 'content-type': 'application/json', ...s.signer.headers(big) }), 413],
    ['not an array, signed', (s) => { const body = JSON.stringify({ token: live }); return post(s.endpoint, body, { 'content-type': 'application/json', ...s.signer.headers(body) }); }, 400, /not a JSON array/],
    ['an array of something else, signed', (s) => { const body = '[{"token":1}]'; return post(s.endpoint, body, { 'content-type': 'application/json', ...s.signer.headers(body) }); }, 400],
    ['the wrong content type, signed', (s) => { const body = alertBody([{ token: live }]); return post(s.endpoint, body, { 'content-type': 'text/plain', ...s.signer.headers(body) }); }, 415],
    ['GET on the alert path', async (s) => { const r = await fetch(s.endpoint); return { status: r.status, text: await r.text() }; }, 405],
    ['POST elsewhere', (s) => post(`${s.serve.origin}/other`, '[]', {}), 404],
    ['GET /healthz', async (s) => { const r = await fetch(`${s.serve.origin}/healthz`); return { status: r.status, text: await r.text() }; }, 200, /"status":"ok"/],
    ['POST /healthz', (s) => post(`${s.serve.origin}/healthz`, '', {}), 405],
  ];
  it.each(cases.map(([name, request, status, text]) => [`${name} → ${status}`, request, status, text] as const))('%s', async (name, request, status, text) => {
    const serve = await startTestServe({ managementKey, account: { keys: [{ key: live }] } });
    const answer = await request(serve);
    expect(answer.status).toBe(status);
    if (text) expect(answer.text).toMatch(text);
    expect(answer.text.includes(live)).toBe(false);
    await serve.close();
    // Only an accepted alert touches a key.
    expect(serve.revocations()).toHaveLength(status === 200 && name.startsWith('a signed') ? 1 : 0);
  });

  it('accepts a key the list no longer marks current (rotated, within the grace period)', async () => {
    const serve = await startTestServe({ managementKey, account: { keys: [] } });
    const next = createAlertSigner();
    serve.github.publishSecretScanningKeys([next.entry(), serve.signer.entry(false)]);
    const body = alertBody([{ token: keys.openrouter() }]);
    expect((await post(serve.endpoint, body, { 'content-type': 'application/json', ...serve.signer.headers(body) })).status).toBe(200);
    expect((await post(serve.endpoint, body, { 'content-type': 'application/json', ...next.headers(body) })).status).toBe(200);
    await serve.close();
  });

  it("answers 503 with Retry-After, not 401, while GitHub's key list cannot be read: the alert may be good and is sent again", async () => {
    const serve = await startTestServe({ managementKey, account: { keys: [] } });
    serve.github.fail({ path: '/meta/public_keys/secret_scanning' }, 404);
    const body = alertBody([{ token: keys.openrouter() }]);
    const answer = await fetch(serve.endpoint, { method: 'POST', body, headers: { 'content-type': 'application/json', ...serve.signer.headers(body) } });
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('60');
    expect(await answer.text()).toMatch(/signing keys cannot be read now/);
    expect(serve.revocations()).toHaveLength(0);
    await serve.close();
  });

  it('answers 503 with Retry-After past the cap on requests in flight', async () => {
    const key = keys.openrouter();
    const serve = await startTestServe({ managementKey, account: { keys: [] }, fault: () => ({ status: 401, body: {}, delayMs: 400 }), settings: { http: { maxInFlight: 1 } } });
    const first = serve.send([{ token: key }]);
    while (serve.openRouter.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const response = await fetch(`${serve.serve.origin}/healthz`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect((await first).status).toBe(200);
    await serve.close();
  });

  it.each([
    [false, '203.0.113.9', '127.0.0.1'],
    [true, '203.0.113.9, 10.0.0.1', '203.0.113.9'],
    [true, undefined, '127.0.0.1'],
  ])('names the client (trust proxy %s, X-Forwarded-For %s) as %s', (trustProxy, forwarded, client) => {
    const request = { headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded }, socket: { remoteAddress: '127.0.0.1' } } as unknown as Parameters<typeof clientOf>[0];
    expect(clientOf(request, trustProxy)).toBe(client);
  });

  it('answers a client that sends its body too slowly with 408 and drops it', async () => {
    const serve = await startTestServe({ managementKey, account: { keys: [] }, settings: { http: { requestTimeoutMs: 300, headersTimeoutMs: 300 } } });
    const { port } = new URL(serve.endpoint);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('POST /secret-scanning HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n[{'));
      let text = '';
      socket.on('data', (data) => (text += data.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    await serve.close();
  });
});

describe('serve: feedback and what is done with each token', () => {
  it('labels each token, revokes the live one, and keeps no raw token anywhere', async () => {
    const [live, elsewhere, dead, unrelated] = [keys.openrouter(), keys.openrouter(), keys.openrouter(), `ghp_${keys.chars('alnum', 36)}`];
    const serve = await startTestServe({ managementKey, account: { keys: [{ key: live }], elsewhere: [elsewhere] } });
    const answer = await serve.send([{ token: live }, { token: elsewhere }, { token: dead }, { token: unrelated, type: 'github_personal_access_token' }]);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      { token_hash: sha256hex(live), token_type: 'openrouter_api_key', label: 'true_positive' },
      { token_hash: sha256hex(elsewhere), token_type: 'openrouter_api_key', label: 'true_positive' },
      { token_hash: sha256hex(dead), token_type: 'openrouter_api_key', label: 'false_positive' },
      { token_hash: sha256hex(unrelated), token_type: 'github_personal_access_token', label: 'false_positive' },
    ]);
    await settled(serve);
    expect(serve.account.stateOf(live)?.disabled).toBe(true);
    expect(serve.revocations()).toHaveLength(1);
    const audit = readFileSync(serve.auditLog, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { outcome: string; command: string });
    expect(audit.map((record) => record.outcome)).toEqual(expect.arrayContaining(['started', 'revoked']));
    expect(audit.every((record) => record.command === 'serve')).toBe(true);
    // The key still live (on another account: not revoked here) gets an issue on the leaking repository, redacted.
    const issues = serve.github.issuesOf();
    expect(issues).toHaveLength(1);
    expect(issues[0]?.body).toContain('config/app.js');
    await serve.close();
    expectNoToken(serve, [live, elsewhere, dead, unrelated]);
  });

  it('acts once on a token however often and however fast its alert is sent again (duplicates, replays)', async () => {
    const live = keys.openrouter();
    const hook = await startStandIn(() => ({ status: 200, body: 'ok' }));
    const serve = await startTestServe({ managementKey, account: { keys: [{ key: live }] }, webhook: `${hook.origin}/hook` });
    const answers = await Promise.all(Array.from({ length: 6 }, () => serve.send([{ token: live }])));
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(200));
    await settled(serve);
    const later = await serve.send([{ token: live }]);
    expect(later.body).toEqual([{ token_hash: sha256hex(live), token_type: 'openrouter_api_key', label: 'true_positive' }]);
    await settled(serve);
    expect(serve.revocations()).toHaveLength(1);
    expect(hook.requests).toHaveLength(1);
    expect(hook.requests[0]?.body.includes(live)).toBe(false);
    await serve.close();
    expectNoToken(serve, [live]);
  });

  it('answers at the deadline from what is known when the provider cannot tell, and tries again later', async () => {
    const key = keys.openrouter();
    let failing = true;
    const serve = await startTestServe({
      managementKey,
      account: { keys: [{ key }] },
      fault: () => (failing ? { status: 503, body: 'down' } : undefined),
      settings: { answerWithinMs: 300 },
    });
    const answer = await serve.send([{ token: key }]);
    expect(answer.body).toEqual([{ token_hash: sha256hex(key), token_type: 'openrouter_api_key', label: 'true_positive' }]);
    expect(serve.account.stateOf(key)?.disabled).toBe(false);
    while (!serve.logs.join('').includes('"event":"token retried later"')) await new Promise((resolve) => setTimeout(resolve, 20));
    failing = false;
    await settled(serve);
    expect(serve.account.stateOf(key)?.disabled).toBe(true);
    await serve.close();
  });

  it('counts alerts, tokens and revocations in /metrics', async () => {
    const live = keys.openrouter();
    const serve = await startTestServe({ managementKey, account: { keys: [{ key: live }] } });
    await serve.send([{ token: live }]);
    await post(serve.endpoint, '[]', { 'content-type': 'application/json' });
    await settled(serve);
    const response = await fetch(`${serve.serve.origin}/metrics`);
    const text = await response.text();
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text).toMatch(/keywarden_serve_alerts_total\{outcome="accepted"\} 1/);
    expect(text).toMatch(/keywarden_serve_alerts_total\{outcome="unauthorized"\} 1/);
    expect(text).toMatch(/keywarden_serve_tokens_total\{outcome="live"\} 1/);
    expect(text).toMatch(/keywarden_serve_revocations_total\{outcome="revoked"\} 1/);
    expect(text).toMatch(/keywarden_serve_answer_seconds_count 2/);
    expect(text).toMatch(/keywarden_serve_open_tokens 0/);
    expect(text.includes(sha256hex(live))).toBe(false);
    await serve.close();
  });
});

describe('serve: a batch that cannot run', () => {
  it('puts its tokens off with backoff instead of dropping them or spinning, and finishes them once it can run', async () => {
    const { mkdirSync, rmSync } = await import('node:fs');
    const live = keys.openrouter();
    const serve = await startTestServe({ managementKey, account: { keys: [{ key: live }] }, settings: { answerWithinMs: 200 } });
    // The audit log turns into a directory: each batch's revoke step refuses to open it.
    mkdirSync(serve.auditLog);
    expect((await serve.send([{ token: live }])).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const failures = serve.logs.filter((line) => line.includes('"event":"worker error"'));
    expect(failures.length).toBeGreaterThan(0);
    // Backoff of 50 ms: a handful in 400 ms, not thousands.
    expect(failures.length).toBeLessThan(20);
    expect(failures.join('')).toMatch(/--audit-log .*not a regular file|cannot open it/);
    expect(serve.revocations()).toHaveLength(0);
    rmSync(serve.auditLog, { recursive: true });
    await settled(serve);
    expect(serve.revocations()).toHaveLength(1);
    await serve.close();
  });
});
