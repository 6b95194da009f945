/**
 * Run `detectKeys` on buffers in a worker thread that is stopped after a hard limit.
 * A super-linear regression then fails its test instead of hanging the whole suite
 * (a synchronous loop on the test thread cannot be interrupted by a test timeout).
 * The worker runs the compiled modules in dist/ (`npm run build`; test/helpers/global-setup.ts
 * fails the run when dist/ is older than src/). It compiles the rules once and serves every
 * buffer after that, until one runs past its limit; the next buffer then gets a fresh worker.
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
  parentPort.on('message', (data) => {
    parentPort.postMessage({ started: true });
    const started = performance.now();
    const found = detectKeys(Buffer.from(data.buffer, data.byteOffset, data.byteLength), engine);
    parentPort.postMessage({ ms: performance.now() - started, findings: found.length });
  });
  parentPort.postMessage({ ready: true });
})().catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;

export type Timing = { ms: number; findings: number } | { timedOut: number };

type Message = { ready?: true; started?: true; ms?: number; findings?: number; error?: string };

function startWorker(): Worker {
  const modules = { detect: dist('detect/detect.js'), compile: dist('rules/compile.js'), load: dist('rules/load.js') };
  for (const file of Object.values(modules)) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build`);
  }
  const urls = Object.fromEntries(Object.entries(modules).map(([name, file]) => [name, pathToFileURL(file).href]));
  return new Worker(workerSource, { eval: true, workerData: urls });
}

/** One detecting thread, reused from one buffer to the next; `close` it when done. */
export class DetectWorker {
  #worker: Worker | undefined;
  #ready: Promise<void> | undefined;

  /** Detect keys in `data`; a scan still running `limitMs` after it started is stopped and reported as timed out. */
  async run(data: Uint8Array, limitMs: number): Promise<Timing> {
    const worker = (this.#worker ??= startWorker());
    await (this.#ready ??= this.#settle<void>(worker, (message, resolve) => message.ready && resolve()));
    let timer: NodeJS.Timeout | undefined;
    try {
      return await this.#settle<Timing>(worker, (message, resolve) => {
        if (message.started) {
          timer = setTimeout(() => {
            void this.close();
            resolve({ timedOut: limitMs });
          }, limitMs);
        } else if (message.ms !== undefined) {
          resolve({ ms: message.ms, findings: message.findings ?? NaN });
        }
      }, () => worker.postMessage(data));
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    this.#ready = undefined;
    await worker?.terminate();
  }

  /** Listen to `worker` until `onMessage` resolves; its errors reject. */
  #settle<T>(worker: Worker, onMessage: (message: Message, resolve: (value: T) => void) => void, send?: () => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const done = () => {
        worker.off('message', listener);
        worker.off('error', fail);
      };
      const listener = (message: Message) => {
        if (message.error !== undefined) {
          done();
          reject(new Error(message.error));
        } else {
          onMessage(message, (value) => {
            done();
            resolve(value);
          });
        }
      };
      const fail = (error: Error) => {
        done();
        reject(error);
      };
      worker.on('message', listener);
      worker.on('error', fail);
      send?.();
    });
  }
}
