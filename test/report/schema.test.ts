import { describe, expect, it } from 'vitest';
import type { Finding, Origin } from '../../src/core/types.js';
import { renderJson } from '../../src/report/json.js';
import { toReportedFinding } from '../../src/report/model.js';
import { parseReport, type Report, type ReportFinding } from '../../src/report/schema.js';
import { keyFactory } from '../helpers/keys.js';
import { contextOf, findingOf, resultOf, verifications } from './findings.js';

/**
 * The one json report schema (SPEC §3): what the writer prints, every reader accepts, and
 * what a reader refuses it names by path without ever quoting a value.
 */

const keys = keyFactory(0x73636865);
const outcomes = verifications();

const history: Origin = {
  kind: 'history',
  path: 'config/.env',
  commit: '0123456789abcdef0123456789abcdef01234567',
  author: 'A. Author',
  email: 'author@example.com',
  date: '2025-06-01T12:00:00+02:00',
};

/** One finding of each shape the writer can print. */
function findingsOfEveryShape(key: string): Record<string, Finding> {
  return {
    file: findingOf(key),
    staged: findingOf(key, { origin: { kind: 'staged', path: 'src/staged.ts' } }),
    log: findingOf(key, { origin: { kind: 'log', path: 'logs/app.log' }, line: 12_000 }),
    input: findingOf(key, { origin: { kind: 'input', path: '<stdin>' }, line: 1, column: 1 }),
    history: findingOf(key, { origin: history }),
    repository: findingOf(key, { origin: { kind: 'file', path: 'src/client.ts', repository: 'octo-org/web.app' } }),
    'history in a repository': findingOf(key, { origin: { ...history, repository: 'octo-org/web.app' } }),
    base64: { ...findingOf(key), encoding: 'base64' },
    live: findingOf(key, outcomes.live),
    critical: findingOf(key, outcomes.critical),
    unknown: findingOf(key, outcomes.unknown),
    invalid: findingOf(key, outcomes.invalid),
    skipped: findingOf(key, outcomes.skipped),
  };
}

/** A report as the writer prints it, parsed as JSON only. */
function printed(findings: Finding[], showSecrets = false): Report {
  return JSON.parse(renderJson(resultOf(findings), contextOf({ showSecrets }))) as Report;
}

describe('parseReport: reports keywarden writes', () => {
  const key = keys.openrouter();
  const shapes = findingsOfEveryShape(key);

  it.each(Object.entries(shapes))('a %s finding parses back to the same finding, fields in the same order', (_shape, finding) => {
    const report = printed([finding]);
    const parsed = parseReport(report);
    expect(parsed).toEqual(report);
    expect(Object.keys(parsed.findings[0] ?? {})).toEqual(Object.keys(report.findings[0] ?? {}));
  });

  it('a report of every shape at once, made with --show-secrets, keeps the raw key', () => {
    const report = printed(Object.values(shapes), true);
    expect(parseReport(report)).toEqual(report);
    expect(parseReport(report).findings.every((finding) => finding.secret === key)).toBe(true);
  });

  it.each([
    { name: 'no findings', report: (r: Report): unknown => ({ ...r, findings: [] }) },
    { name: 'warnings', report: (r: Report): unknown => ({ ...r, warnings: [{ message: 'skipped a large file', path: 'big.bin' }, { message: 'left out', kind: 'filter' }] }) },
    { name: 'a repository (an audit of several)', report: (r: Report): unknown => ({ ...r, findings: r.findings.map((f) => ({ ...f, repository: 'octo-org/web.app' })) }) },
    { name: 'counts by outcome', report: (r: Report): unknown => ({ ...r, stats: { ...r.stats, byStatus: { live: 1, invalid: 2 } } }) },
  ])('accepts a report with $name', ({ report }) => {
    const value = report(printed([shapes.file ?? findingOf(key)]));
    expect(parseReport(value)).toEqual(value);
  });

  it('keeps the repository in the parsed finding', () => {
    const [finding] = printed([findingOf(key)]).findings;
    expect(parseReport({ ...printed([]), findings: [{ ...finding, repository: 'octo/repo' }] }).findings[0]?.repository).toBe('octo/repo');
  });

  it('drops fields a later version may add, instead of refusing the report', () => {
    const report = printed([findingOf(key)]);
    const later = { ...report, merged: true, findings: report.findings.map((f) => ({ ...f, triage: 'open' })) };
    expect(parseReport(later)).toEqual(report);
  });

  it.each(Object.entries(shapes))('a %s finding read back for verify --report keeps its place and identity', (_shape, finding) => {
    const [reported] = parseReport(printed([finding], true)).findings.map(toReportedFinding);
    const { secret, ...place } = finding;
    // toEqual counts an undefined field as absent: no verification comes back, it is asked afresh.
    expect(reported).toEqual({ ...place, verification: undefined, redacted: secret.redacted, secret: key });
  });
});

