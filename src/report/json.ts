import type { Revocation } from '../core/revocation.js';
import type { Finding, ScanResult } from '../core/types.js';
import { toReportFinding, type ReportContext } from './model.js';
import type { Report } from './schema.js';
import { countByStatus, isVerified } from './verification.js';

/**
 * The run's stats, and with `--verify` the findings per outcome (most urgent first, only those
 * that occur). An unverified report's stats are exactly the three counts, as before.
 */
function statsOf(result: ScanResult): Report['stats'] {
  const { files, bytes, durationMs } = result.stats;
  if (!isVerified(result.findings)) return { files, bytes, durationMs };
  return { files, bytes, durationMs, byStatus: Object.fromEntries(countByStatus(result.findings)) };
}

/** A revocation as the json report keeps it: what people and `keywarden report` read, not the HTTP detail. */
function reportedRevocation({ ruleId, provider, secretHash, redacted, outcome, action, target, reason, at }: Revocation): NonNullable<Report['revocations']>[number] {
  return { ruleId, provider, secretHash, redacted, outcome, action, ...(target ? { target } : {}), ...(reason !== undefined ? { reason } : {}), at };
}

/** SPEC §3: one JSON object; with `--revoke`, each distinct key's revocation too. */
export function renderJson(result: ScanResult & { revocations?: readonly Revocation[] }, context: ReportContext): string {
  const report: Report = {
    version: 1,
    tool: { name: 'keywarden', version: context.toolVersion },
    findings: result.findings.map((finding) => toReportFinding(finding, context)),
    stats: statsOf(result),
    ...(result.warnings.length > 0 ? { warnings: result.warnings } : {}),
    ...(result.revocations ? { revocations: result.revocations.map(reportedRevocation) } : {}),
    ...(result.shard ? { shard: result.shard } : {}),
    ...(result.repositories ? { repositories: result.repositories } : {}),
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
