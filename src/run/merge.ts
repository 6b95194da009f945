import { KeywardenError } from '../core/errors.js';
import type { Finding, RepositoryCoverage, ScanWarning } from '../core/types.js';
import type { Report, ReportFinding } from '../report/schema.js';
import { toReportedFinding } from '../report/model.js';
import { recoverFindings, type LineReader } from './recover.js';
import { findingOfReport, warningsOfReport } from './report-file.js';
import type { ShardPlan } from './shard-plan.js';
import type { Source } from './source.js';

/**
 * `keywarden merge REPORT…` (SPEC §9): the json reports of an audit's shards made into the one
 * report a single machine would have written. Reports are checked to belong together first
 * (one tool version; one plan, when they are shards of one), then joined: findings kept once
 * per fingerprint (fingerprints include the repository, so two repositories never merge),
 * read counts summed, repositories scanned and not scanned listed across all, and every shard
 * of the plan that is missing said as a warning that makes the run incomplete (exit 2).
 */

/** One report given to merge, with the name it is told by in messages (its file). */
export interface MergeInput {
  name: string;
  report: Report;
}

export interface MergedReports {
  findings: ReportFinding[];
  warnings: ScanWarning[];
  repositories?: RepositoryCoverage;
  files: number;
  bytes: number;
}

/** The one value every report gives for `field`, or an error naming each value and its reports. */
function agreed<T>(inputs: readonly MergeInput[], valueOf: (report: Report) => T, what: string): T {
  const byValue = new Map<string, string[]>();
  for (const { name, report } of inputs) {
    const value = JSON.stringify(valueOf(report) ?? null);
    byValue.set(value, [...(byValue.get(value) ?? []), name]);
  }
  if (byValue.size > 1) {
    const listed = [...byValue].map(([value, names]) => `${value === 'null' ? 'none' : JSON.parse(value) as string} (${names.join(', ')})`);
    throw new KeywardenError(`the reports are of different ${what}: ${listed.join('; ')}; merge only the reports of one audit`);
  }
  return valueOf(inputs[0]!.report);
}

/** The plan's shard numbers no report is of. */
function missingShards(inputs: readonly MergeInput[]): number[] {
  const shard = inputs[0]?.report.shard;
  if (shard === undefined) return [];
  const seen = new Map<number, string>();
  for (const { name, report } of inputs) {
    const index = report.shard?.index ?? 0;
    const earlier = seen.get(index);
    if (earlier !== undefined) throw new KeywardenError(`${earlier} and ${name} are both shard ${index}/${shard.count}; give each shard's report once`);
    seen.set(index, name);
  }
  const missing: number[] = [];
  for (let index = 1; index <= shard.count; index++) if (!seen.has(index)) missing.push(index);
  return missing;
}

/** A missing shard as a warning: its repositories were never read (named when the plan is at hand). */
function missingShardWarning(index: number, count: number, repositories: number | undefined): ScanWarning {
  const what = repositories === undefined ? 'its repositories were' : `its ${repositories} repositor${repositories === 1 ? 'y was' : 'ies were'}`;
  return { message: `shard ${index}/${count} has no report: ${what} not scanned`, kind: 'incomplete' };
}

/** Repositories across the shards: scanned anywhere counts as scanned; not scanned only where no shard scanned it. */
function coverageOf(inputs: readonly MergeInput[], unread: RepositoryCoverage['notScanned']): RepositoryCoverage | undefined {
  const coverages = [...inputs.map(({ report }) => report.repositories).filter((coverage) => coverage !== undefined), ...(unread.length > 0 ? [{ scanned: [], notScanned: unread }] : [])];
  if (coverages.length === 0) return undefined;
  const scanned = new Set(coverages.flatMap((coverage) => coverage.scanned));
  const notScanned = new Map<string, string>();
  for (const { repository, reason } of coverages.flatMap((coverage) => coverage.notScanned)) {
    if (!scanned.has(repository) && !notScanned.has(repository)) notScanned.set(repository, reason);
  }
  return { scanned: [...scanned].sort(), notScanned: [...notScanned].map(([repository, reason]) => ({ repository, reason })).sort((a, b) => a.repository.localeCompare(b.repository)) };
}

/**
 * Join reports that belong together; throws KeywardenError (exit 2) for reports of different
 * versions or plans. With the plan (`merge --plan-file`), the repositories of a shard with no
 * report are listed as not scanned, and every report must be of that plan.
 */
export function mergeReports(inputs: readonly MergeInput[], plan?: Pick<ShardPlan, 'id' | 'shards'>): MergedReports {
  if (inputs.length === 0) throw new KeywardenError('no reports to merge');
  agreed(inputs, (report) => report.tool.version, 'keywarden versions');
  const shards = agreed(inputs, (report) => report.shard && `plan ${report.shard.plan} of ${report.shard.count} shards`, 'plans');
  if (plan !== undefined && shards !== `plan ${plan.id} of ${plan.shards.length} shards`) {
    throw new KeywardenError(`the reports are not of plan ${plan.id} (--plan-file): they are of ${shards ?? 'no plan'}`);
  }
  const count = inputs[0]?.report.shard?.count ?? 0;
  const missing = missingShards(inputs);
  const unread = missing.flatMap((index) => (plan?.shards[index - 1] ?? []).map((listed) => ({ repository: listed.fullName, reason: `shard ${index}/${count} has no report` })));
  const seen = new Set<string>();
  const findings: ReportFinding[] = [];
  for (const { report } of inputs) {
    for (const finding of report.findings) {
      if (seen.has(finding.fingerprint)) continue;
      seen.add(finding.fingerprint);
      findings.push(finding);
    }
  }
  const warnings = [...inputs.flatMap(({ report }) => warningsOfReport(report)), ...missing.map((index) => missingShardWarning(index, count, plan?.shards[index - 1]?.length))];
  const repositories = coverageOf(inputs, unread);
  return {
    findings,
    warnings,
    ...(repositories ? { repositories } : {}),
    files: inputs.reduce((sum, { report }) => sum + report.stats.files, 0),
    bytes: inputs.reduce((sum, { report }) => sum + report.stats.bytes, 0),
  };
}

/**
 * The merged reports as a source for the one tail. With `readLine` (`merge --verify`) each
 * distinct key is recovered once from a place that holds it (for an org audit: the line at
 * its commit, read through GitHub) and checked afresh by the run's verifier; without it the
 * findings are handed on as the shards reported them, their checks (if any) kept.
 */
export function mergedSource(merged: MergedReports, options: { readLine?: LineReader; keepRaw: boolean }): Source {
  return {
    once: 'fingerprint',
    noun: 'report',
    async read(context, emit) {
      await emit({ kind: 'read', files: merged.files, bytes: merged.bytes });
      for (const warning of merged.warnings) await emit({ kind: 'warning', warning });
      const findings: Finding[] = options.readLine
        ? (await recoverFindings(merged.findings.map(toReportedFinding), { rules: [...context.rules], root: '.', readLine: options.readLine })).findings
        : merged.findings.map((finding) => findingOfReport(finding, options.keepRaw));
      for (const finding of findings) await emit({ kind: 'finding', finding });
    },
    ...(merged.repositories ? { repositories: () => merged.repositories! } : {}),
  };
}
