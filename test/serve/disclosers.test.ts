/**
 * Who may send `serve` an alert (SPEC §6): the signature of the raw body checked against the
 * discloser's published keys, fetched from the GitHub stand-in through net/, with a clock
 * the tests move by hand.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { fetchClient } from '../../src/net/http.js';
import { defaultDisclosers, DiscloserKeys, type Discloser, type DiscloserKeysOptions } from '../../src/serve/disclosers.js';
import { createAlertSigner, depsDevHeaders, startSigningGitHub, type AlertSigner } from '../helpers/alert-signer.js';
import { closedPortUrl, startGitHubApi, type GitHubApi } from '../helpers/github-api.js';
import { keyFactory } from '../helpers/keys.js';

const keyListPath = '/meta/public_keys/secret_scanning';
const minute = 60_000;
const start = Date.UTC(2026, 11, 5, 12, 0, 0);
const keys = keyFactory(15_0015);
const alertBody = (token = keys.openrouter()) => JSON.stringify([{ token, type: 'openrouter_api_key', url: 'https://github.com/acme/widgets/blob/abc/x.env', source: 'content' }]);

/** The GitHub discloser at a stand-in's URL. */
const githubAt = (api: GitHubApi): Discloser => defaultDisclosers({ GITHUB_API_URL: api.apiUrl })[0] as Discloser;

/** DiscloserKeys over the real transport, with a clock the test moves and retries that do not sleep. */
function checker(disclosers: Discloser[], options: DiscloserKeysOptions = {}) {
  const clock = { now: start };
  const problems: string[] = [];
  const discloserKeys = new DiscloserKeys(disclosers, {
    now: () => clock.now,
    io: { http: fetchClient, sleep: () => Promise.resolve(), now: () => clock.now },
    onKeysProblem: (name, problem) => problems.push(`${name}: ${problem}`),
    ...options,
  });
  const check = (body: string | Buffer, headers: Record<string, string | string[] | undefined>) =>
    discloserKeys.check(typeof body === 'string' ? Buffer.from(body, 'utf8') : body, headers);
  return { check, clock, problems };
}

/** A GitHub stand-in with one current key, and a checker that trusts it. */
async function signedSetup(options: DiscloserKeysOptions = {}) {
  const { api, signer } = await startSigningGitHub();
  const fetches = () => api.requestsTo('GET', keyListPath).length;
  return { api, signer, fetches, ...checker([githubAt(api)], options) };
}

/** GitHub and a deps.dev-style discloser, each with its own stand-in and current key. */
async function githubAndDepsDev() {
  const github = await startSigningGitHub();
  const depsDevApi = await startGitHubApi();
  const depsDevSigner = createAlertSigner();
  depsDevApi.override({ method: 'GET', path: '/depsdev/secret_scanning' }, { body: { public_keys: [depsDevSigner.entry()] } });
  const depsDev: Discloser = { name: 'deps.dev', ...depsDevHeaders, keysUrl: `${depsDevApi.apiUrl}/depsdev/secret_scanning` };
  return { github, depsDevApi, depsDevSigner, ...checker([githubAt(github.api), depsDev]) };
}

const refusedFor = (reason: string) => ({ ok: false, reason });
const accepted = { ok: true, discloser: 'github' };

describe('defaultDisclosers', () => {
  it.each([
    ['GitHub.com when GITHUB_API_URL is unset', {}, 'https://api.github.com/meta/public_keys/secret_scanning'],
    ['GITHUB_API_URL, its trailing slash dropped', { GITHUB_API_URL: 'https://ghe.example/api/v3/' }, 'https://ghe.example/api/v3/meta/public_keys/secret_scanning'],
    ['GitHub.com when GITHUB_API_URL is blank', { GITHUB_API_URL: '  ' }, 'https://api.github.com/meta/public_keys/secret_scanning'],
  ])('GitHub first: %s', (_name, env, keysUrl) => {
    const [github, depsDev, ...rest] = defaultDisclosers(env);
    expect(github).toEqual({ name: 'github', identifierHeader: 'github-public-key-identifier', signatureHeader: 'github-public-key-signature', keysUrl });
    expect(depsDev).toEqual({
      name: 'deps.dev',
      identifierHeader: 'gosst-public-key-identifier',
      signatureHeader: 'gosst-public-key-signature',
      keysUrl: 'https://storage.googleapis.com/depsdev-gcp-public-keys/secret_scanning',
    });
    expect(rest).toEqual([]);
  });
});

