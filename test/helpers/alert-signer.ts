/**
 * Signed secret-scanning alerts for tests, as GitHub (or deps.dev) sends them: a fresh ECDSA
 * P-256 key pair per signer, published in the GitHub stand-in's
 * `GET /meta/public_keys/secret_scanning`, and the signature headers for any body.
 *
 * ```ts
 * const { api, signer } = await startSigningGitHub();          // GITHUB_API_URL = api.apiUrl
 * const body = JSON.stringify([{ token, type: 'openrouter_api_key', url, source: 'content' }]);
 * await fetch(endpoint, { method: 'POST', body, headers: { 'content-type': 'application/json', ...signer.headers(body) } });
 * // rotate: a new current key, the old one still listed but no longer current
 * const next = createAlertSigner();
 * api.publishSecretScanningKeys([next.entry(), signer.entry(false)]);
 * ```
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import type { Discloser } from '../../src/serve/disclosers.js';
import { startGitHubApi, type GitHubApi, type GitHubApiOptions, type SecretScanningKey } from './github-api.js';

/** The headers of one discloser: GitHub's unless told otherwise. */
export type SignatureHeaders = Pick<Discloser, 'identifierHeader' | 'signatureHeader'>;

export const githubHeaders: SignatureHeaders = { identifierHeader: 'github-public-key-identifier', signatureHeader: 'github-public-key-signature' };
export const depsDevHeaders: SignatureHeaders = { identifierHeader: 'gosst-public-key-identifier', signatureHeader: 'gosst-public-key-signature' };

export interface AlertSigner {
  /** The public key's PEM as GitHub publishes it: no final newline. */
  readonly pem: string;
  /** GitHub's `key_identifier`: the SHA-256 hex of the PEM text with its final newline. */
  readonly identifier: string;
  /** Base64 of the DER ECDSA signature over the SHA-256 of the body's bytes (UTF-8 for a string). */
  sign(body: string | Buffer): string;
  /** The identifier and signature headers for `body` (lower-case names, as node:http gives them). */
  headers(body: string | Buffer, discloser?: SignatureHeaders): Record<string, string>;
  /** This key as an entry of a published key list. Default current. */
  entry(isCurrent?: boolean): SecretScanningKey;
}

/** A signer with a fresh P-256 key pair. */
export function createAlertSigner(): AlertSigner {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const exported = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const pem = exported.trimEnd();
  const identifier = createHash('sha256').update(`${pem}\n`).digest('hex');
  const signer: AlertSigner = {
    pem,
    identifier,
    sign: (body) => sign('sha256', typeof body === 'string' ? Buffer.from(body, 'utf8') : body, { key: privateKey, dsaEncoding: 'der' }).toString('base64'),
    headers: (body, discloser = githubHeaders) => ({ [discloser.identifierHeader]: identifier, [discloser.signatureHeader]: signer.sign(body) }),
    entry: (isCurrent = true) => ({ key_identifier: identifier, key: pem, is_current: isCurrent }),
  };
  return signer;
}

/**
 * A GitHub stand-in that publishes one fresh current signing key: point `GITHUB_API_URL` at
 * `api.apiUrl` (or use `env`) and sign alerts with `signer`. Closed after the test.
 */
export async function startSigningGitHub(options: GitHubApiOptions = {}): Promise<{ api: GitHubApi; signer: AlertSigner; env: { GITHUB_API_URL: string } }> {
  const api = await startGitHubApi(options);
  const signer = createAlertSigner();
  api.publishSecretScanningKeys([signer.entry()]);
  return { api, signer, env: { GITHUB_API_URL: api.apiUrl } };
}
