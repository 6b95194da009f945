/**
 * The pure parts of `serve`: an alert's body read once (what is a 400), the place an alert's url
 * names (what the issue and links use), and the label each token's feedback gets from what the
 * store knows (SPEC §6: true_positive for a key that is live, or was live and is revoked now).
 */
import { describe, expect, it } from 'vitest';
import { leakPlaceOf, parseAlert } from '../../src/serve/alert.js';
import { isSettled, labelOf } from '../../src/serve/feedback.js';
import { worthTelling } from '../../src/serve/notify-leaks.js';
import type { TokenStatus } from '../../src/serve/store.js';

const item = { token: 'x', type: 't', url: 'https://github.com/a/b', source: 'content' };

describe('parseAlert', () => {
  it.each([
    ['', 'the body is not JSON'],
    ['{', 'the body is not JSON'],
    ['{"token":"x"}', 'the body is not a JSON array'],
    ['"[]"', 'the body is not a JSON array'],
    ['[1]', 'item 0 is not an object with string token, type, url and source'],
    [JSON.stringify([item, { ...item, url: 3 }]), 'item 1 is not an object'],
    [JSON.stringify([{ ...item, token: '' }]), 'item 0 is not an object'],
    [JSON.stringify([[item]]), 'item 0 is not an object'],
  ])('%j is refused: %s', (body, problem) => {
    const parsed = parseAlert(Buffer.from(body));
    expect('problem' in parsed && parsed.problem).toContain(problem);
  });

  it('keeps the four fields of each item and drops the rest', () => {
    expect(parseAlert(Buffer.from(JSON.stringify([{ ...item, extra: 1 }])))).toEqual({ tokens: [item] });
    expect(parseAlert(Buffer.from('[]'))).toEqual({ tokens: [] });
  });
});

describe('leakPlaceOf', () => {
  it.each([
    ['https://github.com/acme/widgets/blob/0123456789abcdef0123456789abcdef01234567/src/a%20b.js', { repository: 'acme/widgets', commit: '0123456789abcdef0123456789abcdef01234567', path: 'src/a b.js' }],
    ['https://github.com/acme/widgets/issues/3', { repository: 'acme/widgets' }],
    ['https://github.com/acme/widgets/blob/main/a.js', { repository: 'acme/widgets' }],
    ['https://github.com/acme', undefined],
    ['http://github.com/acme/widgets', undefined],
    ['not a url', undefined],
    ['https://github.com/-bad/widgets', undefined],
  ])('%s', (url, place) => {
    expect(leakPlaceOf(url)).toEqual(place);
  });
});

describe('feedback labels', () => {
  const base: TokenStatus = { hash: 'h', ruleId: 'openrouter.api-key', state: 'checked', verification: 'live', revocation: null, wasLive: true };
  it.each<[string, TokenStatus | undefined, string, boolean]>([
    ['no rule matches', { ...base, ruleId: null, state: 'done', verification: null, wasLive: false }, 'false_positive', true],
    ['live', base, 'true_positive', true],
    ['was live, revoked now', { ...base, verification: 'invalid', revocation: 'revoked' }, 'true_positive', true],
    ['revoked before a restart (invalid now, seen live)', { ...base, verification: 'invalid', revocation: 'already-revoked' }, 'true_positive', true],
    ['invalid, never seen live', { ...base, verification: 'invalid', revocation: 'already-revoked', wasLive: false }, 'false_positive', true],
    ['still being checked', { ...base, state: 'pending', verification: null, wasLive: false }, 'true_positive', false],
    ['could not tell (unknown), retried later', { ...base, state: 'pending', verification: 'unknown', wasLive: false }, 'true_positive', false],
    ['could not tell after every attempt', { ...base, state: 'checked', verification: 'unknown', wasLive: false }, 'true_positive', true],
    ['seen live while its revocation runs', { ...base, state: 'pending', verification: null, wasLive: true }, 'true_positive', true],
  ])('%s → %s', (_name, status, label, settled) => {
    expect(labelOf(status)).toBe(label);
    expect(isSettled(status)).toBe(settled);
  });
});

describe('which keys are told', () => {
  const verification = (status: 'live' | 'invalid' | 'unknown') => ({ status, detail: {} });
  it.each([
    ['live, revoked', { verification: verification('live'), revocation: 'revoked' as const }, true],
    ['live, on another account', { verification: verification('live'), revocation: 'not-found' as const }, true],
    ['live, not revoked (no --revoke)', { verification: verification('live') }, true],
    ['could not tell', { verification: verification('unknown') }, true],
    ['invalid', { verification: verification('invalid') }, false],
    ['invalid, so already-revoked with --revoke', { verification: verification('invalid'), revocation: 'already-revoked' as const }, false],
  ])('%s → %s', (_name, finding, told) => {
    expect(worthTelling(finding)).toBe(told);
  });
});
