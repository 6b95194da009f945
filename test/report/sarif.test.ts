import { describe, expect, it } from 'vitest';
import type { CompiledRule, ScanWarning } from '../../src/core/types.js';
import { renderSarif, sarifRuleName } from '../../src/report/sarif.js';
import { keyFactory } from '../helpers/keys.js';
import { builtinRules, contextOf, findingOf, managementReason, resultOf, verifications } from './findings.js';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  properties: Record<string, unknown>;
}
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { rules: { id: string; name: string; shortDescription: { text: string }; fullDescription: { text: string }; properties: Record<string, unknown> }[] } };
    results: SarifResult[];
  }[];
}

const keys = keyFactory(0x73617266);
const outcomes = verifications();
const sarifOf = (findings: Parameters<typeof resultOf>[0], showSecrets = false) =>
  JSON.parse(renderSarif(resultOf(findings), contextOf({ showSecrets }), builtinRules())) as SarifLog;
const resultsOf = (findings: Parameters<typeof resultOf>[0]) => sarifOf(findings).runs[0]?.results ?? [];

describe('sarif report: the outcome in level, message and properties', () => {
  it.each([
    {
      outcome: 'live' as const,
      level: 'error',
      message: /^Live OpenRouter API key sk-or-v1-\S+ found\. Live: usage \$12\.50 of \$100\.00 limit \(\$87\.50 left\), expires never\.$/,
      severity: ['high', '8.0'],
    },
    {
      outcome: 'critical' as const,
      level: 'error',
      message: new RegExp(`^Live OpenRouter API key sk-or-v1-\\S+ found\\. Critical: ${managementReason}\\. Live: usage \\$12\\.50, no limit, expires never\\.$`),
      severity: ['critical', '9.5'],
    },
    {
      outcome: 'unknown' as const,
      level: 'error',
      message: /^Possibly live OpenRouter API key \S+ found\. Could not check: timed out after 10 s — treat as live until checked\.$/,
      severity: ['high', '8.0'],
    },
    {
      outcome: 'invalid' as const,
      level: 'note',
      message: /^Invalid OpenRouter API key \S+ found\. Invalid: the provider rejected it \(HTTP 401\)\.$/,
      severity: ['high', '8.0'],
    },
    {
      outcome: 'skipped' as const,
      level: 'error',
      message: /^Unverified OpenRouter API key \S+ found\. Not checked: AGENTROUTER_BASE_URL is not set\.$/,
      severity: ['high', '8.0'],
    },
  ])('$outcome', ({ outcome, level, message, severity }) => {
    const { verification, ...raised } = outcomes[outcome];
    const [result] = resultsOf([findingOf(keys.openrouter(), { verification, ...raised })]);
    expect(result?.level).toBe(level);
    expect(result?.message.text).toMatch(message);
    expect(result?.properties).toMatchObject({ verification, severity: severity[0], 'security-severity': severity[1] });
  });

  it.each([
    { name: 'a low-severity test key that is live is an error', key: () => keys.tokenrouterTest(), outcome: outcomes.live, level: 'error' },
    { name: 'a low-severity test key no one could check keeps its level', key: () => keys.tokenrouterTest(), outcome: outcomes.unknown, level: 'note' },
    { name: 'a high-severity key that is dead is a note', key: () => keys.agentrouter(), outcome: outcomes.invalid, level: 'note' },
  ])('$name', ({ key, outcome, level }) => {
    expect(resultsOf([findingOf(key(), outcome)])[0]?.level).toBe(level);
  });
});

