/**
 * Run `detectKeys` on buffers in a worker thread that is stopped after a hard limit.
 * A super-linear regression then fails its test instead of hanging the whole suite
 * (a synchronous loop on the test thread cannot be interrupted by a test timeout).
 * Threads cannot load .ts files, so the worker is the sources bundled by esbuild on the fly
 * (once per test file, ~100 ms): it tests today's code, with no build needed. It compiles the
 * rules once and serves every buffer after that, until one runs past its limit; the next
 * buffer then gets a fresh worker.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';

const srcDir = fileURLToPath(new URL('../../src/', import.meta.url));

const workerEntry = `
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine, detectKeys } from './detect/detect.ts';
import { compileRules } from './rules/compile.ts';
import { loadRuleFiles } from './rules/load.ts';

try {
  const engine = createEngine(compileRules(loadRuleFiles(workerData.ruleDirs)));
  detectKeys(Buffer.from('warm up sk-or-v1- tr_live_ sk-ar- c2stb3ItdjEt'), engine);
  parentPort.on('message', (data) => {
    parentPort.postMessage({ started: true });
    const started = performance.now();
    const found = detectKeys(Buffer.from(data.buffer, data.byteOffset, data.byteLength), engine);
    parentPort.postMessage({ ms: performance.now() - started, findings: found.length });
  });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ error: String((error && error.stack) || error) });
}
`;

let workerUrl: URL | undefined;

/** The worker's code: the entry above and the sources it imports, as one ES module in a data: URL. */
function bundledWorker(): URL {
  const [output] = buildSync({
    stdin: { contents: workerEntry, resolveDir: srcDir, loader: 'ts', sourcefile: 'timed-detect-worker.ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    // Bundled CommonJS packages (yaml) require node's built-ins, which an ES module has no `require` for.
    banner: { js: `import { createRequire } from 'node:module'; const require = createRequire(${JSON.stringify(srcDir)});` },
    // Sources find the rules from their own place (src/rules/cache.ts: ../../rules/); the bundle has none.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(`${srcDir}rules/cache.ts`).href) },
    logLevel: 'error',
  }).outputFiles;
  if (!output) throw new Error('esbuild produced no worker bundle');
  return new URL(`data:text/javascript,${encodeURIComponent(output.text)}`);
}

function startWorker(ruleDirs: readonly string[]): Worker {
  return new Worker((workerUrl ??= bundledWorker()), { workerData: { ruleDirs } });
}

export type Timing = { ms: number; findings: number } | { timedOut: number };

type Message = { ready?: true; started?: true; ms?: number; findings?: number; error?: string };

/** One detecting thread, reused from one buffer to the next; `close` it when done. */
export class DetectWorker {
  #worker: Worker | undefined;
  #ready: Promise<void> | undefined;

  /** `ruleDirs`: rule directories loaded besides the built-in rules, as `--rules` loads them. */
  constructor(private readonly ruleDirs: readonly string[] = []) {}

  /** Detect keys in `data`; a scan still running `limitMs` after it started is stopped and reported as timed out. */
  async run(data: Uint8Array, limitMs: number): Promise<Timing> {
    const worker = (this.#worker ??= startWorker(this.ruleDirs));
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
