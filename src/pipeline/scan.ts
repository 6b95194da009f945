import type { CompiledRule, Finding, ScanResult } from '../core/types.js';
import { createEngine } from '../detect/detect.js';
import { toFinding, type WireFinding } from '../detect/finding.js';
import { applySuppressions, type Suppressions } from '../detect/suppress.js';
import { compileRules } from '../rules/compile.js';
import type { LoadedRuleFile } from '../rules/schema.js';
import { listFiles } from '../sources/worktree.js';
import { scanInWorkers } from './pool.js';
import { scanBatch, type BatchResult } from './scan-file.js';

export interface WorkTreeScan {
  /** Directory reported paths are relative to. */
  root: string;
  paths: string[];
  gitignore: boolean;
  maxFileSize: number;
  ruleFiles: LoadedRuleFile[];
  suppressions: Suppressions;
  /** Threads to scan on; 0 scans on the calling thread. Default: worker threads for larger trees. */
  threads?: number;
  onProgress?: (done: number, total: number) => void;
  clock?: () => number;
}

/** Below this many files, starting threads costs more than it saves. */
const workerThreshold = 256;

function compareFindings(a: Finding, b: Finding): number {
  return a.origin.path < b.origin.path ? -1 : a.origin.path > b.origin.path ? 1 : a.line - b.line || a.column - b.column;
}

export function wireToFindings(wire: readonly WireFinding[], rules: readonly CompiledRule[]): Finding[] {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  return wire.flatMap((finding) => {
    const rule = byId.get(finding.ruleId);
    return rule ? [toFinding(finding, rule)] : [];
  });
}

/** Scan the files of a working tree: list, detect (on worker threads when it pays), suppress. */
export async function scanWorkTree(request: WorkTreeScan): Promise<ScanResult & { suppressed: number }> {
  const clock = request.clock ?? (() => performance.now());
  const started = clock();
  const listed = await listFiles({
    root: request.root,
    paths: request.paths,
    gitignore: request.gitignore,
    exclude: request.suppressions.ignore?.pathPatterns ?? [],
  });
  const rules = compileRules(request.ruleFiles);
  const options = { maxFileSize: request.maxFileSize };
  const threads = request.threads ?? (listed.files.length >= workerThreshold ? undefined : 0);
  const progress = request.onProgress && ((done: number) => request.onProgress?.(done, listed.files.length));
  let batch: BatchResult;
  if (threads === 0) {
    batch = scanBatch(listed.files, createEngine(rules), options);
  } else {
    batch = await scanInWorkers(listed.files, { ruleFiles: request.ruleFiles, options }, progress, threads);
  }
  const { kept, suppressed } = applySuppressions(wireToFindings(batch.findings, rules), request.suppressions);
  return {
    findings: kept.sort(compareFindings),
    warnings: [...listed.warnings, ...batch.warnings],
    suppressed,
    stats: { files: batch.files, bytes: batch.bytes, durationMs: Math.round(clock() - started) },
  };
}
