import type { Finding } from '../core/types.js';
import { createEngine } from '../detect/detect.js';
import { listFiles } from '../sources/worktree.js';
import { ScanPool, threadsForTrees } from './pool.js';
import { scanBatch, type BatchResult } from './scan-file.js';
import type { Emit, Source } from './source.js';

export interface WorkTreeScan {
  /** Directory reported paths are relative to. */
  root: string;
  paths: readonly string[];
  gitignore: boolean;
  maxFileSize: number;
  /** Threads to scan on; 0 scans on the calling thread. Default: `threadsForTrees()`, for trees large enough to gain. */
  threads?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Below this many files, starting threads costs more than it saves. */
const workerThreshold = 256;

/** By path, then place: threads finish batches in any order, and a report printed whole should not. */
export function byPlace(a: Finding, b: Finding): number {
  return a.origin.path < b.origin.path ? -1 : a.origin.path > b.origin.path ? 1 : a.line - b.line || a.column - b.column;
}

/** Hand one batch's findings, warnings and counts to the tail. */
async function emitBatch(batch: BatchResult, emit: Emit): Promise<void> {
  for (const warning of batch.warnings) await emit({ kind: 'warning', warning });
  await emit({ kind: 'read', files: batch.files, bytes: batch.bytes });
  for (const found of batch.findings) await emit({ kind: 'found', found });
}

/**
 * The files of a working tree: listed (the walk, `.gitignore`), read and searched on worker
 * threads when the tree is large enough to gain, each batch's keys handed on as it finishes.
 */
export function workTreeSource(request: WorkTreeScan): Source {
  return {
    noun: 'file',
    order: byPlace,
    async read(context, emit) {
      const options = { maxFileSize: request.maxFileSize };
      // Threads boot while the walk goes on, once it has found enough files for them to pay;
      // a small tree (most scans, and every pre-commit run) never starts them.
      let pool: ScanPool | undefined;
      const threads = request.threads ?? threadsForTrees();
      const startPool = () => (pool ??= new ScanPool({ ruleFiles: [...context.ruleFiles], options }, threads));
      if (request.threads !== undefined && request.threads > 0) startPool();
      try {
        const automatic = request.threads === undefined && threads > 0;
        const onMany = automatic ? { count: workerThreshold, then: startPool } : undefined;
        const listed = await listFiles({ root: request.root, paths: request.paths, gitignore: request.gitignore, exclude: context.excludePatterns, ...(onMany ? { onMany } : {}) });
        for (const warning of listed.warnings) await emit({ kind: 'warning', warning });
        const total = listed.files.length;
        if (automatic && total >= workerThreshold) startPool();
        if (pool) {
          // Batches arrive on the threads' schedule: each is handed on in turn, in arrival order.
          let handed = Promise.resolve();
          let failure: { error: unknown } | undefined;
          await pool.scan(listed.files, (batch, done) => {
            handed = handed.then(() => (failure ? undefined : emitBatch(batch, emit))).catch((error: unknown) => void (failure ??= { error }));
            request.onProgress?.(done, total);
          });
          await handed;
          if (failure) throw failure.error;
        } else {
          await emitBatch(await scanBatch(listed.files, createEngine([...context.rules]), options), emit);
          request.onProgress?.(total, total);
        }
      } finally {
        await pool?.close();
      }
    },
  };
}
