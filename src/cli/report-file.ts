import { readFileSync } from 'node:fs';
import { UsageError } from '../core/errors.js';
import { severities, type Origin, type Severity } from '../core/types.js';
import type { ReportedFinding } from '../run/recover.js';

/**
 * Reading a keywarden json report (SPEC §3) back in: `verify --report`. Parsed as unknown
 * and checked field by field. Error messages name the field that is wrong, never its value:
 * a report can hold raw keys.
 */

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1;

const sources = ['file', 'staged', 'history', 'log', 'input'] as const;
const ruleIdShape = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const secretHashShape = /^sha256:[0-9a-f]{64}$/;
const commitShape = /^[0-9a-f]{7,64}$/;

/** A finding's field, or a thrown message naming it. */
function take<T>(finding: Fields, at: string, name: string, valid: (value: unknown) => value is T, what: string): T {
  const value = finding[name];
  if (!valid(value)) throw new Error(`${at}.${name} is missing or not ${what}`);
  return value;
}

function originOf(finding: Fields, at: string): Origin {
  const kind = take(finding, at, 'source', (v): v is (typeof sources)[number] => (sources as readonly unknown[]).includes(v), `one of ${sources.join(', ')}`);
  if (kind === 'input') return { kind, path: '<stdin>' };
  const path = take(finding, at, 'path', isText, 'a path');
  if (kind !== 'history') return { kind, path };
  return {
    kind,
    path,
    commit: take(finding, at, 'commit', (v): v is string => typeof v === 'string' && commitShape.test(v), 'a commit id'),
    author: take(finding, at, 'author', (v): v is string => typeof v === 'string', 'a string'),
    email: take(finding, at, 'email', (v): v is string => typeof v === 'string', 'a string'),
    date: take(finding, at, 'date', (v): v is string => typeof v === 'string', 'a string'),
  };
}

function findingOf(value: unknown, index: number): ReportedFinding {
  const at = `findings[${index}]`;
  if (!isObject(value)) throw new Error(`${at} is not an object`);
  const encoding = value['encoding'];
  if (encoding !== undefined && encoding !== 'base64') throw new Error(`${at}.encoding is not base64`);
  const secret = value['secret'];
  if (secret !== undefined && typeof secret !== 'string') throw new Error(`${at}.secret is not a string`);
  return {
    ruleId: take(value, at, 'ruleId', (v): v is string => typeof v === 'string' && ruleIdShape.test(v), 'a rule id'),
    provider: take(value, at, 'provider', isText, 'a provider name'),
    severity: take(value, at, 'severity', (v): v is Severity => (severities as readonly unknown[]).includes(v), `one of ${severities.join(', ')}`),
    secretHash: take(value, at, 'secretHash', (v): v is string => typeof v === 'string' && secretHashShape.test(v), 'sha256: and 64 lowercase hex'),
    redacted: take(value, at, 'redacted', isText, 'a redacted key'),
    fingerprint: take(value, at, 'fingerprint', isText, 'a fingerprint'),
    origin: originOf(value, at),
    line: take(value, at, 'line', isCount, 'a whole number from 1'),
    column: take(value, at, 'column', isCount, 'a whole number from 1'),
    endColumn: take(value, at, 'endColumn', isCount, 'a whole number from 1'),
    ...(encoding === 'base64' ? { encoding } : {}),
    ...(typeof secret === 'string' ? { secret } : {}),
  };
}

/** The findings of a parsed json report; throws a plain Error naming what is wrong (never a value). */
export function parseReport(report: unknown): ReportedFinding[] {
  if (!isObject(report)) throw new Error('not a keywarden json report (not an object)');
  if (report['version'] !== 1) throw new Error('not a keywarden json report of version 1');
  const findings = report['findings'];
  if (!Array.isArray(findings)) throw new Error('not a keywarden json report (no "findings" array)');
  return findings.map(findingOf);
}

/** `--report FILE`: its findings, or a usage error that names the file and the problem but quotes nothing from it. */
export function readReport(file: string): { findings: ReportedFinding[]; bytes: number } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--report ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch {
    // JSON.parse quotes the text around the error, which could be part of a key: say only what went wrong.
    throw new UsageError(`--report ${file}: not valid JSON (a keywarden report made with --format json)`);
  }
  try {
    return { findings: parseReport(report), bytes: Buffer.byteLength(text) };
  } catch (error) {
    throw new UsageError(`--report ${file}: ${(error as Error).message}`);
  }
}