describe('sarif report: still SARIF 2.1.0 that code scanning reads', () => {
  const log = sarifOf(Object.values(outcomes).map((outcome) => findingOf(keys.openrouter(), outcome)));
  const run = log.runs[0];

  it('every result points at a described rule, with a level SARIF knows', () => {
    expect(log.version).toBe('2.1.0');
    for (const result of run?.results ?? []) {
      expect(run?.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
      expect(['none', 'note', 'warning', 'error']).toContain(result.level);
      expect(typeof result.message.text).toBe('string');
    }
  });

  it('rules keep their security-severity scores (GitHub reads them from the rule)', () => {
    const scores = Object.fromEntries(run?.tool.driver.rules.map((rule) => [rule.id, rule.properties['security-severity']]) ?? []);
    expect(scores).toMatchObject({ 'openrouter.api-key': '8.0', 'tokenrouter.test-key': '3.0' });
  });
});

describe('sarif report: the raw key', () => {
  const key = keys.openrouter();
  const echoed = findingOf(key, { verification: { status: 'live', detail: { label: key }, reason: key } });
  const findings = [...Object.values(outcomes).map((outcome) => findingOf(key, outcome)), echoed];

  it('appears nowhere by default, not even echoed by a provider', () => {
    expect(renderSarif(resultOf(findings), contextOf(), builtinRules())).not.toContain(key);
  });

  it('appears in the message with --show-secrets', () => {
    expect(sarifOf(findings, true).runs[0]?.results[0]?.message.text).toContain(`Key: ${key}.`);
  });
});

describe('sarif report: rule names are identifiers, the readable name stays in the descriptions', () => {
  const rule = (name: string, id = 'acme.api-key'): CompiledRule => ({ ...builtinRules()[0], name, id }) as CompiledRule;

  it.each([
    { name: 'AgentRouter API key', expected: 'AgentRouterApiKey' },
    { name: 'OpenRouter API key', expected: 'OpenRouterApiKey' },
    { name: 'TokenRouter live key', expected: 'TokenRouterLiveKey' },
    { name: 'TokenRouter test key', expected: 'TokenRouterTestKey' },
    { name: 'acme  JWT-signing key (v2)', expected: 'AcmeJwtSigningKeyV2' },
    { name: 'already PascalCase', expected: 'AlreadyPascalCase' },
    { name: '1Password token', expected: 'Rule1PasswordToken' },
    { name: 'clé d’API Émile', expected: 'CleDApiEmile' },
    { name: '密钥', id: 'acme.secret-key', expected: 'AcmeSecretKey' },
  ])('$name → $expected', ({ name, id, expected }) => {
    expect(sarifRuleName(rule(name, id))).toBe(expected);
  });

  it('every built-in rule: an identifier as name, the readable name in both descriptions', () => {
    const rules = sarifOf([]).runs[0]?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.name)).toEqual(['AgentRouterApiKey', 'OpenRouterApiKey', 'TokenRouterLiveKey', 'TokenRouterTestKey']);
    for (const r of rules) {
      expect(r.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(r.shortDescription.text).toMatch(/^[A-Z]\w+ \w+ key leaked$/);
      expect(r.fullDescription.text).toContain(r.shortDescription.text.replace(/ leaked$/, ''));
    }
  });
});

describe('sarif report: run warnings are tool execution notifications', () => {
  interface Invocation {
    executionSuccessful: boolean;
    toolExecutionNotifications?: { level: string; message: { text: string }; locations?: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[];
  }
  const invocationsOf = (warnings: ScanWarning[], uriPrefix?: string) =>
    (JSON.parse(renderSarif({ ...resultOf([findingOf(keys.openrouter())]), warnings }, contextOf(uriPrefix === undefined ? {} : { uriPrefix }), builtinRules())) as {
      runs: { invocations?: Invocation[] }[];
    }).runs[0]?.invocations;

  it.each([
    { name: 'no warnings: no invocation, as before', warnings: [], invocations: undefined },
    {
      name: 'a file over the size limit: a warning at that file, the run still successful',
      warnings: [{ path: 'data/big dump.sql', message: 'not scanned: 120 MiB is over --max-file-size 100 MiB' }],
      invocations: [
        {
          executionSuccessful: true,
          toolExecutionNotifications: [
            {
              level: 'warning',
              message: { text: 'not scanned: 120 MiB is over --max-file-size 100 MiB' },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'data/big%20dump.sql', uriBaseId: '%SRCROOT%' } } }],
            },
          ],
        },
      ],
    },
    {
      name: 'a source read only in part: the run is not successful',
      warnings: [
        { message: '3 objects missing (partial clone); their content was not scanned' },
        { path: 'logs/app.log.gz', message: 'not fully scanned: unexpected end of file', kind: 'incomplete' as const },
      ],
      invocations: [
        {
          executionSuccessful: false,
          toolExecutionNotifications: [
            { level: 'warning', message: { text: '3 objects missing (partial clone); their content was not scanned' } },
            {
              level: 'warning',
              message: { text: 'not fully scanned: unexpected end of file' },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'logs/app.log.gz', uriBaseId: '%SRCROOT%' } } }],
            },
          ],
        },
      ],
    },
    {
      name: 'a --results note: everything was scanned, so a note, and successful',
      warnings: [{ message: '2 invalid findings not shown (--results live,unknown)', kind: 'filter' as const }],
      invocations: [{ executionSuccessful: true, toolExecutionNotifications: [{ level: 'note', message: { text: '2 invalid findings not shown (--results live,unknown)' } }] }],
    },
  ])('$name', ({ warnings, invocations }) => {
    expect(invocationsOf(warnings)).toEqual(invocations);
  });

  it('a path is repo-relative like a result’s; an absolute one (a log outside the tree) is a file URI', () => {
    const [invocation] = invocationsOf([{ path: 'app.log', message: 'x' }, { path: '/var/log/app.log', message: 'y' }], 'services/api/') ?? [];
    const uris = invocation?.toolExecutionNotifications?.map((n) => n.locations?.[0]?.physicalLocation.artifactLocation);
    expect(uris).toEqual([{ uri: 'services/api/app.log', uriBaseId: '%SRCROOT%' }, { uri: 'file:///var/log/app.log' }]);
  });
});

