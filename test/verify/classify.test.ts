/**
 * Turning one final answer into live / invalid / unknown, as each built-in rule declares
 * it. Pure. The one mistake that must never happen: calling a key invalid on an answer
 * that is not the provider's own "bad key" answer.
 */
import { describe, expect, it } from 'vitest';
import type { VerifySpec } from '../../src/rules/schema.js';
import { classifyResponse, valueAt } from '../../src/verify/classify.js';
import { keyFactory, ruleIds, type KeyKind } from '../helpers/keys.js';
import { openRouterKeyInfo } from '../helpers/providers.js';
import { builtinRuleFiles } from './harness.js';

const keys = keyFactory(4_0405);

function specOf(kind: KeyKind): VerifySpec {
  const rule = builtinRuleFiles.flatMap((file) => file.data.rules).find((r) => r.id === ruleIds[kind]);
  if (!rule?.verify) throw new Error(`no verify spec for ${kind}`);
  return rule.verify;
}

const json = (value: unknown) => JSON.stringify(value);
const models = json({ object: 'list', data: [{ id: 'm' }] });
const kinds: KeyKind[] = ['openrouter', 'agentrouter', 'tokenrouterLive', 'tokenrouterTest'];
const liveBody = (kind: KeyKind) => (kind === 'openrouter' ? json(openRouterKeyInfo(keys.openrouter())) : models);
const invalidStatuses: Record<KeyKind, number[]> = { openrouter: [401], agentrouter: [401, 403], tokenrouterLive: [401], tokenrouterTest: [401] };

describe('classifyResponse', () => {
  it.each(kinds)('%s: 200 with the expected JSON is live', (kind) => {
    expect(classifyResponse(specOf(kind), 200, liveBody(kind)).verification.status).toBe('live');
  });

  /** Each provider's own "bad key" body (SPEC §5): a proxy's bare or HTML 401/403 says nothing about the key. */
  const ownErrorBody: Record<KeyKind, string> = {
    openrouter: json({ error: { code: 401, message: 'User not found.' } }),
    agentrouter: json({ error: { message: 'invalid token', type: 'new_api_error' } }),
    tokenrouterLive: json({ error: { type: 'authentication_error', code: 'invalid_api_key' } }),
    tokenrouterTest: json({ error: { type: 'authentication_error', code: 'invalid_api_key' } }),
  };

  it.each(kinds.flatMap((kind) => invalidStatuses[kind].map((status) => [kind, status] as const)))("%s: %i is invalid only with the provider's own error body", (kind, status) => {
    for (const body of ['', 'Unauthorized', '<html>denied</html>', json({ message: 'Unauthorized' }), json({ error: 'forbidden' })]) {
      expect(classifyResponse(specOf(kind), status, body).verification.status, `${kind} ${status} ${body}`).toBe('unknown');
    }
    expect(classifyResponse(specOf(kind), status, ownErrorBody[kind]).verification).toEqual({ status: 'invalid', detail: {}, reason: `HTTP ${status}` });
  });

  it.each([
    ['a model list', json({ data: [{ id: 'openai/gpt-4o' }] })],
    ['an empty object', json({ data: {} })],
    ['a string', json({ data: 'ok' })],
  ])('openrouter: a 200 whose data is %s is not a key-info answer: unknown', (_what, body) => {
    expect(classifyResponse(specOf('openrouter'), 200, body).verification.status).toBe('unknown');
  });

  // Everything else any provider can send: never invalid.
  const unexpected: [string, number, string][] = [
    ['200 with HTML', 200, '<!doctype html><p>Checking your browser</p>'],
    ['200 with an empty body', 200, ''],
    ['200 with JSON lacking data', 200, json({ ok: true })],
    ['200 with JSON null', 200, 'null'],
    ['200 with data: null and an error', 200, json({ data: null, error: { message: 'key disabled' } })],
    ['200 with truncated JSON', 200, '{"data": {"label": "sk-or-v1-'],
    ['204', 204, ''],
    ['400', 400, json({ error: 'bad request' })],
    ['402 (out of credit)', 402, json({ error: 'payment required' })],
    ['404', 404, json({ error: 'not found' })],
    ['408', 408, ''],
    ['429', 429, json({ error: 'rate limited' })],
    ['500', 500, ''],
    ['502', 502, '<html>bad gateway</html>'],
    ['503', 503, ''],
    ['504', 504, ''],
  ];
  it.each(kinds.flatMap((kind) => unexpected.map(([name, status, body]) => [kind, name, status, body] as const)))('%s: %s is unknown', (kind, _name, status, body) => {
    const { verification, severity } = classifyResponse(specOf(kind), status, body);
    expect(verification.status).toBe('unknown');
    expect(verification.detail).toEqual({});
    expect(verification.reason).toBeTruthy();
    expect(severity).toBeUndefined();
  });

  it('says why a key is unknown in words a person can act on', () => {
    const spec = specOf('openrouter');
    expect(classifyResponse(spec, 429, '').verification.reason).toBe('rate limited (HTTP 429) after retries');
    expect(classifyResponse(spec, 503, '').verification.reason).toBe('server error (HTTP 503) after retries');
    expect(classifyResponse(spec, 200, '<html>').verification.reason).toBe('HTTP 200 but the body is not what the rule expects (not JSON)');
    expect(classifyResponse(spec, 200, '{}').verification.reason).toBe('HTTP 200 but the body is not what the rule expects');
    expect(classifyResponse(spec, 403, '').verification.reason).toBe('unexpected HTTP 403');
  });

  it('keeps the listed OpenRouter fields only, nulls included, and escalates a management key', () => {
    const key = keys.openrouter();
    const body = json(openRouterKeyInfo(key, { is_management_key: true, limit: null, limit_remaining: null, extra: 'not kept' }));
    expect(classifyResponse(specOf('openrouter'), 200, body)).toEqual({
      verification: {
        status: 'live',
        detail: { label: `sk-or-v1-${key.slice(9, 12)}...${key.slice(-3)}`, usage: 12.5, limit: null, limit_remaining: null, is_free_tier: false, is_management_key: true, expires_at: null },
        reason: 'management key — it can create, change and delete every key on the account',
      },
      severity: 'critical',
    });
  });

  it('keeps no detail for providers whose rule lists none', () => {
    expect(classifyResponse(specOf('tokenrouterLive'), 200, models).verification).toEqual({ status: 'live', detail: {} });
  });
});

describe('valueAt', () => {
  it.each([
    [{ a: { b: 1 } }, 'a.b', 1],
    [{ a: { b: null } }, 'a.b', null],
    [{ a: { b: false } }, 'a.b', false],
    [{ a: 1 }, 'a.b', undefined],
    [null, 'a', undefined],
    [{ a: {} }, 'a.toString', undefined],
    [{ a: {} }, '__proto__', undefined],
  ])('%j at %s → %j', (value, path, expected) => {
    expect(valueAt(value, path)).toEqual(expected);
  });
});
