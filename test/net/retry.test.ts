/** When to ask again after a 429 or 5xx (SPEC §5): Retry-After first, else backoff with jitter. */
import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, isRetryable, nextDelayMs, retryAfterMs } from '../../src/net/retry.js';

const now = Date.UTC(2026, 10, 24, 12, 0, 0);

describe('retryAfterMs', () => {
  it.each([
    ['0', 0],
    ['1', 1_000],
    [' 2 ', 2_000],
    ['1.5', 1_500],
    ['120', 120_000],
    // The HTTP-date form, in all three formats RFC 9110 asks recipients to read.
    ['Tue, 24 Nov 2026 12:00:05 GMT', 5_000],
    ['Tuesday, 24-Nov-26 12:00:05 GMT', 5_000],
    ['Tue Nov 24 12:00:05 2026', 5_000],
    // A date already past means "now".
    ['Tue, 24 Nov 2026 11:59:00 GMT', 0],
  ])('reads %j as %i ms', (header, expected) => {
    expect(retryAfterMs(header, now)).toBe(expected);
  });

  it.each([
    ['absent', null],
    ['empty', ''],
    ['words', 'soon'],
    ['negative seconds', '-1'],
    ['a bare year-ish number with a sign', '-5'],
    ['two numbers', '1 2'],
    ['a date without a time of day', '2026-11-25'],
  ])('is undefined when %s, so the backoff applies', (_name, header) => {
    expect(retryAfterMs(header, now)).toBeUndefined();
  });
});

describe('nextDelayMs', () => {
  const policy = defaultRetryPolicy;

  it('allows three attempts in all by default', () => {
    expect(policy.attempts).toBe(3);
    expect(nextDelayMs(policy, 1, 0, () => 0.5)).toBe(0);
    expect(nextDelayMs(policy, 2, 0, () => 0.5)).toBe(0);
    expect(nextDelayMs(policy, 3, 0, () => 0.5)).toBeUndefined();
  });

  it('honours Retry-After exactly, without jitter', () => {
    expect(nextDelayMs(policy, 1, 1_000, () => 0)).toBe(1_000);
    expect(nextDelayMs(policy, 2, 2_500, () => 1)).toBe(2_500);
  });

  it('gives up (unknown) rather than stall when Retry-After asks for more than the cap', () => {
    expect(nextDelayMs(policy, 1, policy.maxDelayMs, () => 0)).toBe(policy.maxDelayMs);
    expect(nextDelayMs(policy, 1, policy.maxDelayMs + 1, () => 0)).toBeUndefined();
  });

  it.each([
    [1, 0, 250],
    [1, 1, 500],
    [2, 0, 500],
    [2, 1, 1_000],
  ])('backs off 500 ms × 2^(n-1), jittered between half and all of it: attempt %i, random %d → %i ms', (attempt, random, expected) => {
    expect(nextDelayMs(policy, attempt, undefined, () => random)).toBe(expected);
  });

  it('never backs off beyond the cap', () => {
    expect(nextDelayMs({ attempts: 20, baseDelayMs: 500, maxDelayMs: 30_000 }, 10, undefined, () => 1)).toBe(30_000);
  });
});

describe('isRetryable', () => {
  it.each([
    [429, true],
    [500, true],
    [503, true],
    [599, true],
    [200, false],
    [401, false],
    [403, false],
    [404, false],
    [408, false],
  ])('%i → %s', (status, expected) => {
    expect(isRetryable(status)).toBe(expected);
  });
});
