import type { CompiledRule, Finding, ScanResult, Severity } from '../core/types.js';
import { colors, type Colors } from './colors.js';
import { distinctFiles, suppressHint, type ReportContext } from './model.js';

const severityColor: Record<Severity, keyof Pick<Colors, 'red' | 'magenta' | 'yellow' | 'blue'>> = {
  critical: 'magenta',
  high: 'red',
  medium: 'yellow',
  low: 'blue',
};

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

function renderFinding(finding: Finding, rule: CompiledRule | undefined, context: ReportContext, c: Colors): string {
  const where = `${finding.origin.path}:${finding.line}:${finding.column}`;
  const key = context.showSecrets ? finding.secret.reveal() : finding.secret.redacted;
  const severity = c[severityColor[finding.severity]](finding.severity);
  const encoded = finding.encoding ? c.dim(` (${finding.encoding}-encoded)`) : '';
  const lines = [`${c.bold(where)}  ${rule?.name ?? finding.ruleId}  ${severity}  ${c.cyan(key)}${encoded}`];
  if (finding.origin.kind === 'history') {
    lines.push(`  ${c.dim(`commit ${finding.origin.commit.slice(0, 12)} by ${finding.origin.author} on ${finding.origin.date}`)}`);
  }
  if (rule) lines.push(`  ${c.dim('fix:')} ${rule.hint}`);
  lines.push(`  ${c.dim(suppressHint(finding))}`);
  return lines.join('\n');
}

/** For people at a terminal: one block per finding (`path:line:col` first, so editors can jump), then a summary. */
export function renderHuman(result: ScanResult, context: ReportContext, rules: readonly CompiledRule[], color: boolean): string {
  const c = colors(color);
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const blocks = result.findings.map((finding) => renderFinding(finding, byId.get(finding.ruleId), context, c));
  const { files, bytes, durationMs } = result.stats;
  const scanned = c.dim(`${files} file${files === 1 ? '' : 's'} (${formatBytes(bytes)}) scanned in ${(durationMs / 1000).toFixed(2)} s`);
  const suppressed = context.suppressed ? c.dim(`, ${context.suppressed} suppressed`) : '';
  const warned = result.warnings.length;
  const warnings = warned > 0 ? ` · ${c.yellow(`${warned} warning${warned === 1 ? '' : 's'}: not everything was scanned`)}` : '';
  const summary =
    result.findings.length === 0
      ? `${c.green('✔ no leaked keys')} · ${scanned}${suppressed}${warnings}`
      : `${c.red(c.bold(`✖ ${result.findings.length} leaked key${result.findings.length === 1 ? '' : 's'}`))} in ${distinctFiles(result)} file${distinctFiles(result) === 1 ? '' : 's'} · ${scanned}${suppressed}${warnings}`;
  return `${[...blocks, summary].join('\n\n')}\n`;
}
