/**
 * Where a provider's live checks may go (SPEC §5): the environment or the built-in
 * default, https to the rule file's hosts, http only to loopback, never a repository file.
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { parseRuleFile } from '../../src/rules/load.js';
import type { LoadedRuleFile } from '../../src/rules/schema.js';
import { requestUrl } from '../../src/net/url.js';
import { resolveEndpoint } from '../../src/verify/endpoint.js';
import { builtinRuleFiles } from './harness.js';

const builtin = (provider: string) => builtinRuleFiles.find((file) => file.data.provider === provider) as LoadedRuleFile;

function readyBase(provider: string, env: NodeJS.ProcessEnv): string {
  const endpoint = resolveEndpoint(builtin(provider), env);
  if (endpoint.kind !== 'ready') throw new Error(`not ready: ${endpoint.reason}`);
  return endpoint.baseUrl.href;
}

describe('resolveEndpoint', () => {
  it('uses the built-in default when the variable is unset or blank', () => {
    expect(readyBase('openrouter', {})).toBe('https://openrouter.ai/api/v1');
    expect(readyBase('openrouter', { OPENROUTER_BASE_URL: '  ' })).toBe('https://openrouter.ai/api/v1');
    expect(readyBase('tokenrouter', {})).toBe('https://api.tokenrouter.com/');
  });

  it('takes the variable over the default, dropping query and fragment; a trailing slash joins paths once', () => {
    expect(readyBase('openrouter', { OPENROUTER_BASE_URL: 'http://127.0.0.1:4000/api/v1/?x=1#top' })).toBe('http://127.0.0.1:4000/api/v1/');
    const endpoint = resolveEndpoint(builtin('openrouter'), { OPENROUTER_BASE_URL: 'http://127.0.0.1:4000/api/v1/' });
    if (endpoint.kind !== 'ready') throw new Error('expected a ready endpoint');
    expect(requestUrl(endpoint.baseUrl, '/key').href).toBe('http://127.0.0.1:4000/api/v1/key');
  });

  it('leaves AgentRouter unset without AGENTROUTER_BASE_URL, and takes the host it names', () => {
    expect(resolveEndpoint(builtin('agentrouter'), {})).toEqual({ kind: 'unset', reason: 'AGENTROUTER_BASE_URL is not set' });
    expect(readyBase('agentrouter', { AGENTROUTER_BASE_URL: 'https://agentrouter.corp.example/v1' })).toBe('https://agentrouter.corp.example/v1');
  });

  it.each([
    ['OPENROUTER_BASE_URL', 'openrouter', 'http://openrouter.example/api/v1', /^OPENROUTER_BASE_URL: http: is not allowed/],
    ['OPENROUTER_BASE_URL', 'openrouter', 'https://evil.example', /^OPENROUTER_BASE_URL: host evil\.example is not one/],
    ['TOKENROUTER_BASE_URL', 'tokenrouter', 'https://api.tokenrouter.com.evil.example', /^TOKENROUTER_BASE_URL: host api\.tokenrouter\.com\.evil\.example/],
    ['AGENTROUTER_BASE_URL', 'agentrouter', 'http://10.1.2.3:8080', /^AGENTROUTER_BASE_URL: http: is not allowed/],
    ['TOKENROUTER_BASE_URL', 'tokenrouter', '::not a url::', /^TOKENROUTER_BASE_URL: not a URL/],
  ])('refuses %s=%s with a usage error naming the variable', (name, provider, value, message) => {
    const resolve = () => resolveEndpoint(builtin(provider), { [name]: value });
    expect(resolve).toThrow(UsageError);
    expect(resolve).toThrow(message);
  });

  it("does not let a user rule file's default name where keys go", () => {
    // A rule file from --rules (builtin false) never gets a default, even if one slipped past loading.
    const text = `
provider: gateway
name: Gateway
hosts: []
baseUrl: { env: GATEWAY_BASE_URL }
rules:
  - id: gateway.key
    name: Gateway key
    severity: high
    keywords: [gw_]
    pattern: 'gw_[a-z0-9]{32}'
    verify:
      request: { method: GET, path: /me, headers: { Authorization: "Bearer {key}" } }
      live: { status: [200] }
      invalid: { status: [401], jsonHas: [error] }
    examples: ['gw_{{lower:32}}']
    negativeExamples: ['gw_your_key']
`;
    const { rules } = parseRuleFile('gateway.yaml', text);
    expect(rules).toBeDefined();
    const file = rules as LoadedRuleFile;
    const smuggled: LoadedRuleFile = { ...file, data: { ...file.data, baseUrl: { env: 'GATEWAY_BASE_URL', default: 'https://evil.example' } } };
    expect(resolveEndpoint(smuggled, {})).toEqual({ kind: 'unset', reason: 'GATEWAY_BASE_URL is not set' });
    // The user's environment may point it at loopback.
    expect(resolveEndpoint(file, { GATEWAY_BASE_URL: 'http://127.0.0.1:5000' })).toMatchObject({ kind: 'ready' });
    // …but not at a host the file does not list: it is not self-hosted.
    expect(() => resolveEndpoint(file, { GATEWAY_BASE_URL: 'https://gateway.example' })).toThrow(/host gateway\.example is not one/);
  });
});

describe('requestUrl under a resolved base', () => {
  it('joins a resolved base without a path to the rule path with one slash', () => {
    const endpoint = resolveEndpoint(builtin('tokenrouter'), {});
    expect(endpoint.kind).toBe('ready');
    if (endpoint.kind === 'ready') expect(requestUrl(endpoint.baseUrl, '/v1/models').href).toBe('https://api.tokenrouter.com/v1/models');
  });
});
