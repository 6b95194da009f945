/**
 * A scanning thread: compiles the rules once, then scans the batches of files it is
 * sent. Rules travel as validated plain data because compiled RegExps cannot be cloned.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine } from '../detect/detect.js';
import { compileRules } from '../rules/compile.js';
import type { LoadedRuleFile } from '../rules/schema.js';
import type { TreeFile } from '../sources/worktree.js';
import { scanBatch, type FileScanOptions } from './scan-file.js';

export interface WorkerSetup {
  ruleFiles: LoadedRuleFile[];
  options: FileScanOptions;
}

export interface BatchRequest {
  id: number;
  files: TreeFile[];
}

const setup = workerData as WorkerSetup;
const engine = createEngine(compileRules(setup.ruleFiles));

// One batch at a time, in the order sent: a batch waits while a gzip or UTF-16 file streams.
let previous = Promise.resolve();
parentPort?.on('message', (request: BatchRequest) => {
  previous = previous.then(async () => {
    parentPort?.postMessage({ id: request.id, result: await scanBatch(request.files, engine, setup.options) });
  });
});
