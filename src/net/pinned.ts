import { defaultMaxBodyBytes, type HttpClient, type HttpOutcome, type HttpRequest } from './http.js';
import type { TaskLimit } from './limit.js';
import { refusal } from './pin.js';
import { defaultRetryPolicy, gitHubRateLimitWaitMs, isRetryable, nextDelayMs, retryAfterMs, type RetryPolicy } from './retry.js';

/**
 * The one way keywarden sends a credential anywhere: verify (a key's live check), revoke
 * (PATCH/DELETE with a management key), notify (a webhook POST) and serve (GitHub's public
 * keys) all go through a pinned client, so the rules on where a credential may go, how long
 * to wait and when to ask again are written once.
 */

/** Where requests may go and how each one is bounded. */
export interface PinPolicy {
  /** Hostnames requests may go to, matched exactly and case-insensitively; loopback always may. */
  allowedHosts: Iterable<string>;
  /** Per attempt, redirects and body included, in ms. */
  timeoutMs: number;
  /** Retries on 429 and 5xx; default `defaultRetryPolicy` (3 attempts in all). */
  retry?: RetryPolicy;
  /** Default body cap, in bytes (1 MiB); a call may set its own. */
  maxBodyBytes?: number;
  /**
   * Ask again after GitHub's rate-limit answers (a 403 or 429 with `Retry-After`, or with
   * `x-ratelimit-remaining: 0` until `x-ratelimit-reset`), within `retry.maxDelayMs`. Only for
   * GitHub's API: elsewhere a 403 is a refusal, handed back at once.
   */
  githubRateLimits?: boolean;
  /**
   * Bounds requests in flight, retries and their waits included. Pass one
   * `concurrencyLimit(n)` to several clients to bound them together; none means unbounded.
   */
  limit?: TaskLimit;
}

/** The outside world, passed in so tests can drive it. */
export interface NetIO {
  http: HttpClient;
  /** Default: a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1), for the backoff's jitter. Default: Math.random. */
  random?: () => number;
  /** Epoch ms, to read a `Retry-After` date. Default: Date.now. */
  now?: () => number;
}

export type PinnedOutcome =
  | HttpOutcome
  /** The URL is not within the pin: nothing was sent. */
  | { kind: 'refused'; reason: string };

export interface PinnedCallOptions {
  /** This call's body cap, in bytes, instead of the policy's. */
  maxBodyBytes?: number;
}

/**
 * Send one request within the pin. A 429 or 5xx is asked again after the wait the server
 * names in `Retry-After` (seconds or an HTTP date), else after a jittered exponential
 * backoff; once attempts run out, or the server asks for more than `retry.maxDelayMs`, that
 * last answer is returned. A failure (timeout, refused connection, a redirect to another
 * origin, a body over the cap) is returned at once, not retried. Never throws for the network.
 */
export type PinnedClient = (request: HttpRequest, options?: PinnedCallOptions) => Promise<PinnedOutcome>;

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const unlimited: TaskLimit = (task) => task();

export function createPinnedClient(policy: PinPolicy, io: NetIO): PinnedClient {
  const allowedHosts: ReadonlySet<string> = new Set([...policy.allowedHosts].map((host) => host.toLowerCase()));
  const retry = policy.retry ?? defaultRetryPolicy;
  const limit = policy.limit ?? unlimited;
  const sleep = io.sleep ?? sleepFor;
  const random = io.random ?? Math.random;
  const now = io.now ?? Date.now;

  return async (request, options = {}) => {
    const refused = refusal(request.url, allowedHosts);
    if (refused) return { kind: 'refused', reason: refused };
    const limits = { timeoutMs: policy.timeoutMs, maxBodyBytes: options.maxBodyBytes ?? policy.maxBodyBytes ?? defaultMaxBodyBytes };
    return limit(async () => {
      for (let attempt = 1; ; attempt++) {
        const outcome = await io.http(request, limits);
        if (outcome.kind === 'failure') return outcome;
        const rateLimited = policy.githubRateLimits ? gitHubRateLimitWaitMs(outcome.status, outcome.headers, now()) : undefined;
        if (!isRetryable(outcome.status) && rateLimited === undefined) return outcome;
        const delay = nextDelayMs(retry, attempt, rateLimited ?? retryAfterMs(outcome.headers.get('retry-after'), now()), random);
        if (delay === undefined) return outcome;
        await sleep(delay);
      }
    });
  };
}
