import type { Secret } from '../core/secret.js';
import type { LoadedRuleFile, VerifySpec } from '../rules/schema.js';
import { classifyResponse, isRetryable, type Classified } from './classify.js';
import { refusal, requestUrl, resolveEndpoint, type Endpoint } from './endpoint.js';
import type { HttpClient, HttpRequest } from './http.js';
import { concurrencyLimit } from '../net/limit.js';
import { defaultRetryPolicy, nextDelayMs, retryAfterMs, type RetryPolicy } from '../net/retry.js';

/** How live checks run (SPEC §5). */
export interface VerifySettings {
  /** Per request, in ms. */
  timeoutMs: number;
  /** Requests in flight at once. */
  concurrency: number;
  retry: RetryPolicy;
}

export const defaultVerifySettings: VerifySettings = { timeoutMs: 10_000, concurrency: 8, retry: defaultRetryPolicy };

/** The outside world the verifier talks to, passed in so tests can drive it. */
export interface VerifierIO {
  http: HttpClient;
  /** Where base URLs come from: the process environment, never a file. */
  env: NodeJS.ProcessEnv;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface Verifier {
  /**
   * Check a key with the live check of the rule that matched it, and so only with that
   * rule's provider. Each key is asked once per verifier (and rule file); repeated calls,
   * concurrent ones included, share the first call's answer.
   */
  verify(ruleId: string, secret: Secret): Promise<Classified>;
}

interface RuleCheck {
  /** The rule file the rule came from: its endpoint, and the scope of the answer cache. */
  ruleFile: string;
  spec?: VerifySpec;
  endpoint: Endpoint;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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
 * the key back (in `label`, say) must not put the raw key into a report (SPEC §3).
 */
function withoutKey(classified: Classified, secret: Secret): Classified {
  const raw = secret.reveal();
  const detail = Object.fromEntries(
    Object.entries(classified.verification.detail).map(([name, value]) => [name, typeof value === 'string' ? value.replaceAll(raw, secret.redacted) : value]),
  );
  return { ...classified, verification: { ...classified.verification, detail } };
}

/**
 * Build a verifier for these rule files. Each provider's base URL is resolved now, so a
 * refused `*_BASE_URL` fails the run before any key is sent (a UsageError).
 */
export function createVerifier(ruleFiles: readonly LoadedRuleFile[], settings: VerifySettings, io: VerifierIO): Verifier {
  const checks = new Map<string, RuleCheck>();
  for (const file of ruleFiles) {
    const needsEndpoint = file.data.rules.some((rule) => rule.verify);
    const endpoint: Endpoint = needsEndpoint ? resolveEndpoint(file, io.env) : { kind: 'unset', reason: 'no live check declared' };
    for (const rule of file.data.rules) {
      checks.set(rule.id, { ruleFile: file.file, endpoint, ...(rule.verify ? { spec: rule.verify } : {}) });
    }
  }
  const limit = concurrencyLimit(settings.concurrency);
  const answers = new Map<string, Promise<Classified>>();
  const sleep = io.sleep ?? sleepFor;
  const random = io.random ?? Math.random;
  const now = io.now ?? Date.now;

  async function ask(spec: VerifySpec, endpoint: Extract<Endpoint, { kind: 'ready' }>, secret: Secret): Promise<Classified> {
    const request = fillTemplate(spec, endpoint.baseUrl, secret.reveal());
    // The endpoint was checked when resolved; check the final URL too, in case a path template moved it.
    const refused = refusal(request.url, endpoint.allowedHosts);
    if (refused) return { verification: { status: 'unknown', detail: {}, reason: refused } };
    for (let attempt = 1; ; attempt++) {
      const outcome = await io.http(request, settings.timeoutMs);
      if (outcome.kind === 'failure') return { verification: { status: 'unknown', detail: {}, reason: outcome.message } };
      if (isRetryable(outcome.status)) {
        const delay = nextDelayMs(settings.retry, attempt, retryAfterMs(outcome.headers.get('retry-after'), now()), random);
        if (delay !== undefined) {
          await sleep(delay);
          continue;
        }
      }
      return withoutKey(classifyResponse(spec, outcome.status, outcome.body), secret);
    }
  }

  return {
    verify(ruleId, secret) {
      const check = checks.get(ruleId);
      // Only the redacted form is known (a report read back without its key): nothing to send.
      if (!secret.known) return Promise.resolve({ verification: { status: 'skipped', detail: {}, reason: 'the key itself is not known, only its redacted form' } });
      if (!check?.spec) return Promise.resolve({ verification: { status: 'skipped', detail: {}, reason: `no live check for ${ruleId}` } });
      const { spec, endpoint } = check;
      if (endpoint.kind === 'unset') return Promise.resolve({ verification: { status: 'skipped', detail: {}, reason: endpoint.reason } });
      // Per rule file, not per provider name: two files may name one provider with different endpoints.
      const cacheKey = `${check.ruleFile}\0${secret.reveal()}`;
      let answer = answers.get(cacheKey);
      if (!answer) {
        answer = limit(() => ask(spec, endpoint, secret));
        answers.set(cacheKey, answer);
      }
      return answer;
    },
  };
}
