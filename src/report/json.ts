import type { Finding, ScanResult } from '../core/types.js';
import { toReportFinding, type ReportContext } from './model.js';
import type { Report } from './schema.js';

/** SPEC §3: one JSON object. */
export function renderJson(result: ScanResult, context: ReportContext): string {
  const report: Report = {
    version: 1,
    tool: { name: 'keywarden', version: context.toolVersion },
    findings: result.findings.map((finding) => toReportFinding(finding, context)),
    stats: result.stats,
    ...(result.warnings.length > 0 ? { warnings: result.warnings } : {}),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One finding's line of a jsonl report, newline included. */
export function renderJsonlFinding(finding: Finding, context: ReportContext): string {
  return `${JSON.stringify(toReportFinding(finding, context))}\n`;
}

/** SPEC §3: the finding objects, one a line. */
export function renderJsonl(result: ScanResult, context: ReportContext): string {
  return result.findings.map((finding) => renderJsonlFinding(finding, context)).join('');
}
