/**
 * How long to wait before asking again after a 429 or 5xx. Pure: the clock is passed in.
 * `Retry-After` wins when the provider sends it (seconds, or an HTTP date); otherwise
 * exponential backoff with jitter so that parallel checks do not retry in step.
 */

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** First backoff, in ms; doubled each time. */
  baseDelayMs: number;
  /** A server asking for a longer pause than this gets no retry: its answer is returned (the verifier calls it `unknown`) instead of stalling the run. */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 3, baseDelayMs: 500, maxDelayMs: 30_000 };

/** Whether a status is worth asking again: rate limits and server errors. */
export function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

/** `Retry-After` in ms (never negative), or undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Every HTTP-date form has a time of day; without this, Date.parse's leniency reads
  // `-1` or `1 2` as dates in the past (retry at once) or `2026-11-25` as hours away (give up).
  if (!/[A-Za-z]/.test(text) || !/\b\d{2}:\d{2}:\d{2}\b/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * The wait before attempt `attempt + 1` (attempt counts from 1), or undefined when the
 * caller should stop: attempts used up, or the provider asks for more than `maxDelayMs`.
 */
export function nextDelayMs(policy: RetryPolicy, attempt: number, retryAfter: number | undefined, random: () => number): number | undefined {
  if (attempt >= policy.attempts) return undefined;
  if (retryAfter !== undefined) return retryAfter <= policy.maxDelayMs ? retryAfter : undefined;
  const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(policy.maxDelayMs, backoff / 2 + random() * (backoff / 2));
}

/**
 * GitHub's rate-limit answers, which come as 403 as often as 429: a secondary limit names its
 * wait in `Retry-After`; the primary limit says `x-ratelimit-remaining: 0` and the epoch second
 * of `x-ratelimit-reset` (waited for, and a second more: the reset is rounded down). The wait in
 * ms, or undefined for a 403 that is a refusal, not a limit.
 */
export function gitHubRateLimitWaitMs(status: number, headers: Headers, nowMs: number): number | undefined {
  if (status !== 403 && status !== 429) return undefined;
  const retryAfter = retryAfterMs(headers.get('retry-after'), nowMs);
  if (retryAfter !== undefined) return retryAfter;
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (headers.get('x-ratelimit-remaining') !== '0' || !Number.isFinite(reset) || reset <= 0) return undefined;
  return Math.max(0, reset * 1000 - nowMs) + 1000;
}
