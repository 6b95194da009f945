/**
 * Where a credential may go (SPEC §5): https to a pinned host, http only to loopback, never
 * with credentials in the URL. The same pin guards verify, revoke, notify and serve.
 */
import { describe, expect, it } from 'vitest';
import { isLoopback } from '../../src/core/loopback.js';
import { refusal } from '../../src/net/pin.js';

describe('isLoopback', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['api.localhost', false], // resolver-dependent, so not trusted with http:
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['[::1]', true],
    ['::1', true],
    ['0.0.0.0', false],
    ['10.0.0.1', false],
    ['192.168.1.1', false],
    ['localhost.evil.example', false],
    ['127.0.0.1.evil.example', false],
    ['openrouter.ai', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});

describe('refusal', () => {
  const hosts = new Set(['openrouter.ai']);
  it.each([
    ['https://openrouter.ai/api/v1', undefined],
    ['http://127.0.0.1:8080/api/v1', undefined],
    ['https://localhost:8443', undefined],
    ['http://[::1]:8080', undefined],
    ['http://openrouter.ai/api/v1', /http: is not allowed/],
    ['https://evil.example/api/v1', /host evil\.example is not one this provider may contact \(allowed: openrouter\.ai, and loopback\)/],
    ['ftp://openrouter.ai/', /ftp: is not allowed/],
    ['https://me:secret@openrouter.ai/', /credentials/],
    ['http://me@127.0.0.1:8080/', /credentials/],
    // Exact hosts: no subdomain, no look-alike, no suffix trick; case does not matter.
    ['https://OpenRouter.AI/api/v1', undefined],
    ['https://api.openrouter.ai/', /host api\.openrouter\.ai is not one/],
    ['https://openrouter.ai.evil.example/', /host openrouter\.ai\.evil\.example is not one/],
    ['https://evilopenrouter.ai/', /host evilopenrouter\.ai is not one/],
    ['http://0.0.0.0:8080/', /http: is not allowed/],
    ['ws://127.0.0.1:8080/', /ws: is not allowed/],
  ])('%s', (url, expected) => {
    const why = refusal(new URL(url), hosts);
    if (expected === undefined) expect(why).toBeUndefined();
    else expect(why).toMatch(expected);
  });

  it('allows loopback and nothing else when no host is pinned', () => {
    expect(refusal(new URL('http://127.0.0.1:1/'), new Set())).toBeUndefined();
    expect(refusal(new URL('https://openrouter.ai/'), new Set())).toMatch(/allowed: none, and loopback/);
  });
});
