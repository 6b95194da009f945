import type { Finding, RepositoryCoverage, ScanResult, ScanWarning, Verification } from '../core/types.js';
import type { ReportContext } from './model.js';
import { printable } from './neutral.js';

/**
 * Keys that are not findings: a key in a file or directory name, a git author, a warning, a
 * provider's answer is no finding, but every report prints it. Each report's text passes
 * through `Redact` first (here, so no renderer can forget a field), masked as a finding's key
 * is. The redacted forms of the findings' own keys are left as they are.
 *
 * report/ runs no detection: the front end builds `Redact` from the run's rules (the one
 * redaction of every output, `redactKeys` in detect/redact-text.ts) and hands it in.
 */
export type Redact = (text: string) => string;

/**
 * Which of a finding's or warning's fields had a key masked: a json or SARIF reader learns that
 * this `path` names no file it could open (the key in it is masked), and this fingerprint is the
 * masked one (which ignore files and baselines accept as well).
 */
export type RedactedField = 'path' | 'fingerprint' | 'repository' | 'author' | 'email' | 'verification' | 'message';

/** A finding or warning as reports print it: `redactedFields` only when something was masked. */
export type Masked<T> = T & { redactedFields?: RedactedField[] };

/** Masks fields one by one and remembers which ones changed. */
function fieldMasker(redact: Redact): { mask: (field: RedactedField, text: string) => string; changed: RedactedField[] } {
  const changed: RedactedField[] = [];
  return {
    changed,
    mask: (field, text) => {
      const masked = redact(text);
      if (masked !== text && !changed.includes(field)) changed.push(field);
      return masked;
    },
  };
}

/** Provider text (detail fields, the reason) may quote any key, not only the finding's own. */
function maskVerification(verification: Verification, mask: (text: string) => string): Verification {
  const detail = Object.fromEntries(Object.entries(verification.detail).map(([name, value]) => [name, typeof value === 'string' ? mask(value) : value]));
  return { ...verification, detail, ...(verification.reason !== undefined ? { reason: mask(verification.reason) } : {}) };
}

/** The finding with a key in any of its metadata masked; the same object when there was none. */
export function maskFinding(finding: Finding, redact: Redact): Masked<Finding> {
  const { mask, changed } = fieldMasker(redact);
  const { origin } = finding;
  const path = mask('path', origin.path);
  const repository = origin.repository === undefined ? {} : { repository: mask('repository', origin.repository) };
  const maskedOrigin =
    origin.kind === 'history'
      ? { ...origin, path, ...repository, author: mask('author', origin.author), email: mask('email', origin.email) }
      : { ...origin, path, ...repository };
  const fingerprint = mask('fingerprint', finding.fingerprint);
  const verification = finding.verification && maskVerification(finding.verification, (text) => mask('verification', text));
  if (changed.length === 0) return finding;
  return { ...finding, origin: maskedOrigin, fingerprint, ...(verification ? { verification } : {}), redactedFields: changed };
}

/** The warning with a key in its path or message masked; the same object when there was none. */
export function maskWarning(warning: ScanWarning, redact: Redact): Masked<ScanWarning> {
  const { mask, changed } = fieldMasker(redact);
  const path = warning.path === undefined ? {} : { path: mask('path', warning.path) };
  const message = mask('message', warning.message);
  return changed.length === 0 ? warning : { ...warning, ...path, message, redactedFields: changed };
}

/** Which repositories were covered, with a key in a name or a reason (git's message, which may quote a URL) masked. */
function maskCoverage(coverage: RepositoryCoverage, redact: Redact): RepositoryCoverage {
  return {
    scanned: coverage.scanned.map(redact),
    notScanned: coverage.notScanned.map(({ repository, reason }) => ({ repository: redact(repository), reason: redact(reason) })),
  };
}

/** A result as every report prints it: each finding's and warning's metadata masked, and the repositories covered. */
export function maskResult<T extends ScanResult>(result: T, redact: Redact): T {
  return {
    ...result,
    findings: result.findings.map((finding) => maskFinding(finding, redact)),
    warnings: result.warnings.map((warning) => maskWarning(warning, redact)),
    ...(result.repositories ? { repositories: maskCoverage(result.repositories, redact) } : {}),
  };
}

/** The context's own paths (the ignore file, the scanned directory) and the verdict's reason, masked. */
export function maskContext<T extends Partial<ReportContext>>(context: T, redact: Redact): T {
  const { ignoreFile, uriPrefix, verdict } = context;
  return {
    ...context,
    ...(ignoreFile !== undefined ? { ignoreFile: redact(ignoreFile) } : {}),
    ...(uriPrefix !== undefined ? { uriPrefix: redact(uriPrefix) } : {}),
    ...(verdict?.why !== undefined ? { verdict: { ...verdict, why: redact(verdict.why) } } : {}),
  };
}

/**
 * A fingerprint as reports print it, when that differs from the fingerprint: keys in its path
 * masked (json, SARIF, markdown), and for people control and bidi characters shown as `?` too.
 * What a user copies into `.keywardenignore` or keeps as a baseline, so it names the finding too.
 */
export function printedFingerprints(fingerprint: string, redact: Redact): string[] {
  const masked = redact(fingerprint);
  return [...new Set([masked, printable(masked)])].filter((printed) => printed !== fingerprint);
}
