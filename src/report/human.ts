import type { CompiledRule, Finding, ScanResult, Severity, Verification, VerificationStatus } from '../core/types.js';
import { colors, type Colors } from './colors.js';
import { distinctFiles, placeOf, printable, suppressHint, type ReportContext } from './model.js';
import { countByStatus, describeOutcome, escalationOf, isVerified, verificationOf } from './verification.js';

const severityColor: Record<Severity, keyof Pick<Colors, 'red' | 'magenta' | 'yellow' | 'blue'>> = {
  critical: 'magenta',
  high: 'red',
  medium: 'yellow',
  low: 'blue',
};

type Paint = (text: string) => string;

/** A live key must stand out, a key no one could check must not be mistaken for a dead one, and a dead one recedes. */
function outcomePaint(status: VerificationStatus, c: Colors): Paint {
  switch (status) {
    case 'live':
      return c.red;
    case 'unknown':
      return c.yellow;
    case 'invalid':
    case 'skipped':
      return c.dim;
  }
}

/** `LIVE`, `UNKNOWN`, …: upper case so the outcome reads at a glance without colour too. */
function statusTag(status: VerificationStatus, c: Colors): string {
  const tag = status.toUpperCase();
  return status === 'live' || status === 'unknown' ? c.bold(outcomePaint(status, c)(tag)) : outcomePaint(status, c)(tag);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/** The lines under a verified finding's heading: why its severity was raised, then what the check found. */
function verificationLines(verification: Verification, severity: Severity, c: Colors): string[] {
  const lines: string[] = [];
  const escalation = escalationOf(verification);
  if (escalation) lines.push(`  ${c.bold(c[severityColor[severity]](`${severity}: ${escalation}`))}`);
  const outcome = describeOutcome(verification);
  if (outcome) lines.push(`  ${outcomePaint(verification.status, c)(outcome)}`);
  return lines;
}

function renderFinding(finding: Finding, rule: CompiledRule | undefined, context: ReportContext, c: Colors): string {
  const where = `${printable(placeOf(finding.origin))}:${finding.line}:${finding.column}`;
  const key = printable(context.showSecrets ? finding.secret.reveal() : finding.secret.redacted);
  const severity = c[severityColor[finding.severity]](finding.severity);
  const encoded = finding.encoding ? c.dim(` (${finding.encoding}-encoded)`) : '';
  const verification = verificationOf(finding);
  // The tag goes after the location, which stays first so editors and terminals can jump to it.
  const tag = verification ? `  ${statusTag(verification.status, c)}` : '';
  const lines = [`${c.bold(where)}${tag}  ${printable(rule?.name ?? finding.ruleId)}  ${severity}  ${c.cyan(key)}${encoded}`];
  if (verification) lines.push(...verificationLines(verification, finding.severity, c));
  if (finding.origin.kind === 'history') {
    const { commit, author, date } = finding.origin;
    lines.push(`  ${c.dim(printable(`commit ${commit.slice(0, 12)} by ${author} on ${date}`))}`);
  }
  if (rule) lines.push(`  ${c.dim('fix:')} ${rule.hint}`);
  // A key handed in on stdin sits in no file, so there is no line to mark or fingerprint to keep.
  if (finding.origin.kind !== 'input') lines.push(`  ${c.dim(suppressHint(finding, context))}`);
  return lines.join('\n');
}

/** What the summary line counts: enough to write it without holding the findings (a streamed report). */
export interface HumanTally {
  found: number;
  /** Distinct files holding findings. */
  files: number;
  /** Findings per outcome, most urgent first; empty when nothing was verified. */
  outcomes: [VerificationStatus, number][];
  /** Every finding is a key handed over directly (`keywarden verify`): keys were checked, nothing scanned. */
  allInput: boolean;
}

export function tallyOf(findings: readonly Finding[], files: number): HumanTally {
  return {
    found: findings.length,
    files,
    outcomes: isVerified(findings) ? countByStatus(findings) : [],
    allInput: findings.length > 0 && findings.every((finding) => finding.origin.kind === 'input'),
  };
}

/** ` (2 live, 1 unknown, 1 invalid)` after the count, when the keys were checked. */
function outcomeCounts(tally: HumanTally, c: Colors): string {
  if (tally.outcomes.length === 0) return '';
  const counts = tally.outcomes.map(([status, count]) => outcomePaint(status, c)(`${count} ${status}`));
  return ` (${counts.join(', ')})`;
}

/** `keywarden verify` on keys from stdin: nothing was scanned, keys were checked. */
function checkedSummary(result: ScanResult, tally: HumanTally, why: string, c: Colors): string {
  const found = tally.found;
  const warned = result.warnings.length;
  const warnings = warned > 0 ? ` · ${c.yellow(`${warned} warning${warned === 1 ? '' : 's'}`)}` : '';
  if (found === 0) return `${c.green('✔ no keys to check')}${warnings}${why}`;
  return `${c.bold(`${found} key${found === 1 ? '' : 's'} checked`)}${outcomeCounts(tally, c)}${warnings}${why}`;
}

function summaryLine(result: ScanResult, tally: HumanTally, context: ReportContext, c: Colors): string {
  // The last words say why the exit code is what it is, when the findings shown do not.
  const why = context.verdict?.why ? ` · ${c.bold(context.verdict.why)}` : '';
  if (tally.allInput) return checkedSummary(result, tally, why, c);
  const { files, bytes, durationMs } = result.stats;
  const scanned = c.dim(`${files} file${files === 1 ? '' : 's'} (${formatBytes(bytes)}) scanned in ${(durationMs / 1000).toFixed(2)} s`);
  const suppressed = context.suppressed ? c.dim(`, ${context.suppressed} suppressed`) : '';
  // A `--results` note is not about scanning: everything was scanned, some findings are not shown.
  const warned = result.warnings.filter((warning) => warning.kind !== 'filter').length;
  const warnings = warned > 0 ? ` · ${c.yellow(`${warned} warning${warned === 1 ? '' : 's'}: not everything was scanned`)}` : '';
  const found = tally.found;
  const failed = (context.verdict?.exitCode ?? 0) !== 0;
  if (found === 0 && !failed) return `${c.green('✔ no leaked keys')} · ${scanned}${suppressed}${warnings}${why}`;
  if (found === 0) return `${c.red(c.bold('✖ no leaked key shown'))} · ${scanned}${suppressed}${warnings}${why}`;
  const inFiles = `${tally.files} file${tally.files === 1 ? '' : 's'}`;
  return `${c.red(c.bold(`✖ ${found} leaked key${found === 1 ? '' : 's'}`))}${outcomeCounts(tally, c)} in ${inFiles} · ${scanned}${suppressed}${warnings}${why}`;
}

/** One finding's block, for a report printed as findings are found (`keywarden logs`). */
export function renderHumanFinding(finding: Finding, rules: readonly CompiledRule[], context: ReportContext, color: boolean): string {
  return renderFinding(finding, rules.find((rule) => rule.id === finding.ruleId), context, colors(color));
}

/** The closing line of a streamed report; `result.findings` may be empty there, `tally` counts what was printed. */
export function renderHumanSummary(result: ScanResult, tally: HumanTally, context: ReportContext, color: boolean): string {
  return summaryLine(result, tally, context, colors(color));
}

/** For people at a terminal: one block per finding (`path:line:col` first, so editors can jump), then a summary. */
export function renderHuman(result: ScanResult, context: ReportContext, rules: readonly CompiledRule[], color: boolean): string {
  const c = colors(color);
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const blocks = result.findings.map((finding) => renderFinding(finding, byId.get(finding.ruleId), context, c));
  return `${[...blocks, summaryLine(result, tallyOf(result.findings, distinctFiles(result)), context, c)].join('\n\n')}\n`;
}
