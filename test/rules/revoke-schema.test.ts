/**
 * A rule's `revoke:` flow is data (SPEC §5.1): `rules check` and every load validate it, and a
 * `--rules` file may declare one only with credentials from variables it names for the purpose.
 */
import { describe, expect, it } from 'vitest';
import { parseRuleFile, loadRuleFiles } from '../../src/rules/load.js';
import { acmeRuleHead } from '../helpers/acme-rules.js';

/** A user rule file with a live check and a complete flow; each case breaks one thing in it. */
const valid = `${acmeRuleHead(['id', 'owner'])}    revoke:
      credentials: { admin: [ACME_ADMIN_KEY] }
      find:
        list:
          request: { method: GET, path: "/admin/keys?page={offset}", headers: { X-Admin: "{credential.admin}" } }
          ok: { status: [200] }
          items: keys
          pageSize: 50
        match: { id: "{detail.id}" }
        capture: { hash: id, name: owner }
      disable:
        request: { method: POST, path: "/admin/keys/{capture.hash}/revoke", headers: { X-Admin: "{credential.admin}" }, body: { token: "{key}" } }
        success: { status: [200] }
`;

const replace = (from: string, to: string) => {
  if (!valid.includes(from)) throw new Error(`test fixture does not contain ${from}`);
  return valid.replace(from, to);
};

const problemsOf = (text: string, builtin = false) => parseRuleFile('acme.yaml', text, builtin).problems.map((p) => `${p.field}: ${p.message}`);

describe('revoke flows in rule files', () => {
  it('accepts the built-in OpenRouter flow and a complete user flow', () => {
    const openrouter = loadRuleFiles().find((file) => file.data.provider === 'openrouter');
    const rule = openrouter?.data.rules[0];
    expect(rule?.revoke?.find.direct?.request.path).toBe('/keys/{sha256}');
    expect(rule?.revoke?.find.list?.pageSize).toBe(100);
    expect(rule?.revoke?.credentials).toEqual({ management: ['OPENROUTER_MANAGEMENT_KEY', 'OPENROUTER_PROVISIONING_KEY'] });
    expect(rule?.revoke?.confirm).toEqual({ attempts: 3, delaySeconds: 1 });
    expect(problemsOf(valid)).toEqual([]);
  });

  it.each([
    { name: '{key} in a path', from: '/admin/keys/{capture.hash}/revoke', to: '/admin/keys/{key}/revoke', problem: /disable\.request\.path: must not contain \{key\}/ },
    { name: 'a credential in a path', from: '/admin/keys/{capture.hash}/revoke', to: '/admin/{credential.admin}/{capture.hash}', problem: /disable\.request\.path: \{credential\.admin\} may only be sent in a header/ },
    { name: 'a credential in a body', from: 'body: { token: "{key}" }', to: 'body: { token: "{credential.admin}" }', problem: /disable\.request\.body: \{credential\.admin\} may only be sent in a header/ },
    { name: 'an unknown variable', from: 'X-Admin: "{credential.admin}" }, body', to: 'X-Admin: "{password}" }, body', problem: /disable\.request\.headers\.X-Admin: unknown variable \{password\}/ },
    { name: 'an undeclared credential', from: 'X-Admin: "{credential.admin}" }, body', to: 'X-Admin: "{credential.root}" }, body', problem: /no credential root under credentials/ },
    { name: 'a list that does not page', from: '/admin/keys?page={offset}', to: '/admin/keys', problem: /find\.list\.request\.path: the list request must page with \{offset\}/ },
    { name: '{offset} outside the list', from: '/admin/keys/{capture.hash}/revoke', to: '/admin/keys/{capture.hash}?o={offset}', problem: /\{offset\} is only for the list request/ },
    { name: 'a field not captured', from: '/admin/keys/{capture.hash}/revoke', to: '/admin/keys/{capture.slot}/revoke', problem: /\{capture\.slot\}: only disable and delete may use a captured field/ },
    { name: 'no hash captured', from: 'capture: { hash: id, name: owner }', to: 'capture: { id: id }', problem: /find\.capture: must capture hash/ },
    { name: 'a match on something else than the live check', from: 'match: { id: "{detail.id}" }', to: 'match: { id: "{key}" }', problem: /find\.match\.id: \{key\}: an account key is matched only on/ },
    { name: 'a detail field the live check does not keep', from: 'match: { id: "{detail.id}" }', to: 'match: { id: "{detail.secret}" }', problem: /revoke\.find: \{detail\.secret\}: secret is not among verify\.detail\.fields/ },
    { name: 'no way to find the account key', from: / {6}find:\n {8}list:[\s\S]*?pageSize: 50\n/, to: '      find:\n', problem: /find: declare direct, list, or both/ },
    { name: 'a credential from any variable, in a --rules file', from: 'admin: [ACME_ADMIN_KEY]', to: 'admin: [GITHUB_TOKEN]', problem: /revoke\.credentials\.admin: GITHUB_TOKEN: a --rules file may read credentials only from variables ending in _MANAGEMENT_KEY/ },
    { name: 'a flow without a live check', from: / {4}verify:\n[\s\S]*?detail: \{ fields: \[id, owner\] \}\n/, to: '', problem: /rules\[0\]\.revoke: a revoke flow needs the rule to declare verify/ },
    { name: 'an unknown field', from: '      disable:\n', to: '      retries: 3\n      disable:\n', problem: /rules\[0\]\.revoke: .*retries/ },
  ])('rejects $name, naming the field', ({ from, to, problem }) => {
    const text = typeof from === 'string' ? replace(from, to) : valid.replace(from, to);
    expect(text).not.toBe(valid);
    const problems = problemsOf(text);
    expect(problems.join('\n')).toMatch(problem);
  });

  it('lets built-in rules name any credential variable', () => {
    expect(problemsOf(replace('admin: [ACME_ADMIN_KEY]', 'admin: [ACME_KEY]'))).toHaveLength(1);
    expect(problemsOf(replace('admin: [ACME_ADMIN_KEY]', 'admin: [ACME_KEY]'), true)).toEqual([]);
  });
});
