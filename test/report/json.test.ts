import { describe, expect, it } from 'vitest';
import { renderJson, renderJsonl } from '../../src/report/json.js';
import type { ReportFinding } from '../../src/report/model.js';
import { keyFactory } from '../helpers/keys.js';
import { contextOf, findingOf, managementReason, openRouterDetail, resultOf, verifications } from './findings.js';

const keys = keyFactory(0x6a736f6e);
const outcomes = verifications();
const findingsOf = (text: string) => (JSON.parse(text) as { findings: ReportFinding[] }).findings;

describe('json report: verification as SPEC §3 spells it', () => {
  it.each([
    { outcome: 'live' as const, severity: 'high', verification: { status: 'live', detail: openRouterDetail() } },
    {
      outcome: 'critical' as const,
      severity: 'critical',
      verification: { status: 'live', detail: openRouterDetail({ is_management_key: true, limit: null, limit_remaining: null }), reason: managementReason },
    },
    { outcome: 'unknown' as const, severity: 'high', verification: { status: 'unknown', detail: {}, reason: 'timed out after 10 s' } },
    { outcome: 'invalid' as const, severity: 'high', verification: { status: 'invalid', detail: {}, reason: 'HTTP 401' } },
    { outcome: 'skipped' as const, severity: 'high', verification: { status: 'skipped', detail: {}, reason: 'AGENTROUTER_BASE_URL is not set' } },
  ])('$outcome', ({ outcome, severity, verification }) => {
    const result = resultOf([findingOf(keys.openrouter(), outcomes[outcome])]);
    const [fromJson] = findingsOf(renderJson(result, contextOf()));
    const [fromJsonl] = renderJsonl(result, contextOf()).trimEnd().split('\n').map((line) => JSON.parse(line) as ReportFinding);
    expect(fromJson).toMatchObject({ severity, verification });
    // Exactly these fields: nothing the verifier might add later leaks through unnoticed.
    expect(Object.keys(fromJson?.verification ?? {})).toEqual(Object.keys(verification));
    expect(fromJsonl).toEqual(fromJson);
  });

  it('keeps a null limit as null (unlimited), not dropped', () => {
    const [finding] = findingsOf(renderJson(resultOf([findingOf(keys.openrouter(), outcomes.critical)]), contextOf()));
    expect(finding?.verification?.detail).toHaveProperty('limit', null);
    expect(finding?.verification?.detail).toHaveProperty('expires_at', null);
  });

  it('has no verification at all without --verify', () => {
    const [finding] = findingsOf(renderJson(resultOf([findingOf(keys.openrouter())]), contextOf()));
    expect(finding).not.toHaveProperty('verification');
  });
});

describe('json report: the raw key', () => {
  const key = keys.openrouter();
  // A provider that echoes the key back in a field the rule keeps.
  const echoed = findingOf(key, { verification: { status: 'live', detail: { label: `key ${key}`, usage: 1 }, reason: `raised for ${key}` } });
  const findings = [...Object.values(outcomes).map((outcome) => findingOf(key, outcome)), echoed];

  it.each([
    ['json', () => renderJson(resultOf(findings), contextOf())],
    ['jsonl', () => renderJsonl(resultOf(findings), contextOf())],
  ])('%s: appears nowhere by default, not even echoed by a provider', (_format, render) => {
    const text = render();
    expect(text).not.toContain(key);
    expect(text).toContain(`key ${echoed.secret.redacted}`);
  });

  it('appears with --show-secrets', () => {
    expect(findingsOf(renderJson(resultOf(findings), contextOf({ showSecrets: true })))[0]).toHaveProperty('secret', key);
  });
});