describe('GitHub documentation test vector', () => {
  // The test key, alert, identifier and signature GitHub's secret-scanning partner documentation
  // publishes ("Create a secret alert service"): public, and made for exactly this check. The
  // identifier is the SHA-256 of the PEM *with* a final newline, while the key is listed without one.
  const pem = [
    '-----BEGIN PUBLIC KEY-----',
    'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEsz9ugWDj5jK5ELBK42ynytbo38gP',
    'HzZFI03Exwz8Lh/tCfL3YxwMdLjB+bMznsanlhK0RwcGP3IDb34kQDIo3Q==',
    '-----END PUBLIC KEY-----',
  ].join('\n');
  const identifier = 'f9525bf080f75b3506ca1ead061add62b8633a346606dc5fe544e29231c6ee0d';
  const signature = 'MEUCIFLZzeK++IhS+y276SRk2Pe5LfDrfvTXu6iwKKcFGCrvAiEAhHN2kDOhy2I6eGkOFmxNkOJ+L2y8oQ9A2T9GGJo6WJY=';
  const body = '[{"token":"some_token","type":"some_type","url":"some_url","source":"some_source"}]';

  it.each([
    ['as published (no final newline)', pem, accepted],
    ['with a final newline', `${pem}\n`, accepted],
  ])('accepts the documented alert with the key listed %s', async (_name, listed, expected) => {
    const api = await startGitHubApi();
    api.publishSecretScanningKeys([{ key_identifier: identifier, key: listed, is_current: true }]);
    const { check } = checker([githubAt(api)]);
    expect(await check(body, { 'github-public-key-identifier': identifier, 'github-public-key-signature': signature })).toEqual(expected);
  });

  it('refuses the documented signature over a body changed by one byte', async () => {
    const api = await startGitHubApi();
    api.publishSecretScanningKeys([{ key_identifier: identifier, key: pem, is_current: true }]);
    const { check } = checker([githubAt(api)]);
    const changed = body.replace('some_token', 'some_tokem');
    expect(await check(changed, { 'github-public-key-identifier': identifier, 'github-public-key-signature': signature })).toEqual(refusedFor('bad-signature'));
  });
});

