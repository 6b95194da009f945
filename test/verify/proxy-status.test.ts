/**
 * A proxy, CDN or gateway in front of a provider answers 401/403 for its own reasons (no
 * session, a bot check, a blocked country), with a bare, plain-text or HTML body. That answer
 * says nothing about the key, so it must never make a key `invalid`, which `--fail-on live`
 * passes: only the provider's own error body does (SPEC §5). Real stand-ins on 127.0.0.1.
 */
import { describe, expect, it } from 'vitest';
import { parseRuleFile } from '../../src/rules/load.js';
import { runCli } from '../helpers/cli.js';
import { keyFactory, keyKinds, type KeyKind } from '../helpers/keys.js';
import { agentRouterInvalid, agentRouterLike, openRouterLike, startStandIn, tokenRouterInvalid, tokenRouterLike, unauthorized, type Handler, type Reply } from '../helpers/providers.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';
import { baseUrlEnv, check, providerOf, verifierFor } from './harness.js';

cleanTmpDirs();
const keys = keyFactory(0x70726f78);

const html = (status: number, body: string, headers: Record<string, string> = {}): Reply => ({ status, headers: { 'content-type': 'text/html; charset=UTF-8', ...headers }, body });

/** What something in front of the provider sends: none of it is the provider's "bad key" answer. */
const proxyAnswers: [string, Reply][] = [
  ['a bare 401', { status: 401 }],
  ['a bare 403', { status: 403 }],
  ['401 in plain text', { status: 401, headers: { 'content-type': 'text/plain' }, body: 'Unauthorized' }],
  ['401 as an HTML page (an auth proxy)', html(401, '<html><head><title>401 Authorization Required</title></head><body><center><h1>401 Authorization Required</h1></center><hr><center>nginx</center></body></html>')],
  [
    '403 as a Cloudflare-like challenge page',
    html(403, '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body><div id="cf-wrapper">Attention Required! | Cloudflare</div></body></html>', { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f6a7b-AMS' }),
  ],
  ['403 as a Cloudflare-like JSON error', { status: 403, body: { success: false, errors: [{ code: 1020, message: 'Access denied' }] } }],
  ['401 as a gateway JSON message (not the provider shape)', { status: 401, body: { message: 'Unauthorized' } }],
  ['403 with an error string', { status: 403, body: { error: 'forbidden' } }],
  ['401 with an empty JSON object', { status: 401, body: {} }],
];

/** Each provider's own "bad key" answer: what the rule's `invalid` names. */
const providerInvalid: Record<KeyKind, Reply> = {
  openrouter: unauthorized,
  agentrouter: agentRouterInvalid,
  tokenrouterLive: tokenRouterInvalid,
  tokenrouterTest: tokenRouterInvalid,
};

const standInOf: Record<KeyKind, (scripts: Map<string, Reply[]>) => Handler> = {
  openrouter: (scripts) => openRouterLike({ scripts }),
  agentrouter: (scripts) => agentRouterLike({ scripts }),
  tokenrouterLive: (scripts) => tokenRouterLike({ scripts }),
  tokenrouterTest: (scripts) => tokenRouterLike({ scripts }),
};

async function answerWith(kind: KeyKind, key: string, reply: Reply) {
  const server = await startStandIn(standInOf[kind](new Map([[key, [reply]]])));
  return check(verifierFor(baseUrlEnv(providerOf[kind], server.origin)), kind, key);
}

describe("a 401/403 that is not the provider's own error body is unknown, never invalid", () => {
  it.each(keyKinds.flatMap((kind) => proxyAnswers.map(([name, reply]) => [kind, name, reply] as const)))('%s: %s → unknown', async (kind, _name, reply) => {
    const { verification } = await answerWith(kind, keys.of(kind), reply);
    expect(verification.status).toBe('unknown');
    expect(verification.reason).toMatch(new RegExp(`HTTP ${reply.status}`));
  });

  it.each(keyKinds)("%s: the provider's own error body → invalid", async (kind) => {
    const { verification } = await answerWith(kind, keys.of(kind), providerInvalid[kind]);
    expect(verification).toEqual({ status: 'invalid', detail: {}, reason: `HTTP ${providerInvalid[kind].status}` });
  });

  it("agentrouter: its own error body on a 403 (a disabled account) → invalid", async () => {
    const { verification } = await answerWith('agentrouter', keys.agentrouter(), { ...agentRouterInvalid, status: 403 });
    expect(verification.status).toBe('invalid');
  });
});

describe('--fail-on live through a proxy', () => {
  const proxy = (reply: Reply): Handler => () => reply;

  it.each([
    ['openrouter', 'a bare 401', { status: 401 }, 'openrouter'],
    ['openrouter', 'an HTML 401', html(401, '<html><body><h1>401 Unauthorized</h1></body></html>'), 'openrouter'],
    ['agentrouter', 'a Cloudflare-like HTML 403', proxyAnswers[4]?.[1] as Reply, 'agentrouter'],
  ] as const)('%s behind %s: the key is unknown and the run fails (exit 1)', async (kind, _name, reply, provider) => {
    const key = keys.of(kind);
    const server = await startStandIn(proxy(reply));
    const root = writeTree(makeTmpDir('proxy'), { 'app.env': `API_KEY=${key}\n` });
    const run = await runCli(['scan', '.', '--verify', '--fail-on', 'live', '--format', 'json'], { cwd: root, env: baseUrlEnv(provider, server.origin) });
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { verification?: { status: string } }[] };
    expect(report.findings.map((finding) => finding.verification?.status)).toEqual(['unknown']);
    expect(server.requests).toHaveLength(1);
  });

  it("passes (exit 0) when the provider's own body says the key is dead", async () => {
    const key = keys.openrouter();
    const server = await startStandIn(openRouterLike());
    const root = writeTree(makeTmpDir('proxy'), { 'app.env': `API_KEY=${key}\n` });
    const run = await runCli(['scan', '.', '--verify', '--fail-on', 'live', '--format', 'json'], { cwd: root, env: baseUrlEnv('openrouter', server.origin) });
    expect(run.code, run.stderr).toBe(0);
  });
});

describe("a rule's invalid answer must name the provider's error body", () => {
  /** A user's rule file (JSON is YAML too) whose live check answers `invalid` as given. */
  const ruleFile = (invalid: object) =>
    JSON.stringify({
      provider: 'gateway',
      name: 'Gateway',
      hosts: ['gateway.example'],
      baseUrl: { env: 'GATEWAY_BASE_URL' },
      rules: [
        {
          id: 'gateway.key',
          name: 'Gateway key',
          severity: 'high',
          keywords: ['gw_'],
          pattern: '(?<![A-Za-z0-9_])gw_[a-z0-9]{32}(?![A-Za-z0-9])',
          verify: { request: { method: 'GET', path: '/me', headers: { Authorization: 'Bearer {key}' } }, live: { status: [200], jsonHas: ['user'] }, invalid },
          examples: ['GW_KEY=gw_{{lower:32}}'],
          negativeExamples: ['GW_KEY=gw_your_key_here'],
        },
      ],
    });

  it('refuses a status alone, naming the rule and the field', () => {
    const { rules, problems } = parseRuleFile('gateway.yaml', ruleFile({ status: [401, 403] }));
    expect(rules).toBeUndefined();
    expect(problems).toEqual([
      { file: 'gateway.yaml', field: 'rules[0].verify.invalid.jsonHas', message: expect.stringMatching(/^gateway\.key: .*provider's own error body.*a proxy/) as unknown },
    ]);
  });

  it('accepts a status with the body it must carry', () => {
    expect(parseRuleFile('gateway.yaml', ruleFile({ status: [401], jsonHas: ['error.code'] })).problems).toEqual([]);
  });
});
