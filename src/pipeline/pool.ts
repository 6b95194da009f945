import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TreeFile } from '../sources/worktree.js';
import { emptyBatch, type BatchResult } from './scan-file.js';
import type { BatchRequest, WorkerSetup } from './worker.js';

const workerUrl = new URL('./worker.js', import.meta.url);
/** Files per message: large enough to amortise messaging, small enough to balance the threads. */
const batchSize = 48;
/** Batches queued per thread so it never waits for the next one. */
const inFlightPerWorker = 2;

function merge(into: BatchResult, from: BatchResult): void {
  into.findings.push(...from.findings);
  into.warnings.push(...from.warnings);
  into.files += from.files;
  into.bytes += from.bytes;
}

/**
 * Scan files on worker threads, one per core. Batches are handed out as threads finish,
 * so one huge file does not hold the others back. `onProgress` gets files done so far.
 */
export async function scanInWorkers(
  files: readonly TreeFile[],
  setup: WorkerSetup,
  onProgress?: (done: number) => void,
  threads = Math.max(1, Math.min(availableParallelism(), 8)),
): Promise<BatchResult> {
  const batches: TreeFile[][] = [];
  for (let i = 0; i < files.length; i += batchSize) batches.push(files.slice(i, i + batchSize));
  const total = emptyBatch();
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: Math.min(threads, batches.length) }, () => new Worker(workerUrl, { workerData: setup }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let pending = 0;
            const send = () => {
              while (pending < inFlightPerWorker && next < batches.length) {
                const request: BatchRequest = { id: next, files: batches[next] ?? [] };
                next++;
                pending++;
                worker.postMessage(request);
              }
              if (pending === 0) resolve();
            };
            worker.on('message', (message: { id: number; result: BatchResult }) => {
              pending--;
              merge(total, message.result);
              done += batches[message.id]?.length ?? 0;
              onProgress?.(done);
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (pending > 0) reject(new Error(`scanner thread exited with code ${code}`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return total;
}