describe('parseReport: what it refuses', () => {
  const key = keys.openrouter();
  /** A valid report with one finding of each source, to break one field of. */
  const valid = (): Report => printed([findingOf(key, outcomes.live), findingOf(key, { origin: history }), findingOf(key, { origin: { kind: 'input', path: '<stdin>' } })]);
  const first = (report: Report): Record<string, unknown> => report.findings[0] as Record<string, unknown>;
  const withFirst = (fields: Partial<Record<keyof ReportFinding, unknown>>) => (report: Report) => {
    Object.assign(first(report), fields);
  };
  const without = (field: keyof ReportFinding, index = 0) => (report: Report) => {
    delete (report.findings[index] as Record<string, unknown>)[field];
  };

  // Each case breaks a valid report; where a value can be put, it is a raw key, which the message must not quote.
  it.each([
    { name: 'null', report: () => null, message: 'not a keywarden json report (no "findings" array)' },
    { name: 'an array', report: () => [{ secret: key }], message: 'not a keywarden json report (no "findings" array)' },
    { name: 'a string', report: () => key, message: 'not a keywarden json report (no "findings" array)' },
    { name: 'findings that are not an array', report: () => ({ ...valid(), findings: { key } }), message: 'not a keywarden json report (no "findings" array)' },
    { name: 'another version', report: () => ({ ...valid(), version: 2 }), message: 'not a keywarden json report of version 1' },
    { name: 'no version', report: () => ({ ...valid(), version: undefined }), message: 'not a keywarden json report of version 1' },
    { name: 'another tool', report: () => ({ ...valid(), tool: { name: key, version: '1' } }), message: 'tool.name is not keywarden' },
    { name: 'no stats', report: () => ({ ...valid(), stats: undefined }), message: 'stats is missing' },
    { name: 'negative stats', report: () => ({ ...valid(), stats: { files: -1, bytes: 0, durationMs: 0 } }), message: 'stats.files is not a whole number from 0' },
    { name: 'a count of an unknown outcome', report: () => ({ ...valid(), stats: { ...valid().stats, byStatus: { [key]: 1 } } }), message: 'stats.byStatus is not valid' },
    { name: 'a negative count of an outcome', report: () => ({ ...valid(), stats: { ...valid().stats, byStatus: { live: -1 } } }), message: 'stats.byStatus.live is not a whole number from 0' },
    { name: 'a warning of an unknown kind', report: () => ({ ...valid(), warnings: [{ message: 'x', kind: key }] }), message: 'warnings[0].kind is not one of filter, incomplete' },
    { name: 'a finding that is not an object', report: () => ({ ...valid(), findings: [key] }), message: 'findings[0] is not an object' },
    { name: 'a missing secretHash', edit: without('secretHash'), message: 'findings[0].secretHash is missing' },
    { name: 'a raw key as secretHash', edit: withFirst({ secretHash: key }), message: 'findings[0].secretHash is not sha256: and 64 lowercase hex' },
    { name: 'upper-case hex in secretHash', edit: withFirst({ secretHash: `sha256:${'A'.repeat(64)}` }), message: 'findings[0].secretHash is not sha256: and 64 lowercase hex' },
    { name: 'a bad rule id', edit: withFirst({ ruleId: key }), message: 'findings[0].ruleId is not a rule id (provider.name)' },
    { name: 'an unknown severity', edit: withFirst({ severity: key }), message: 'findings[0].severity is not one of critical, high, medium, low' },
    { name: 'an empty fingerprint', edit: withFirst({ fingerprint: '' }), message: 'findings[0].fingerprint is not a fingerprint' },
    { name: 'a numeric fingerprint', edit: withFirst({ fingerprint: 7 }), message: 'findings[0].fingerprint is not a fingerprint' },
    { name: 'an unknown source', edit: withFirst({ source: key }), message: 'findings[0].source is not one of file, staged, history, log, input' },
    { name: 'a file finding without a path', edit: without('path'), message: 'findings[0].path is missing' },
    { name: 'a key as a line', edit: withFirst({ line: key }), message: 'findings[0].line is not a whole number from 1' },
    { name: 'line 0', edit: withFirst({ line: 0 }), message: 'findings[0].line is not a whole number from 1' },
    { name: 'a fractional column', edit: withFirst({ column: 1.5 }), message: 'findings[0].column is not a whole number from 1' },
    { name: 'another encoding', edit: withFirst({ encoding: key }), message: 'findings[0].encoding is not base64' },
    { name: 'a bad repository', edit: withFirst({ repository: key }), message: 'findings[0].repository is not OWNER/NAME' },
    { name: 'an unknown verification status', edit: withFirst({ verification: { status: key, detail: {} } }), message: 'findings[0].verification.status is not one of live, invalid, unknown, skipped' },
    { name: 'a verification detail that is a list', edit: withFirst({ verification: { status: 'live', detail: [key] } }), message: 'findings[0].verification.detail is not an object' },
    { name: 'a secret that is not a string', edit: withFirst({ secret: [key] }), message: 'findings[0].secret is not a string' },
    { name: 'a history finding without its commit', edit: without('commit', 1), message: 'findings[1].commit is missing' },
    { name: 'a history finding without its date', edit: without('date', 1), message: 'findings[1].date is missing' },
    { name: 'a key as a commit id', edit: (r: Report) => Object.assign(r.findings[1] ?? {}, { commit: key }), message: 'findings[1].commit is not a commit id' },
  ])('$name', ({ report, edit, message }) => {
    let value: unknown;
    if (report) value = report();
    else {
      const broken = valid();
      edit?.(broken);
      value = JSON.parse(JSON.stringify(broken));
    }
    let thrown = '';
    try {
      parseReport(value);
    } catch (error) {
      thrown = (error as Error).message;
    }
    expect(thrown).toContain(message);
    expect(thrown).not.toContain(key);
    expect(thrown).not.toContain(key.slice('sk-or-v1-'.length, 'sk-or-v1-'.length + 16));
  });

  it('names the first few problems of a report broken everywhere, and counts the rest', () => {
    const broken = { ...valid(), findings: valid().findings.map((finding) => ({ ...finding, line: key, column: key, endColumn: key })) };
    const message = (() => {
      try {
        parseReport(broken);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toBe(
      'findings[0].line is not a whole number from 1; findings[0].column is not a whole number from 1; findings[0].endColumn is not a whole number from 1; and 6 more problems',
    );
  });
});
