import type { Severity } from '../../core/types.js';
import { keyId, statusOf, type NoticeFinding, type NoticeStatus } from './notice.js';

/**
 * What the notify issue remembers between runs: each row it lists, with the status it last
 * had, in a hidden line at the end of its body. A run tells only what it found (a pull
 * request's diff, a `--results live` filter, one shard): the rows it does not mention stay, with
 * their last status, so an issue is never rewritten without the keys an earlier run listed, and
 * never closed while one of them may still work. A row leaves only when it is settled and the
 * issue is full. No key is in it: the key id (16 hex digits of the hash), the redacted form.
 */

const statePrefix = '<!-- keywarden:state ';
/** Rows remembered at most (~12 KiB of the 64 KiB GitHub allows a body, which the table needs): the most urgent are kept. */
export const maxRemembered = 50;

/** One remembered row, with short names: the line is part of the issue body's size. */
interface Remembered {
  k: string;
  r: string;
  p: string;
  i: string;
  v: Severity;
  s: NoticeStatus;
  f?: string;
  l: number;
  c?: string;
}

/** The remembered rows, and each rule's hint once (hints are long, and the same for every key of a rule). */
interface State {
  rows: Remembered[];
  hints: Record<string, string>;
}

const statuses: readonly NoticeStatus[] = ['live', 'unknown', 'not verified', 'invalid', 'revoked'];

/** Where a row is: the same key at the same place is one row. */
const placeOf = (finding: NoticeFinding) => `${keyId(finding)}\0${finding.path ?? ''}\0${finding.line}\0${finding.commit ?? ''}`;

function remember(finding: NoticeFinding): Remembered {
  return {
    k: keyId(finding),
    r: finding.redacted,
    p: finding.provider,
    i: finding.ruleId,
    v: finding.severity,
    s: statusOf(finding),
    l: finding.line,
    ...(finding.path !== undefined ? { f: finding.path } : {}),
    ...(finding.commit !== undefined ? { c: finding.commit } : {}),
  };
}

/** A remembered row as a finding the renderer and `isSettled` read (its status as the run that last saw it said). */
function recall(row: Remembered, hint: string | undefined): NoticeFinding {
  const status = row.s === 'revoked' ? { revocation: 'revoked' as const } : row.s === 'not verified' ? {} : { verification: { status: row.s, detail: {} } };
  return {
    ruleId: row.i,
    provider: row.p,
    severity: row.v,
    secretHash: `sha256:${row.k}`,
    redacted: row.r,
    fingerprint: row.k,
    source: row.c !== undefined ? 'history' : 'file',
    line: row.l,
    column: 1,
    endColumn: 1,
    ...(row.f !== undefined ? { path: row.f } : {}),
    ...(row.c !== undefined ? { commit: row.c } : {}),
    ...(hint !== undefined ? { hint } : {}),
    ...status,
  };
}

/** The hidden line for `findings` (the most urgent first, at most `maxRemembered`). */
export function stateLine(findings: readonly NoticeFinding[]): string {
  const kept = [...findings].sort((a, b) => statuses.indexOf(statusOf(a)) - statuses.indexOf(statusOf(b))).slice(0, maxRemembered);
  const hints = Object.fromEntries(kept.flatMap((finding) => (finding.hint !== undefined ? [[finding.ruleId, finding.hint]] : [])));
  const state: State = { rows: kept.map(remember), hints };
  return `${statePrefix}${Buffer.from(JSON.stringify(state)).toString('base64url')} -->`;
}

/** Whether a parsed value is a remembered row; anything else in an edited body is ignored. */
function isRemembered(value: unknown): value is Remembered {
  if (value === null || typeof value !== 'object') return false;
  const row = value as Record<string, unknown>;
  const text = (field: unknown) => typeof field === 'string' && field.length > 0 && field.length <= 500;
  return (
    typeof row.k === 'string' && /^[0-9a-f]{16}$/.test(row.k) && text(row.r) && text(row.p) && text(row.i) && text(row.v) &&
    statuses.includes(row.s as NoticeStatus) && typeof row.l === 'number' && Number.isInteger(row.l) && row.l >= 1 &&
    (row.f === undefined || text(row.f)) && (row.c === undefined || (typeof row.c === 'string' && /^[0-9a-f]{7,64}$/.test(row.c)))
  );
}

/** The rows a body remembers; none when it has no line (an issue from an older version) or it cannot be read. */
export function rememberedIn(body: string): NoticeFinding[] {
  const line = body.split(/\r?\n/).find((text) => text.startsWith(statePrefix));
  if (line === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(Buffer.from(line.slice(statePrefix.length).replace(/\s*-->\s*$/, ''), 'base64url').toString('utf8'));
    if (parsed === null || typeof parsed !== 'object') return [];
    const { rows, hints } = parsed as Partial<Record<keyof State, unknown>>;
    const hintOf = (ruleId: string) => {
      const hint = hints !== null && typeof hints === 'object' ? (hints as Record<string, unknown>)[ruleId] : undefined;
      return typeof hint === 'string' && hint.length <= 500 ? hint : undefined;
    };
    return Array.isArray(rows) ? rows.filter(isRemembered).map((row) => recall(row, hintOf(row.i))) : [];
  } catch {
    return [];
  }
}

/**
 * This run's findings, and the rows the issue remembers at places this run did not report:
 * those keep their place, with the status this run gave their key when it saw that key
 * elsewhere, else the one they had.
 */
export function withRemembered(findings: readonly NoticeFinding[], remembered: readonly NoticeFinding[]): NoticeFinding[] {
  const reported = new Set(findings.map(placeOf));
  const latest = new Map(findings.map((finding) => [keyId(finding), finding]));
  const carried = remembered
    .filter((row) => !reported.has(placeOf(row)))
    .map((row) => {
      const now = latest.get(keyId(row));
      if (!now) return row;
      const place: NoticeFinding = { ...row };
      delete place.verification;
      delete place.revocation;
      return { ...place, ...(now.verification ? { verification: now.verification } : {}), ...(now.revocation ? { revocation: now.revocation } : {}) };
    });
  return [...findings, ...carried];
}