describe('json report: stats count the outcomes when the keys were checked', () => {
  const statsOf = (text: string) => (JSON.parse(text) as { stats: Record<string, unknown> }).stats;

  it.each([
    { name: 'one of each, most urgent first', findings: () => Object.values(outcomes).map((outcome) => findingOf(keys.openrouter(), outcome)), byStatus: { live: 2, unknown: 1, skipped: 1, invalid: 1 } },
    { name: 'only the outcomes that occur', findings: () => [findingOf(keys.openrouter(), outcomes.live), findingOf(keys.agentrouter(), outcomes.invalid), findingOf(keys.agentrouter(), outcomes.invalid)], byStatus: { live: 1, invalid: 2 } },
    // In a verified run a finding without an answer was not asked: skipped, as the CLI counts it.
    { name: 'a finding not asked counts as skipped', findings: () => [findingOf(keys.openrouter(), outcomes.live), findingOf(keys.tokenrouterTest())], byStatus: { live: 1, skipped: 1 } },
  ])('$name', ({ findings, byStatus }) => {
    const stats = statsOf(renderJson(resultOf(findings()), contextOf()));
    expect(stats).toEqual({ files: 2, bytes: 2048, durationMs: 125, byStatus });
    expect(Object.keys(stats['byStatus'] as object)).toEqual(Object.keys(byStatus));
  });

  it.each([
    { name: 'unverified findings', findings: () => [findingOf(keys.openrouter())] },
    { name: 'no findings', findings: () => [] },
  ])('no byStatus for $name: the stats read exactly as before', ({ findings }) => {
    expect(renderJson(resultOf(findings()), contextOf())).toContain('"stats": {\n    "files": 2,\n    "bytes": 2048,\n    "durationMs": 125\n  }');
  });
});

describe('json report: the repository of an audit of several', () => {
  const key = keys.openrouter();
  it.each([
    { name: 'a finding in a repository', origin: { kind: 'file' as const, path: 'src/client.ts', repository: 'octo-org/web.app' }, repository: 'octo-org/web.app' },
    { name: 'a finding of a plain scan', origin: { kind: 'file' as const, path: 'src/client.ts' }, repository: undefined },
  ])('$name', ({ origin, repository }) => {
    const [finding] = findingsOf(renderJson(resultOf([findingOf(key, { origin })]), contextOf()));
    expect(finding?.repository).toBe(repository);
    expect(finding?.path).toBe('src/client.ts');
    // Where SPEC §3's schema lists it: after the fingerprint.
    if (repository) expect(Object.keys(finding ?? {}).slice(5, 8)).toEqual(['fingerprint', 'repository', 'source']);
  });
});

describe('json report: the run\'s revocations (--revoke)', () => {
  it('keeps each one as people read it, reads back as the run had it, and the html of it counts the key revoked', async () => {
    const { parseReport } = await import('../../src/report/schema.js');
    const { resultOfReport } = await import('../../src/run/report-file.js');
    const { totalsOf } = await import('../../src/report/html.js');
    const key = keys.openrouter();
    const found = findingOf(key, outcomes.live);
    const revocation = {
      ruleId: found.ruleId,
      provider: found.provider,
      secretHash: found.secretHash,
      redacted: found.secret.redacted,
      outcome: 'revoked' as const,
      action: 'disable' as const,
      target: { hash: 'a'.repeat(64), label: 'sk-or-v1-abc...xyz' },
      httpStatus: 200,
      at: '2026-12-05T12:00:00.000Z',
    };
    const text = renderJson({ ...resultOf([found]), revocations: [revocation] }, contextOf());
    const report = parseReport(JSON.parse(text));
    // The HTTP detail stays in the revoke step's own report; the scan's keeps what happened.
    expect(report.revocations).toEqual([{ ruleId: found.ruleId, provider: found.provider, secretHash: found.secretHash, redacted: found.secret.redacted, outcome: 'revoked', action: 'disable', target: revocation.target, at: revocation.at }]);
    expect(text).not.toContain(key);
    const back = resultOfReport(report, false);
    expect(back.revocations?.map((r) => r.outcome)).toEqual(['revoked']);
    expect(totalsOf(back)).toContainEqual(expect.objectContaining({ name: 'revoked', value: 1 }));
    expect(totalsOf(resultOfReport(parseReport(JSON.parse(renderJson(resultOf([found]), contextOf()))), false)).map((total) => total.name)).not.toContain('revoked');
  });

  it('has no revocations field without --revoke', () => {
    expect(JSON.parse(renderJson(resultOf([findingOf(keys.openrouter())]), contextOf()))).not.toHaveProperty('revocations');
  });
});
