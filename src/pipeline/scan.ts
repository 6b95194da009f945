import type { CompiledRule, Finding, ScanResult } from '../core/types.js';
import { createEngine } from '../detect/detect.js';
import { toFinding, type WireFinding } from '../detect/finding.js';
import { applySuppressions, type Suppressions } from '../detect/suppress.js';
import { compileRules } from '../rules/compile.js';
import type { LoadedRuleFile } from '../rules/schema.js';
import { listFiles, namesOnlyFiles } from '../sources/worktree.js';
import { ScanPool } from './pool.js';
import { scanBatch, type BatchResult } from './scan-file.js';

export interface WorkTreeScan {
  /** Directory reported paths are relative to. */
  root: string;
  paths: string[];
  gitignore: boolean;
  maxFileSize: number;
  ruleFiles: LoadedRuleFile[];
  suppressions: Suppressions;
  /** Threads to scan on; 0 scans on the calling thread. Default: one per core, for trees large enough to gain. */
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
/** Also returns the compiled rules, which the reporters need, so the caller does not compile them again. */
export async function scanWorkTree(request: WorkTreeScan): Promise<ScanResult & { suppressed: number; rules: CompiledRule[] }> {
  const clock = request.clock ?? (() => performance.now());
  const started = clock();
  const options = { maxFileSize: request.maxFileSize };
  // Threads boot while the tree is walked; a short list of named files is scanned right here.
  const fewFiles = request.threads === undefined && request.paths.length < workerThreshold && namesOnlyFiles(request.paths);
  const pool = request.threads === 0 || fewFiles ? undefined : new ScanPool({ ruleFiles: request.ruleFiles, options }, request.threads);
  let batch: BatchResult;
  let listed;
  const rules = compileRules(request.ruleFiles);
  try {
    listed = await listFiles({
      root: request.root,
      paths: request.paths,
      gitignore: request.gitignore,
      exclude: request.suppressions.ignore?.pathPatterns ?? [],
    });
    const total = listed.files.length;
    const progress = request.onProgress && ((done: number) => request.onProgress?.(done, total));
    const useThreads = pool && (request.threads !== undefined || total >= workerThreshold);
    if (useThreads) {
      batch = await pool.scan(listed.files, progress);
    } else {
      batch = scanBatch(listed.files, createEngine(rules), options);
      progress?.(total);
    }
  } finally {
    await pool?.close();
  }
  const { kept, suppressed } = applySuppressions(wireToFindings(batch.findings, rules), request.suppressions);
  return {
    rules,
    findings: kept.sort(compareFindings),
    warnings: [...listed.warnings, ...batch.warnings],
    suppressed,
    stats: { files: batch.files, bytes: batch.bytes, durationMs: Math.round(clock() - started) },
  };
}
