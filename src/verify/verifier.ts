import { createRequire } from 'node:module';
import type { Secret } from '../core/secret.js';
import { createAnswerCache } from '../net/cache.js';
import type { HttpRequest } from '../net/http.js';
import { concurrencyLimit, type TaskLimit } from '../net/limit.js';
import { createPinnedClient, type NetIO, type PinnedClient } from '../net/pinned.js';
import { defaultRetryPolicy, type RetryPolicy } from '../net/retry.js';
import { requestUrl } from '../net/url.js';
import type { LoadedRuleFile, VerifySpec } from '../rules/schema.js';
import { classifyResponse, type Classified } from './classify.js';
import { resolveEndpoint, type Endpoint } from './endpoint.js';

/**
 * How long answers are kept, so that a long-running process (`serve`, `logs --follow`)
 * neither grows without bound nor trusts an old answer for ever.
 */
export interface VerifyCacheSettings {
  /** Answers kept at most; the least recently used goes first. */
  maxEntries: number;
  /** How long a `live` or `invalid` answer is reused, in ms. */
  ttlMs: number;
  /** How long an `unknown` answer is reused, in ms: shorter, so a key is asked again soon after a provider's outage. */
  unknownTtlMs: number;
}

export const defaultVerifyCacheSettings: VerifyCacheSettings = { maxEntries: 10_000, ttlMs: 10 * 60_000, unknownTtlMs: 60_000 };

/** How live checks run (SPEC §5). */
export interface VerifySettings {
  /** Per request, in ms. */
  timeoutMs: number;
  /** Requests in flight at once. */
  concurrency: number;
  retry: RetryPolicy;
  /** Fields left out take `defaultVerifyCacheSettings`'. */
  cache?: Partial<VerifyCacheSettings>;
  /** A limit shared with other clients (revoke's management requests); default one of `concurrency` for this verifier alone. */
  limit?: TaskLimit;
}

export const defaultVerifySettings: VerifySettings = { timeoutMs: 10_000, concurrency: 8, retry: defaultRetryPolicy, cache: defaultVerifyCacheSettings };

/** The outside world the verifier talks to, passed in so tests can drive it. */
export interface VerifierIO extends NetIO {
  /** Where base URLs come from: the process environment, never a file. */
  env: NodeJS.ProcessEnv;
  /** Epoch ms: `Retry-After` dates and the answer cache's time-to-live. */
  now?: () => number;
}

export interface Verifier {
  /**
   * Check a key with the live check of the rule that matched it, and so only with that
   * rule's provider. A key (per rule file) is asked once while its answer is fresh (see
   * `VerifyCacheSettings`); concurrent calls share the one request in flight.
   */
  verify(ruleId: string, secret: Secret): Promise<Classified>;
}

/** Where a rule file's checks go: its base URL and a client pinned to its hosts, or why nowhere. */
type Target = { kind: 'ready'; baseUrl: URL; client: PinnedClient } | { kind: 'unset'; reason: string };

interface RuleCheck {
  /** The rule file the rule came from: its target, and the scope of the answer cache. */
  ruleFile: string;
  spec?: VerifySpec;
  target: Target;
}

/** Put the key where the template says `{key}`: headers and body only (the schema keeps it out of paths). */
function fillTemplate(spec: VerifySpec, baseUrl: URL, key: string): HttpRequest {
  const fill = (text: string) => text.replaceAll('{key}', key);
  const headers = Object.fromEntries(Object.entries(spec.request.headers ?? {}).map(([name, value]) => [name, fill(value)]));
  const { body } = spec.request;
  const request: HttpRequest = { method: spec.request.method, url: requestUrl(baseUrl, spec.request.path), headers };
  if (body !== undefined) {
    request.body = typeof body === 'string' ? fill(body) : JSON.stringify(body, (_name, value: unknown) => (typeof value === 'string' ? fill(value) : value));
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  }
  return request;
}

/**
 * The detail comes from the provider's answer, and reports print it: a provider that echoes
 * the key back (in `label`, say), even upper-cased, without its prefix or base64-encoded, must
 * not put the key into a report (SPEC §3). The reason is scrubbed too, whatever wrote it.
 */
