/**
 * Revoke flows are data: a `--rules` file declares one for its provider (a self-hosted router's
 * admin API, say) and `keywarden revoke` runs it with no code of its own, with the credential
 * only from the variable the file names. And what a provider says back never carries a raw
 * key or a credential into any output. Both run `revoke` in this process, as src/cli/revoke.ts
 * builds its run (test/helpers/in-process.ts); test/respond/revoke-command.test.ts runs the bin.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acmeRuleHead } from '../helpers/acme-rules.js';
import { revoke } from '../helpers/in-process.js';
import { keyFactory } from '../helpers/keys.js';
import { createAccount } from '../helpers/openrouter-management.js';
import { startStandIn, type RecordedRequest, type Reply } from '../helpers/providers.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';

cleanTmpDirs('all');

const keys = keyFactory(20261214);

const acmeRules = `${acmeRuleHead(['id'])}    revoke:
      credentials: { admin: [ACME_ADMIN_KEY] }
      find:
        list:
          request: { method: GET, path: "/admin/tokens?skip={offset}", headers: { X-Admin-Key: "{credential.admin}" } }
          ok: { status: [200], jsonHas: [tokens] }
          items: tokens
          pageSize: 2
        match: { id: "{detail.id}" }
        capture: { hash: id, name: owner }
      disable:
        request: { method: POST, path: "/admin/tokens/{capture.hash}/revoke", headers: { X-Admin-Key: "{credential.admin}" }, body: { token: "{key}", reason: leaked } }
        success: { status: [204] }
      confirm: { attempts: 1, delaySeconds: 0 }
`;

/** A router whose tokens have ids; its admin API pages them 2 at a time and revokes one by POST. */
function acmeRouter(tokens: { key: string; id: string; owner: string }[], adminKey: string) {
  const revoked = new Set<string>();
  return (request: RecordedRequest): Reply => {
    const url = new URL(request.url, 'http://x');
    if (url.pathname === '/me') {
      const token = tokens.find((t) => t.key === request.key && !revoked.has(t.id));
      return token ? { status: 200, body: { id: token.id } } : { status: 401, body: { error: 'unknown token' } };
    }
    if (request.headers['x-admin-key'] !== adminKey) return { status: 403, body: { error: 'forbidden' } };
    if (url.pathname === '/admin/tokens') {
      const skip = Number(url.searchParams.get('skip'));
      return { status: 200, body: { tokens: tokens.slice(skip, skip + 2).map(({ id, owner }) => ({ id, owner })) } };
    }
    const id = /^\/admin\/tokens\/([^/]+)\/revoke$/.exec(url.pathname)?.[1];
    const body = JSON.parse(request.body) as { token?: string };
    if (request.method !== 'POST' || !id || body.token !== tokens.find((t) => t.id === id)?.key) return { status: 400, body: { error: 'bad request' } };
    revoked.add(id);
    return { status: 204 };
  };
}

describe('a revoke flow declared in a --rules file', () => {
  it('runs with the credential its file names, and nothing else', async () => {
    const adminKey = keys.chars('alnum', 32);
    const tokens = Array.from({ length: 5 }, (_, i) => ({ key: `acmerk_${keys.body('alnum', 40)}`, id: `tok-${i}`, owner: `team ${i}` }));
    const router = await startStandIn(acmeRouter(tokens, adminKey));
    const rules = writeTree(makeTmpDir('acme-rules'), { 'acme.yaml': acmeRules });
    const leaked = tokens[3]?.key ?? '';
    const env = { ACME_BASE_URL: router.origin, ACME_ADMIN_KEY: adminKey };
    const run = await revoke(makeTmpDir('acme'), { rules: [rules], yes: true, format: 'json', stdin: `${leaked}\n` }, env);
    expect(run.code).toBe(0);
    const [revocation] = (JSON.parse(run.report) as { revocations: object[] }).revocations;
    expect(revocation).toMatchObject({ provider: 'acme', ruleId: 'acme.router-key', outcome: 'revoked', action: 'disable', target: { hash: 'tok-3', name: 'team 3' } });
    const admin = router.requests.filter((request) => request.url.startsWith('/admin'));
    // Pages 2 at a time to the short one (skip=4), each once; a window of 8 may ask a few past it.
    const pages = admin.filter((request) => request.method === 'GET').map((request) => request.url);
    expect(pages).toEqual(expect.arrayContaining(['/admin/tokens?skip=0', '/admin/tokens?skip=2', '/admin/tokens?skip=4']));
    expect(new Set(pages).size).toBe(pages.length);
    const posts = admin.filter((request) => request.method === 'POST');
    expect(posts.map((request) => [request.url, JSON.parse(request.body)])).toEqual([['/admin/tokens/tok-3/revoke', { token: leaked, reason: 'leaked' }]]);
    expect([run.report, run.stderr, ...run.warnings].join('\n')).not.toMatch(new RegExp(`${leaked}|${adminKey}`));

    // The same file asking for a variable not meant for this is refused before anything is sent.
    const greedy = writeTree(makeTmpDir('acme-rules'), { 'acme.yaml': acmeRules.replace('admin: [ACME_ADMIN_KEY]', 'admin: [GITHUB_TOKEN]') });
    const refused = await revoke(makeTmpDir('acme'), { rules: [greedy], yes: true, stdin: `${leaked}\n` }, { ...env, GITHUB_TOKEN: adminKey });
    expect(refused.code).toBe(2);
    expect(refused.error).toContain('revoke.credentials.admin: GITHUB_TOKEN: a --rules file may read credentials only from variables ending in _MANAGEMENT_KEY');
    expect(router.requests.filter((request) => request.url.startsWith('/admin'))).toHaveLength(admin.length);
  });
});

describe('what the provider says back', () => {
  it('never brings a raw key or the management key into the report or the audit log', async () => {
    const leaked = keys.openrouter();
    const managementKey = keys.openrouter();
    // The owner named the key after its value, and the management key after itself: both come back in the list.
    const account = createAccount({ managementKey, keys: [{ key: leaked, name: `prod ${leaked}` }, { name: `admin ${managementKey}` }] });
    const standIn = await startStandIn((request) => account.answer(request.method, request.url, request.key, request.body));
    const audit = join(makeTmpDir('echo'), 'audit.jsonl');
    const env = { OPENROUTER_BASE_URL: `${standIn.origin}/api/v1`, OPENROUTER_MANAGEMENT_KEY: managementKey };
    for (const format of ['json', 'human'] as const) {
      const run = await revoke(makeTmpDir('echo'), { format, auditLog: audit, stdin: `${leaked}\n` }, env);
      expect(run.code).toBe(1);
      expect(run.report).toContain('prod [redacted]');
      expect([run.report, run.stderr, ...run.warnings].join('\n')).not.toMatch(new RegExp(`${leaked}|${managementKey}`));
    }
    expect(readFileSync(audit, 'utf8')).toContain('prod [redacted]');
    expect(readFileSync(audit, 'utf8')).not.toMatch(new RegExp(`${leaked}|${managementKey}`));
  });
});
