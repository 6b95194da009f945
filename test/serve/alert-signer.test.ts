/**
 * The test helper that signs alerts (test/helpers/alert-signer.ts) and the GitHub stand-in's
 * key list, checked with node:crypto alone so that a mistake in them cannot hide one in
 * src/serve/ (which the serve tests check against them).
 */
import { createHash, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAlertSigner, depsDevHeaders, startSigningGitHub } from '../helpers/alert-signer.js';

describe('alert signer', () => {
  it('signs the raw bytes with P-256 as GitHub does: base64 DER, identifier the SHA-256 of the PEM with its final newline', () => {
    const signer = createAlertSigner();
    const body = '[{"token":"t","type":"x","url":"u","source":"content"}]';
    const signature = Buffer.from(signer.sign(body), 'base64');
    expect(signature[0]).toBe(0x30); // a DER SEQUENCE, not the 64-byte r‖s form
    expect(verify('sha256', Buffer.from(body), { key: signer.pem, dsaEncoding: 'der' }, signature)).toBe(true);
    expect(verify('sha256', Buffer.from(`${body} `), { key: signer.pem, dsaEncoding: 'der' }, signature)).toBe(false);
    expect(signer.pem.endsWith('-----END PUBLIC KEY-----')).toBe(true);
    expect(signer.identifier).toBe(createHash('sha256').update(`${signer.pem}\n`).digest('hex'));
  });

  it('names the headers of the discloser asked for', () => {
    const signer = createAlertSigner();
    expect(Object.keys(signer.headers('[]'))).toEqual(['github-public-key-identifier', 'github-public-key-signature']);
    expect(Object.keys(signer.headers('[]', depsDevHeaders))).toEqual(['gosst-public-key-identifier', 'gosst-public-key-signature']);
  });

  it('is published by the GitHub stand-in without a token, and replaced by the next list', async () => {
    const { api, signer, env } = await startSigningGitHub();
    const list = async () => (await (await fetch(`${env.GITHUB_API_URL}/meta/public_keys/secret_scanning`)).json()) as unknown;
    expect(await list()).toEqual({ public_keys: [{ key_identifier: signer.identifier, key: signer.pem, is_current: true }] });
    const next = createAlertSigner();
    api.publishSecretScanningKeys([next.entry(), signer.entry(false)]);
    expect(await list()).toEqual({ public_keys: [next.entry(), { ...signer.entry(), is_current: false }] });
  });
});