function withoutKey(classified: Classified, secret: Secret): Classified {
  const { verification } = classified;
  const detail = Object.fromEntries(Object.entries(verification.detail).map(([name, value]) => [name, typeof value === 'string' ? secret.maskIn(value) : value]));
  return { ...classified, verification: { ...verification, detail, ...(verification.reason !== undefined ? { reason: secret.maskIn(verification.reason) } : {}) } };
}

/** node:crypto, loaded on the first check rather than at start-up (~8 ms of every run otherwise). */
let nodeCrypto: typeof import('node:crypto') | undefined;

/**
 * The cache's key: a digest, so a long-lived cache does not hold every key it has seen in
 * the clear. Per rule file, not per provider name: two files may name one provider with
 * different endpoints.
 */
function cacheKey(ruleFile: string, secret: Secret): string {
  nodeCrypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return nodeCrypto.createHash('sha256').update(`${ruleFile}\0${secret.reveal()}`).digest('hex');
}

const unknownAnswer = (reason: string): Classified => ({ verification: { status: 'unknown', detail: {}, reason } });

/**
 * Build a verifier for these rule files. Each provider's base URL is resolved now, so a
 * refused `*_BASE_URL` fails the run before any key is sent (a UsageError).
 */
export function createVerifier(ruleFiles: readonly LoadedRuleFile[], settings: VerifySettings, io: VerifierIO): Verifier {
  // One limit for every provider: --verify-concurrency bounds the run, not each provider.
  const limit = settings.limit ?? concurrencyLimit(settings.concurrency);
  const checks = new Map<string, RuleCheck>();
  for (const file of ruleFiles) {
    const needsEndpoint = file.data.rules.some((rule) => rule.verify);
    const endpoint: Endpoint = needsEndpoint ? resolveEndpoint(file, io.env) : { kind: 'unset', reason: 'no live check declared' };
    const target: Target =
      endpoint.kind === 'ready'
        ? { kind: 'ready', baseUrl: endpoint.baseUrl, client: createPinnedClient({ allowedHosts: endpoint.allowedHosts, timeoutMs: settings.timeoutMs, retry: settings.retry, limit }, io) }
        : endpoint;
    for (const rule of file.data.rules) {
      checks.set(rule.id, { ruleFile: file.file, target, ...(rule.verify ? { spec: rule.verify } : {}) });
    }
  }
  const cache = { ...defaultVerifyCacheSettings, ...settings.cache };
  const answers = createAnswerCache<Classified>({
    maxEntries: cache.maxEntries,
    ttlMs: (answer) => (answer.verification.status === 'unknown' ? cache.unknownTtlMs : cache.ttlMs),
    now: io.now ?? Date.now,
  });

  async function ask(spec: VerifySpec, { baseUrl, client }: Extract<Target, { kind: 'ready' }>, secret: Secret): Promise<Classified> {
    // The base URL passed the pin when it was resolved; the client checks the final URL again, in case a path template moved it.
    const outcome = await client(fillTemplate(spec, baseUrl, secret.reveal()));
    if (outcome.kind === 'refused') return withoutKey(unknownAnswer(outcome.reason), secret);
    if (outcome.kind === 'failure') return withoutKey(unknownAnswer(outcome.message), secret);
    return withoutKey(classifyResponse(spec, outcome.status, outcome.body), secret);
  }

  return {
    verify(ruleId, secret) {
      const check = checks.get(ruleId);
      // Only the redacted form is known (a report read back without its key): nothing to send.
      if (!secret.known) return Promise.resolve({ verification: { status: 'skipped', detail: {}, reason: 'the key itself is not known, only its redacted form' } });
      if (!check?.spec) return Promise.resolve({ verification: { status: 'skipped', detail: {}, reason: `no live check for ${ruleId}` } });
      const { spec, target } = check;
      if (target.kind === 'unset') return Promise.resolve({ verification: { status: 'skipped', detail: {}, reason: target.reason } });
      return answers.getOrAsk(cacheKey(check.ruleFile, secret), () => ask(spec, target, secret));
    },
  };
}
