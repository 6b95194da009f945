/**
 * Driving the real verifier (`createVerifier` + `fetchClient`) against stand-ins on
 * 127.0.0.1. Nothing here reads `process.env`: every base URL a test does not point at a
 * stand-in names port 9 on loopback, which refuses connections, so no key can leave.
 */
import { Secret } from '../../src/core/secret.js';
import { loadRuleFiles } from '../../src/rules/load.js';
import { fetchClient } from '../../src/net/http.js';
import { defaultRetryPolicy } from '../../src/net/retry.js';
import { createVerifier, type VerifierIO, type VerifySettings } from '../../src/verify/verifier.js';
import type { RecordedRequest } from '../helpers/providers.js';
import { prefixes, ruleIds, type KeyKind } from '../helpers/keys.js';

export { inFlight, recordingClient, timed } from '../net/doubles.js';

export const builtinRuleFiles = loadRuleFiles();

/** Where each kind of key is checked: which base URL variable, and the path under it. */
export const providerOf: Record<KeyKind, 'openrouter' | 'agentrouter' | 'tokenrouter'> = {
  openrouter: 'openrouter',
  agentrouter: 'agentrouter',
  tokenrouterLive: 'tokenrouter',
  tokenrouterTest: 'tokenrouter',
};

/** Refused loopback for everything a test does not set. */
export const nowhere = {
  OPENROUTER_BASE_URL: 'http://127.0.0.1:9/api/v1',
  TOKENROUTER_BASE_URL: 'http://127.0.0.1:9',
} as const;

/** The environment variables that point each provider at a stand-in with this origin. */
export function baseUrlEnv(provider: 'openrouter' | 'agentrouter' | 'tokenrouter', origin: string): Record<string, string> {
  if (provider === 'openrouter') return { OPENROUTER_BASE_URL: `${origin}/api/v1` };
  if (provider === 'agentrouter') return { AGENTROUTER_BASE_URL: origin };
  return { TOKENROUTER_BASE_URL: origin };
}

/** Quick retries for tests that do not measure the backoff itself. */
export const fastSettings: VerifySettings = { timeoutMs: 2_000, concurrency: 8, retry: { ...defaultRetryPolicy, baseDelayMs: 5 } };

export function verifierFor(env: Record<string, string>, settings: VerifySettings = fastSettings, io: Partial<VerifierIO> = {}) {
  return createVerifier(builtinRuleFiles, settings, { http: fetchClient, env: { ...nowhere, ...env }, ...io });
}

export const secretOf = (kind: KeyKind, raw: string) => new Secret(raw, prefixes[kind]);

/** Verify one raw key of `kind` with its own rule. */
export const check = (verifier: ReturnType<typeof verifierFor>, kind: KeyKind, raw: string) => verifier.verify(ruleIds[kind], secretOf(kind, raw));

/** Where a key went: the URL, every header other than Authorization, and the body must not hold it. */
export function keyOutsideAuthorization(request: RecordedRequest, raw: string): string[] {
  const places: string[] = [];
  if (decodeURIComponent(request.url).includes(raw)) places.push('url');
  if (request.body.includes(raw)) places.push('body');
  for (const [name, value] of Object.entries(request.headers)) {
    if (name !== 'authorization' && String(value).includes(raw)) places.push(`header ${name}`);
  }
  return places;
}