describe('sarif report: partialFingerprints tell copies of one key in one file apart', () => {
  const key = keys.openrouter();
  const other = keys.openrouter();
  const at = (k: string, line: number, path = 'src/client.ts') => findingOf(k, { origin: { kind: 'file', path }, line });
  const fingerprintsOf = (findings: Parameters<typeof resultOf>[0]) =>
    (JSON.parse(renderSarif(resultOf(findings), contextOf(), builtinRules())) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] }).runs[0]?.results.map(
      (result) => result.partialFingerprints,
    ) ?? [];

  it('two copies: the same baseline fingerprint, distinct occurrence fingerprints, numbered from the top of the file', () => {
    // Reported out of line order (a verified run sorts by urgency): the numbers still follow the file.
    const [second, first] = fingerprintsOf([at(key, 40), at(key, 3)]);
    expect(first?.['keywarden/v1']).toBe(second?.['keywarden/v1']);
    expect(first?.['keywarden/occurrence/v1']).toBe(`${first?.['keywarden/v1']}:1`);
    expect(second?.['keywarden/occurrence/v1']).toBe(`${first?.['keywarden/v1']}:2`);
  });

  it.each([
    { name: 'lines added above', before: [at(key, 3), at(key, 40)], after: [at(key, 13), at(key, 50)] },
    { name: 'another key in the file', before: [at(key, 3)], after: [at(other, 1), at(key, 3)] },
    { name: 'the same key in another file', before: [at(key, 3)], after: [at(key, 1, 'src/a.ts'), at(key, 3)] },
  ])('stable under edits that leave the copies alone: $name', ({ before, after }) => {
    // The copies of `key` in src/client.ts keep their fingerprints, whatever else the file or run holds.
    const of = (findings: Parameters<typeof resultOf>[0]) => fingerprintsOf(findings).filter((fp) => fp['keywarden/v1'] === at(key, 1).fingerprint);
    expect(of(after)).toEqual(of(before));
  });
});

describe('sarif report: findings of several repositories', () => {
  it.each([
    { name: 'in a repository', repository: 'octo-org/web.app' as string | undefined },
    { name: 'of a plain scan', repository: undefined },
  ])('a finding $name: the URI stays repo-relative, the repository is a property', ({ repository }) => {
    const origin = { kind: 'file' as const, path: 'src/client.ts', ...(repository ? { repository } : {}) };
    const log = JSON.parse(renderSarif(resultOf([findingOf(keys.openrouter(), { origin })]), contextOf(), builtinRules())) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; properties: Record<string, unknown> }[] }[];
    };
    const [result] = log.runs[0]?.results ?? [];
    expect(result?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('src/client.ts');
    expect(result?.properties['repository']).toBe(repository);
  });
});
