import type { Finding, Origin, ReportedFinding, ScanResult } from '../core/types.js';
import type { Masked } from './mask.js';
import { printable } from './neutral.js';
import type { ReportFinding } from './schema.js';
import { verificationOf } from './verification.js';

export type { ReportFinding } from './schema.js';
export { printable } from './neutral.js';

/** What every renderer is given besides the result. */
export interface ReportContext {
  toolVersion: string;
  /** Include the raw key (`--show-secrets`). Off by default: reports are shared, logged and uploaded. */
  showSecrets: boolean;
  /** Findings removed by ignore files and baselines, for the summary line. */
  suppressed?: number;
  /** Path from the repository's top to the scanned root (`sub/dir/`), so SARIF URIs are repo-relative. */
  uriPrefix?: string;
  /** The `.keywardenignore` that applies, as the user would open it (`../.keywardenignore`); default `.keywardenignore`. */
  ignoreFile?: string;
  /** The run's exit code, and why when its findings alone do not tell: the summary line ends with it. */
  verdict?: { exitCode: number; why?: string };
}

export function toReportFinding(finding: Masked<Finding>, context: ReportContext): ReportFinding {
  const { origin } = finding;
  const verification = verificationOf(finding);
  return {
    ruleId: finding.ruleId,
    provider: finding.provider,
    severity: finding.severity,
    secretHash: finding.secretHash,
    redacted: finding.secret.redacted,
    fingerprint: finding.fingerprint,
    ...(origin.repository !== undefined ? { repository: origin.repository } : {}),
    source: origin.kind,
    ...(origin.kind === 'input' ? {} : { path: origin.path }),
    line: finding.line,
    column: finding.column,
    endColumn: finding.endColumn,
    ...(finding.encoding ? { encoding: finding.encoding } : {}),
    ...(origin.kind === 'history'
      ? { commit: origin.commit, author: origin.author, email: origin.email, date: origin.date }
      : {}),
    ...(verification ? { verification } : {}),
    ...(context.showSecrets ? { secret: finding.secret.reveal() } : {}),
    ...(finding.redactedFields ? { redactedFields: finding.redactedFields } : {}),
  };
}

function originOf(finding: ReportFinding): Origin {
  // `parseReport` has checked that a path is there unless the source is input, and the
  // commit fields for history: the empty fallbacks are never used.
  const repository = finding.repository !== undefined ? { repository: finding.repository } : {};
  if (finding.source === 'input') return { kind: 'input', path: '<stdin>', ...repository };
  const path = finding.path ?? '';
  if (finding.source !== 'history') return { kind: finding.source, path, ...repository };
  const { commit = '', author = '', email = '', date = '' } = finding;
  return { kind: 'history', path, commit, author, email, date, ...repository };
}

/**
 * `toReportFinding` backwards, for `verify --report`: the finding's place and identity. The
 * verification is left out (it is asked afresh); the raw key only when the report held one.
 */
export function toReportedFinding(finding: ReportFinding): ReportedFinding {
  const { ruleId, provider, severity, secretHash, redacted, fingerprint, line, column, endColumn, encoding, secret } = finding;
  return {
    ruleId,
    provider,
    severity,
    secretHash,
    redacted,
    fingerprint,
    origin: originOf(finding),
    line,
    column,
    endColumn,
    ...(encoding ? { encoding } : {}),
    ...(secret !== undefined ? { secret } : {}),
  };
}

/**
 * Whether the line a finding is on can still be edited to carry `keywarden:allow`: a file in
 * the tree or a staged one. A past commit, a log line or a key handed in cannot; for those
 * only the fingerprint in the ignore file keeps a deliberate fake out.
 */
export function lineCanBeMarked(finding: Finding): boolean {
  return finding.origin.kind === 'file' || finding.origin.kind === 'staged';
}

/**
 * How to keep a deliberate fake out of later reports, for a report of many findings
 * (markdown, job summary, PR comment), worded as `suppressHint` words it for one: the
 * `keywarden:allow` marker only when some finding sits on a line that can be edited.
 * `ignoreFile` is given as the format shows it; `listed` says where fingerprints are listed.
 */
export function fakeAdvice(findings: readonly Finding[], ignoreFile: string, listed = ''): string {
  const markable = findings.filter(lineCanBeMarked).length;
  if (markable === 0) return `Add its fingerprint${listed} to ${ignoreFile}.`;
  if (markable === findings.length) return `Add \`keywarden:allow\` to its line, or its fingerprint${listed} to ${ignoreFile}.`;
  return `Add \`keywarden:allow\` to its line if it is in a file you can edit, or its fingerprint${listed} to ${ignoreFile} (the only way for a key in a past commit or a log).`;
}

/**
 * The one-line advice shown with a finding, fitted to where it was found: a line in a file can
 * carry `keywarden:allow`; a past commit or a log line cannot be edited, and the key stays
 * readable there until it is revoked.
 */
export function suppressHint(finding: Finding, context: Pick<ReportContext, 'ignoreFile'> = {}): string {
  const ignoreFile = printable(context.ignoreFile ?? '.keywardenignore');
  const fingerprint = printable(finding.fingerprint);
  switch (finding.origin.kind) {
    case 'history':
      return `the key stays in history until it is revoked: rotate it; removing it in a new commit does not help. Deliberate fake? add "${fingerprint}" to ${ignoreFile}`;
    case 'log':
      return `the log keeps the key: rotate it, and mask logs at the source (app | keywarden redact). Deliberate fake? add "${fingerprint}" to ${ignoreFile}`;
    default:
      // A file or a staged line (`lineCanBeMarked`); keys handed in get no hint (they are in no file).
      return `deliberate fake? add "keywarden:allow" on the line, or "${fingerprint}" to ${ignoreFile}`;
  }
}

/**
 * Where a finding is, for people: its path, after `OWNER/NAME:` when an audit of several
 * repositories found it (the path alone would not say which repository to open).
 */
export function placeOf(origin: Origin): string {
  return origin.repository !== undefined ? `${origin.repository}:${origin.path}` : origin.path;
}

/** Distinct files holding findings; one path in two repositories is two files. */
export function distinctFiles(result: ScanResult): number {
  return new Set(result.findings.map((finding) => placeOf(finding.origin))).size;
}