describe('the signature of an alert', () => {
  it('accepts an alert signed with the current key, fetching the list once for many alerts', async () => {
    const { signer, check, fetches } = await signedSetup();
    for (let i = 0; i < 5; i++) {
      const body = alertBody();
      expect(await check(body, signer.headers(body))).toEqual(accepted);
    }
    expect(fetches()).toBe(1);
  });

  it('accepts every alert that arrives while the first fetch of the list is under way, with one fetch', async () => {
    const { signer, check, fetches } = await signedSetup();
    const bodies = Array.from({ length: 20 }, () => alertBody());
    const results = await Promise.all(bodies.map((body) => check(body, signer.headers(body))));
    expect(results).toEqual(bodies.map(() => accepted));
    expect(fetches()).toBe(1);
  });

  it('takes the identifier in any case of hex', async () => {
    const { signer, check } = await signedSetup();
    const body = alertBody();
    const headers = signer.headers(body);
    expect(await check(body, { ...headers, 'github-public-key-identifier': signer.identifier.toUpperCase() })).toEqual(accepted);
  });

  it('reads the headers node:http gives for any case on the wire', async () => {
    const { signer, check } = await signedSetup();
    const body = alertBody();
    const seen: Array<Promise<unknown>> = [];
    const server = createServer((request, response) => {
      const parts: Buffer[] = [];
      request.on('data', (part: Buffer) => parts.push(part));
      request.on('end', () => {
        seen.push(check(Buffer.concat(parts), request.headers));
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const signed = signer.headers(body);
      const wire = { 'GITHUB-PUBLIC-KEY-IDENTIFIER': signed['github-public-key-identifier'] ?? '', 'Github-Public-Key-Signature': signed['github-public-key-signature'] ?? '' };
      await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body, headers: wire });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(await Promise.all(seen)).toEqual([accepted]);
  });

  it.each<[string, (body: string, signer: AlertSigner, other: AlertSigner) => { body: string | Buffer; headers: Record<string, string> }]>([
    ['a body changed after signing', (body, signer) => ({ body: `${body} `, headers: signer.headers(body) })],
    ['the JSON re-serialised (spacing changed)', (body, signer) => ({ body: JSON.stringify(JSON.parse(body) as unknown, null, 1), headers: signer.headers(body) })],
    ['signed by another key under this key’s identifier', (body, signer, other) => ({ body, headers: { ...signer.headers(body), 'github-public-key-signature': other.sign(body) } })],
    ['not base64', (body, signer) => ({ body, headers: { ...signer.headers(body), 'github-public-key-signature': 'not*base64!' } })],
    ['base64 of no DER sequence', (body, signer) => ({ body, headers: { ...signer.headers(body), 'github-public-key-signature': Buffer.from('hello, world').toString('base64') } })],
    ['far too long to be a signature', (body, signer) => ({ body, headers: { ...signer.headers(body), 'github-public-key-signature': 'A'.repeat(4096) } })],
    ['an empty body sent with another body’s signature', (body, signer) => ({ body: Buffer.alloc(0), headers: signer.headers(body) })],
  ])('refuses %s as a bad signature', async (_name, make) => {
    const { signer, check } = await signedSetup();
    const { body, headers } = make(alertBody(), signer, createAlertSigner());
    expect(await check(body, headers)).toEqual(refusedFor('bad-signature'));
  });

  it.each<[string, (headers: Record<string, string>) => Record<string, string | string[] | undefined>]>([
    ['no headers at all', () => ({})],
    ['the identifier only', (h) => ({ 'github-public-key-identifier': h['github-public-key-identifier'] })],
    ['the signature only', (h) => ({ 'github-public-key-signature': h['github-public-key-signature'] })],
    ['an empty identifier', (h) => ({ ...h, 'github-public-key-identifier': '' })],
    ['a blank signature', (h) => ({ ...h, 'github-public-key-signature': '   ' })],
    ['the identifier sent twice', (h) => ({ ...h, 'github-public-key-identifier': [h['github-public-key-identifier'] ?? '', h['github-public-key-identifier'] ?? ''] })],
    ['the headers of a discloser not configured', (h) => ({ 'x-other-key-identifier': h['github-public-key-identifier'], 'x-other-key-signature': h['github-public-key-signature'] })],
  ])('refuses %s as missing, asking nothing of GitHub', async (_name, headersFrom) => {
    const { signer, check, fetches } = await signedSetup();
    const body = alertBody();
    expect(await check(body, headersFrom(signer.headers(body)))).toEqual(refusedFor('missing'));
    expect(fetches()).toBe(0);
  });
});

describe('the identifier names the key it hashes', () => {
  it.each<[string, (signer: AlertSigner, other: AlertSigner) => Parameters<GitHubApi['publishSecretScanningKeys']>[0]]>([
    ['listed beside another key’s PEM', (signer, other) => [{ ...signer.entry(), key: other.pem }]],
    ['listed beside its PEM changed by a character', (signer) => [{ ...signer.entry(), key: signer.pem.replace('-----END', '\n-----END') }]],
    ['listed beside a P-384 key whose hash it is', (signer) => {
      const pem = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
      return [{ key_identifier: createHash('sha256').update(pem).digest('hex'), key: pem, is_current: true }, { ...signer.entry(), key: 'not a PEM' }];
    }],
    ['without is_current', (signer) => [{ key_identifier: signer.identifier, key: signer.pem } as never]],
  ])('refuses a key %s as unknown, and says why it was dropped', async (_name, list) => {
    const api = await startGitHubApi();
    const signer = createAlertSigner();
    api.publishSecretScanningKeys(list(signer, createAlertSigner()));
    const { check, problems } = checker([githubAt(api)]);
    const body = alertBody();
    expect(await check(body, signer.headers(body))).toEqual(refusedFor('unknown-key'));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(/^github: http:\/\/127\.0\.0\.1:\d+\/meta\/public_keys\/secret_scanning: public_keys\[0\]: /);
  });

  it('keeps the entries that pass when another is dropped', async () => {
    const api = await startGitHubApi();
    const [good, bad] = [createAlertSigner(), createAlertSigner()];
    api.publishSecretScanningKeys([{ ...bad.entry(), key: good.pem }, good.entry()]);
    const { check } = checker([githubAt(api)]);
    const body = alertBody();
    expect(await check(body, good.headers(body))).toEqual(accepted);
    expect(await check(body, bad.headers(body))).toEqual(refusedFor('unknown-key'));
  });
});

describe('rotation: keys no longer current', () => {
  const grace = 60 * minute;

  /** Sign with `old`, then rotate to a new key, `old` listed as not current from then on. */
  async function rotated() {
    const setup = await signedSetup({ graceMs: grace });
    const old = setup.signer;
    const body = alertBody();
    expect(await setup.check(body, old.headers(body))).toEqual(accepted);
    const next = createAlertSigner();
    setup.api.publishSecretScanningKeys([next.entry(), old.entry(false)]);
    return { ...setup, old, next };
  }

  it.each([
    ['just after the list shows it retired', 0, accepted],
    ['a moment before the grace period ends', grace - 1, accepted],
    ['once the grace period has passed', grace, refusedFor('unknown-key')],
    ['long after', 10 * grace, refusedFor('unknown-key')],
  ])('an alert signed with the old key %s', async (_name, afterRetired, expected) => {
    const { check, clock, old, next } = await rotated();
    // The first alert with the new key is what fetches the list that shows the old one retired.
    clock.now += 2 * minute;
    const first = alertBody();
    expect(await check(first, next.headers(first))).toEqual(accepted);
    clock.now += afterRetired;
    const body = alertBody();
    expect(await check(body, old.headers(body))).toEqual(expected);
  });

  it('counts the grace period from when the key was first seen retired, not from each fetch', async () => {
    const { check, clock, old, next, fetches } = await rotated();
    clock.now += 2 * minute;
    const first = alertBody();
    expect(await check(first, next.headers(first))).toEqual(accepted);
    // Fetched again and again while retired (the list is older than maxAge each time): the clock does not restart.
    for (let step = 0; step < 3; step++) {
      clock.now += 20 * minute;
      const body = alertBody();
      await check(body, next.headers(body));
    }
    expect(fetches()).toBe(3);
    clock.now += 1;
    const body = alertBody();
    expect(await check(body, old.headers(body))).toEqual(refusedFor('unknown-key'));
  });

  it('accepts a retired key within the grace period when the list is first read after the rotation', async () => {
    const api = await startGitHubApi();
    const [old, next] = [createAlertSigner(), createAlertSigner()];
    api.publishSecretScanningKeys([next.entry(), old.entry(false)]);
    const { check } = checker([githubAt(api)], { graceMs: grace });
    const body = alertBody();
    expect(await check(body, old.headers(body))).toEqual(accepted);
  });
});

describe('an identifier not in the list', () => {
  it('fetches the list again at most once a minute, however many alerts name unknown keys', async () => {
    const { signer, check, clock, fetches, api } = await signedSetup();
    const body = alertBody();
    expect(await check(body, signer.headers(body))).toEqual(accepted);
    expect(fetches()).toBe(1);

    const madeUp = (n: number) => ({ ...signer.headers(body), 'github-public-key-identifier': createHash('sha256').update(`made-up ${n}`).digest('hex') });
    const flood = async (from: number) => Promise.all(Array.from({ length: 200 }, (_, n) => check(body, madeUp(from + n))));

    clock.now += 30_000;
    expect(new Set((await flood(0)).map((result) => JSON.stringify(result)))).toEqual(new Set([JSON.stringify(refusedFor('unknown-key'))]));
    expect(fetches()).toBe(1);

    clock.now += 30_000; // a minute since the last fetch: one more, shared by every alert of the flood
    await flood(1000);
    expect(fetches()).toBe(2);

    clock.now += 59_999;
    await flood(2000);
    expect(fetches()).toBe(2);

    // A key published since is found by the first alert that names it once the minute is up.
    const next = createAlertSigner();
    api.publishSecretScanningKeys([signer.entry(), next.entry()]);
    clock.now += 1;
    expect(await check(body, next.headers(body))).toEqual(accepted);
    expect(fetches()).toBe(3);
  });

  it('keeps one minute per discloser: a flood on one does not hold back the other', async () => {
    const { github, depsDevApi, depsDevSigner, check } = await githubAndDepsDev();
    const body = alertBody();
    await Promise.all(Array.from({ length: 20 }, (_, n) => check(body, { ...github.signer.headers(body), 'github-public-key-identifier': `${n}`.padStart(64, 'f') })));
    expect(await check(body, depsDevSigner.headers(body, depsDevHeaders))).toEqual({ ok: true, discloser: 'deps.dev' });
    expect(github.api.requestsTo('GET', keyListPath)).toHaveLength(1);
    expect(depsDevApi.requestsTo('GET', '/depsdev/secret_scanning')).toHaveLength(1);
  });
});

describe('a second discloser (deps.dev’s protocol)', () => {
  it('checks GOSST headers against its own key list, and never against GitHub’s keys', async () => {
    const { github, depsDevSigner, check } = await githubAndDepsDev();
    const body = alertBody();
    expect(await check(body, depsDevSigner.headers(body, depsDevHeaders))).toEqual({ ok: true, discloser: 'deps.dev' });
    expect(await check(body, github.signer.headers(body, depsDevHeaders))).toEqual(refusedFor('unknown-key'));
    expect(await check(body, depsDevSigner.headers(body))).toEqual(refusedFor('unknown-key'));
    expect(await check(body, github.signer.headers(body))).toEqual(accepted);
  });

  it('takes header names configured in any case', async () => {
    const { depsDevApi, depsDevSigner } = await githubAndDepsDev();
    const shouted: Discloser = { name: 'deps.dev', identifierHeader: 'GOSST-PUBLIC-KEY-IDENTIFIER', signatureHeader: 'Gosst-Public-Key-Signature', keysUrl: `${depsDevApi.apiUrl}/depsdev/secret_scanning` };
    const { check } = checker([shouted]);
    const body = alertBody();
    expect(await check(body, depsDevSigner.headers(body, depsDevHeaders))).toEqual({ ok: true, discloser: 'deps.dev' });
  });

  it.each([
    ['at a plain-http address that is not loopback', 'http://keys.example/list', 'http://keys.example/list: http: is not allowed (https only; http only for loopback hosts)'],
    ['whose URL holds a password, never repeating it', 'https://user:hunter2-secret@keys.example/list', 'https://keys.example/list: credentials in the URL are not allowed'],
  ])('refuses a key list %s before anything is sent', async (_name, keysUrl, problem) => {
    const headers = { identifierHeader: 'x-id', signatureHeader: 'x-sig' };
    const { check, problems } = checker([{ name: 'elsewhere', ...headers, keysUrl }]);
    const signer = createAlertSigner();
    const body = alertBody();
    expect(await check(body, signer.headers(body, headers))).toEqual(refusedFor('keys-unavailable'));
    expect(problems).toEqual([`elsewhere: ${problem}`]);
  });
});

describe('the key list unavailable', () => {
  it.each<[string, (api: GitHubApi) => void]>([
    ['answers 500', (api) => api.override({ path: keyListPath }, { status: 500, body: { message: 'Server Error' } })],
    ['answers 404', (api) => api.fail({ path: keyListPath }, 404)],
    ['answers what is not JSON', (api) => api.override({ path: keyListPath }, { body: '<html>maintenance</html>' })],
    ['answers JSON without public_keys', (api) => api.override({ path: keyListPath }, { body: { keys: [] } })],
  ])('when GitHub %s: keys unavailable (not unknown: the alert may be good), and no second request within the minute', async (_name, breakIt) => {
    const { api, signer, check, fetches, problems, clock } = await signedSetup({ retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 } });
    breakIt(api);
    const body = alertBody();
    expect(await check(body, signer.headers(body))).toEqual(refusedFor('keys-unavailable'));
    clock.now += 59_000;
    expect(await check(body, signer.headers(body))).toEqual(refusedFor('keys-unavailable'));
    expect(fetches()).toBe(1);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^github: http:\/\/127\.0\.0\.1:\d+\/meta\/public_keys\/secret_scanning: /);
  });

  it('when nothing listens: keys unavailable, and the connection tried once a minute', async () => {
    const url = await closedPortUrl();
    const { check, problems, clock } = checker(defaultDisclosers({ GITHUB_API_URL: url }).slice(0, 1));
    const signer = createAlertSigner();
    const body = alertBody();
    for (let i = 0; i < 3; i++) expect(await check(body, signer.headers(body))).toEqual(refusedFor('keys-unavailable'));
    clock.now += minute;
    expect(await check(body, signer.headers(body))).toEqual(refusedFor('keys-unavailable'));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/connection failed/);
  });

  it('retries a 5xx as net/ does, then uses the list', async () => {
    const { api, signer, check, fetches } = await signedSetup();
    api.override({ path: keyListPath }, { status: 503, headers: { 'retry-after': '1' } }, 1);
    const body = alertBody();
    expect(await check(body, signer.headers(body))).toEqual(accepted);
    expect(fetches()).toBe(2);
  });

  it('keeps using the keys last read when a later fetch fails, and drops a key withdrawn once a fetch succeeds', async () => {
    const maxAge = 10 * minute;
    const { api, signer, check, clock, fetches } = await signedSetup({ maxAgeMs: maxAge, retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 } });
    const body = alertBody();
    expect(await check(body, signer.headers(body))).toEqual(accepted);

    api.override({ path: keyListPath }, { status: 502 }, 1);
    clock.now += maxAge;
    expect(await check(body, signer.headers(body))).toEqual(accepted);
    expect(fetches()).toBe(2);

    api.publishSecretScanningKeys([createAlertSigner().entry()]);
    clock.now += minute;
    expect(await check(body, signer.headers(body))).toEqual(refusedFor('unknown-key'));
    expect(fetches()).toBe(3);
  });
});
