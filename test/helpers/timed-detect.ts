/**
 * Time `detectKeys` on a buffer in a worker thread that is stopped after a hard limit.
 * A super-linear regression then fails its test instead of hanging the whole suite
 * (a synchronous loop on the test thread cannot be interrupted by a test timeout).
 * The worker runs the compiled modules in dist/ (built by global-setup.ts from src/).
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = (path: string) => fileURLToPath(new URL(`../../dist/${path}`, import.meta.url));

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { createEngine, detectKeys } = await import(workerData.detect);
  const { compileRules } = await import(workerData.compile);
  const { loadRuleFiles } = await import(workerData.load);
  const engine = createEngine(compileRules(loadRuleFiles()));
  detectKeys(Buffer.from('warm up sk-or-v1- tr_live_ sk-ar- c2stb3ItdjEt'), engine);
  const data = Buffer.from(workerData.data.buffer, workerData.data.byteOffset, workerData.data.byteLength);
  parentPort.postMessage({ started: true });
  const started = performance.now();
  const found = detectKeys(data, engine);
  parentPort.postMessage({ ms: performance.now() - started, findings: found.length });
})().catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;

export type Timing = { ms: number; findings: number } | { timedOut: number };

export function timeDetectKeys(data: Uint8Array, limitMs: number): Promise<Timing> {
  const modules = { detect: dist('detect/detect.js'), compile: dist('rules/compile.js'), load: dist('rules/load.js') };
  for (const file of Object.values(modules)) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build (test/helpers/global-setup.ts does)`);
  }
  const urls = Object.fromEntries(Object.entries(modules).map(([name, file]) => [name, pathToFileURL(file).href]));
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData: { ...urls, data } });
    let timer: NodeJS.Timeout | undefined;
    const finish = (outcome: () => void) => {
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    worker.on('message', (message: { started?: true; ms?: number; findings?: number; error?: string }) => {
      if (message.started) {
        timer = setTimeout(() => finish(() => resolve({ timedOut: limitMs })), limitMs);
      } else if (message.error !== undefined) {
        finish(() => reject(new Error(message.error)));
      } else {
        finish(() => resolve({ ms: message.ms ?? NaN, findings: message.findings ?? NaN }));
      }
    });
    worker.on('error', (error) => finish(() => reject(error)));
  });
}
