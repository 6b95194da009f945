/** Joining an API path to a base URL: the base's path kept, exactly one slash between. */
import { describe, expect, it } from 'vitest';
import { requestUrl } from '../../src/net/url.js';

describe('requestUrl', () => {
  it.each([
    ['https://openrouter.ai/api/v1', '/key', 'https://openrouter.ai/api/v1/key'],
    ['https://api.tokenrouter.com', '/v1/models', 'https://api.tokenrouter.com/v1/models'],
    ['https://api.tokenrouter.com/', '/v1/models', 'https://api.tokenrouter.com/v1/models'],
    ['http://127.0.0.1:4000', '/models', 'http://127.0.0.1:4000/models'],
    ['http://127.0.0.1:4000/agent/', '/models', 'http://127.0.0.1:4000/agent/models'],
  ])('%s + %s → %s', (base, path, expected) => {
    expect(requestUrl(new URL(base), path).href).toBe(expected);
  });


  it('keeps the origin whatever the path holds', () => {
    expect(requestUrl(new URL('https://openrouter.ai/api/v1'), '//evil.example/key').origin).toBe('https://openrouter.ai');
  });
});
