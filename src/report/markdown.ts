import type { Finding, ScanResult } from '../core/types.js';
import { distinctFiles, fakeAdvice, placeOf, type ReportContext } from './model.js';
import { printable } from './neutral.js';
import { countByStatus, describeOutcome, escalationOf, isVerified, statusOf, statusSummary, verificationOf } from './verification.js';

/**
 * Markdown cells must not break the table or render markup from scanned paths or provider
 * text; `$` too, because GitHub reads `$…$` as maths (`usage $1 of $5 limit`). Other control
 * and bidi characters are shown as `?`, as everywhere. Shared with the GitHub reporter, which
 * makes cells inert on top of this.
 */
export function cell(text: string): string {
  return printable(text.replace(/[\\`*_|<>[\]$]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' '));
}

/** Bold what needs acting on: a key that works, and one no one could check. */
export function statusCell(finding: Finding): string {
  const status = statusOf(finding);
  return status === 'live' || status === 'unknown' ? `**${status}**` : status;
}

/** A live check can raise a key to critical; make that stand out from the rule's own severities. */
export function severityCell(finding: Finding, verified: boolean): string {
  return verified && finding.severity === 'critical' ? '**critical**' : finding.severity;
}

/** Why the severity was raised, then what the check found: `management key — …; live: usage $12.50, no limit`. */
export function detailsCell(finding: Finding): string {
  const verification = verificationOf(finding);
  if (!verification) return '';
  return cell([escalationOf(verification), describeOutcome(verification)].filter((text) => text !== undefined).join('; '));
}

/** `### keywarden: 3 leaked keys (1 live, 2 invalid) in 2 files`. */
export function heading(result: ScanResult, verified: boolean): string {
  const { findings } = result;
  const outcomes = verified ? ` (${statusSummary(findings)})` : '';
  return `### keywarden: ${findings.length} leaked key${findings.length === 1 ? '' : 's'}${outcomes} in ${distinctFiles(result)} file${distinctFiles(result) === 1 ? '' : 's'}`;
}

/** What to do first, when the check found keys that work or may work. */
export function urgentAdvice(findings: readonly Finding[]): string[] {
  const counts = new Map(countByStatus(findings));
  const advice: string[] = [];
  if (counts.has('live')) advice.push('**Live keys work right now: revoke them at the provider first.**');
  if (counts.has('unknown')) advice.push('Keys that could not be checked may still work: treat them as live until checked.');
  return advice.length > 0 ? [advice.join(' '), ''] : [];
}

/** A summary table for PR comments, job summaries and tickets. */
export function renderMarkdown(result: ScanResult, context: ReportContext): string {
  const { findings } = result;
  if (findings.length === 0) return `### keywarden: no leaked keys\n\nScanned ${result.stats.files} files.\n`;
  const verified = isVerified(findings);
  const history = findings.some((finding) => finding.origin.kind === 'history');
  const lines = [
    heading(result, verified),
    '',
    `| File | Line |${history ? ' Commit |' : ''} Provider | Severity |${verified ? ' Status | Details |' : ''} Key | Fingerprint |`,
    `|---|---|${history ? '---|' : ''}---|---|${verified ? '---|---|' : ''}---|---|`,
  ];
  for (const finding of findings) {
    const key = context.showSecrets ? finding.secret.reveal() : finding.secret.redacted;
    const status = verified ? ` ${statusCell(finding)} | ${detailsCell(finding)} |` : '';
    const { origin } = finding;
    const commit = !history ? '' : origin.kind === 'history' ? ` ${cell(`${origin.commit.slice(0, 12)} ${origin.author}, ${origin.date.slice(0, 10)}`)} |` : ' |';
    lines.push(
      `| ${cell(placeOf(finding.origin))} | ${finding.line} |${commit} ${cell(finding.provider)} | ${severityCell(finding, verified)} |${status} \`${key}\` | ${cell(printable(finding.fingerprint))} |`,
    );
  }
  const ignoreFile = context.ignoreFile ?? '.keywardenignore';
  // A path with a backtick cannot sit in a code span; it is escaped as text instead.
  const shownIgnoreFile = ignoreFile.includes('`') ? cell(ignoreFile) : `\`${ignoreFile}\``;
  const staysReadable = findings.some((finding) => finding.origin.kind === 'history' || finding.origin.kind === 'log')
    ? '; a key in a past commit or a log stays readable there until it is revoked'
    : '';
  lines.push(
    '',
    ...(verified ? urgentAdvice(findings) : []),
    `Rotate each key at its provider, then remove it from the code${staysReadable}. A deliberate fake (a test fixture)? ${fakeAdvice(findings, shownIgnoreFile)}`,
    '',
  );
  return lines.join('\n');
}
