import { UsageError } from '../core/errors.js';
import type { Revocation } from '../core/revocation.js';
import { redact, Secret } from '../core/secret.js';
import type { Finding, ReportedFinding, ScanResult, ScanWarning } from '../core/types.js';
import { secretHashOf } from '../detect/finding.js';
import type { Baseline } from '../detect/suppress.js';
import type { Masked, RedactedField } from '../report/mask.js';
import { toReportedFinding } from '../report/model.js';
import { parseReport, type Report, type ReportFinding } from '../report/schema.js';
import { readUpTo } from '../sources/files.js';

/**
 * Largest report read (`--baseline`, `--report`): about 200,000 findings, parsed in well under
 * a GiB. A report is one JSON document, so it is read whole; `/dev/zero` must not grow forever.
 */
const maxReportBytes = 128 * 1024 * 1024;

/** Whether a file's first bytes can start a json report (an object, after any whitespace): `/dev/zero` cannot. */
function startsLikeJson(head: Buffer): boolean {
  const first = head.toString('latin1').trimStart()[0];
  return first === undefined || first === '{';
}

/**
 * A keywarden json report (SPEC §3) read from a file, for `--report FILE` and `--baseline FILE`
 * (`flag`), or a usage error that names the flag, the file and the problem but quotes nothing
 * from it: a report can hold raw keys.
 */
export function readReportFile(file: string, flag?: '--report' | '--baseline'): { report: Report; bytes: number } {
  const named = flag === undefined ? file : `${flag} ${file}`;
  let read: ReturnType<typeof readUpTo>;
  try {
    read = readUpTo(file, maxReportBytes, startsLikeJson);
  } catch (error) {
    throw new UsageError(`${named}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  if (read.more) throw new UsageError(`${named}: larger than ${maxReportBytes / 1024 / 1024} MiB, more than a json report keywarden reads (is it one?)`);
  const text = read.data.toString('utf8');
  let json: unknown;
  try {
    if (read.wrong) throw new SyntaxError('not a JSON object');
    json = JSON.parse(text);
  } catch {
    // JSON.parse quotes the text around the error, which could be part of a key: say only what went wrong.
    throw new UsageError(`${named}: not valid JSON (a keywarden report made with --format json)`);
  }
  try {
    return { report: parseReport(json), bytes: Buffer.byteLength(text) };
  } catch (error) {
    throw new UsageError(`${named}: ${(error as Error).message}`);
  }
}

/** `verify --report FILE`: its findings, ready to be recovered and checked again. */
export function readReport(file: string): { findings: ReportedFinding[]; bytes: number } {
  const { report, bytes } = readReportFile(file, '--report');
  return { findings: report.findings.map(toReportedFinding), bytes };
}

/** `--baseline FILE`: a previous json report; its findings are not reported again. */
export function readBaseline(file: string): Baseline {
  return { fingerprints: new Set(readReportFile(file, '--baseline').report.findings.map((finding) => finding.fingerprint)) };
}

const redactedFieldNames: readonly string[] = ['path', 'fingerprint', 'repository', 'author', 'email', 'verification', 'message'] satisfies RedactedField[];

/** The names of masked fields this version knows; a later version's others are dropped. */
const maskedFields = (names: readonly string[]) => names.filter((field): field is RedactedField => redactedFieldNames.includes(field));

/**
 * The report's raw key as a `Secret`, when it kept one (`--show-secrets`) that is the key its
 * hash names and `redacted` shows; else the redacted form alone, which `reveal()` gives too.
 * The prefix is the part of `redacted` the raw key starts with and `redact` keeps.
 */
function secretOf(finding: ReportFinding, keepRaw: boolean): Secret {
  const raw = finding.secret;
  if (keepRaw && raw !== undefined && secretHashOf(raw) === finding.secretHash) {
    const cut = finding.redacted.indexOf('…');
    for (let end = cut; end >= 0; end--) {
      const prefix = finding.redacted.slice(0, end);
      if (raw.startsWith(prefix) && redact(raw, prefix) === finding.redacted) return new Secret(raw, prefix);
    }
  }
  return Secret.fromRedacted(finding.redacted);
}

/**
 * A json report as the run that wrote it had it, for `keywarden report` to render in another
 * format: each finding with its verification and its masked fields, the warnings, stats and
 * repositories. Raw keys only with `keepRaw` (`--show-secrets`), and only those that match.
 */
export function resultOfReport(report: Report, keepRaw: boolean): ScanResult & { revocations?: Revocation[] } {
  const { files, bytes, durationMs } = report.stats;
  return {
    findings: report.findings.map((finding) => findingOfReport(finding, keepRaw)),
    warnings: warningsOfReport(report),
    stats: { files, bytes, durationMs },
    ...(report.repositories ? { repositories: report.repositories } : {}),
    ...(report.revocations ? { revocations: report.revocations.map(revocationOfReport) } : {}),
  };
}

/** One finding of a report as the run that wrote it had it: its check kept, its key as `secretOf` gives it. */
export function findingOfReport(finding: ReportFinding, keepRaw: boolean): Masked<Finding> {
  const { ruleId, provider, severity, secretHash, fingerprint, origin, line, column, endColumn, encoding } = toReportedFinding(finding);
  const place = { ruleId, provider, severity, secretHash, fingerprint, origin, line, column, endColumn, ...(encoding ? { encoding } : {}) };
  const { verification, redactedFields } = finding;
  const masked = maskedFields(redactedFields ?? []);
  return {
    ...place,
    secret: secretOf(finding, keepRaw),
    ...(verification ? { verification: { status: verification.status, detail: verification.detail, ...(verification.reason !== undefined ? { reason: verification.reason } : {}) } } : {}),
    ...(masked.length > 0 ? { redactedFields: masked } : {}),
  };
}

/** A revocation the report kept, back as the run had it (without the HTTP detail the report leaves out). */
function revocationOfReport({ target, reason, ...rest }: NonNullable<Report['revocations']>[number]): Revocation {
  const { hash, label, name } = target ?? { hash: '' };
  return {
    ...rest,
    ...(target ? { target: { hash, ...(label !== undefined ? { label } : {}), ...(name !== undefined ? { name } : {}) } } : {}),
    ...(reason !== undefined ? { reason } : {}),
  };
}

/** A report's warnings as the run that wrote it had them. */
export function warningsOfReport(report: Report): Masked<ScanWarning>[] {
  return (report.warnings ?? []).map(({ path, message, kind, redactedFields }) => ({
    ...(path !== undefined ? { path } : {}),
    message,
    ...(kind !== undefined ? { kind } : {}),
    ...(redactedFields !== undefined ? { redactedFields: maskedFields(redactedFields) } : {}),
  }));
}
