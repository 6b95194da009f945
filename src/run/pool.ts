import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TreeFile } from '../sources/worktree.js';
import type { BatchResult } from './scan-file.js';
import type { BatchRequest, WorkerSetup } from './worker.js';

// The built worker, from the package root (two directories up from this file, built or not):
// run from source (the tests do), threads cannot load .ts files.
const workerUrl = new URL('../../dist/run/worker.js', import.meta.url);
/** Files per message: large enough to amortise messaging, small enough to balance the threads. */
const batchSize = 48;
/** Batches queued per thread so it never waits for the next one. */
const inFlightPerWorker = 2;

export const defaultThreads = Math.max(1, Math.min(availableParallelism(), 8));

/** Feed batches to one worker until none are left; resolves when it has answered them all. */
function drive(worker: Worker, next: () => BatchRequest | undefined, onResult: (message: { id: number; result: BatchResult }) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let pending = 0;
    const send = () => {
      for (let request = pending < inFlightPerWorker ? next() : undefined; request; request = pending < inFlightPerWorker ? next() : undefined) {
        pending++;
        worker.postMessage(request);
      }
      if (pending === 0) {
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve();
      }
    };
    const onMessage = (message: { id: number; result: BatchResult }) => {
      pending--;
      onResult(message);
      send();
    };
    worker.on('message', onMessage);
    worker.on('error', reject);
    send();
  });
}

/**
 * Scanning threads, one per core. Created before the file listing so that their start-up
 * (loading code, compiling rules) overlaps the directory walk.
 */
export class ScanPool {
  readonly #workers: Worker[];

  constructor(setup: WorkerSetup, threads = defaultThreads) {
    this.#workers = Array.from({ length: threads }, () => new Worker(workerUrl, { workerData: setup }));
  }

  /**
   * Scan files; batches go to whichever thread is free, so one huge file does not hold the
   * rest back. Each batch's result is handed to `onBatch` as it arrives, with the number of
   * files done so far.
   */
  async scan(files: readonly TreeFile[], onBatch: (result: BatchResult, filesDone: number) => void): Promise<void> {
    const batches: TreeFile[][] = [];
    for (let i = 0; i < files.length; i += batchSize) batches.push(files.slice(i, i + batchSize));
    let next = 0;
    let done = 0;
    const nextRequest = (): BatchRequest | undefined => {
      const batch = batches[next];
      return batch ? { id: next++, files: batch } : undefined;
    };
    await Promise.all(
      this.#workers.map((worker) =>
        drive(worker, nextRequest, (message) => {
          done += batches[message.id]?.length ?? 0;
          onBatch(message.result, done);
        }),
      ),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}
