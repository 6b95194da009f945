import type { Origin, ScanWarning } from '../core/types.js';
import type { LogEvent } from '../sources/logs.js';
import { readFailure } from '../sources/text-stream.js';
import { StreamWindows, type FileWindow } from '../sources/windows.js';
import type { Emit, Source } from './source.js';

/** A log to scan: the name its findings carry (`<stdin>` for a stream) and its bytes as events. */
export interface LogSource {
  path: string;
  events: AsyncIterable<LogEvent>;
}

export interface LogScan {
  /** Bytes scanned at once when a line is longer; tests make it small to put keys across window edges. */
  windowSize?: number;
  /** Read every log at once instead of one after another: followed files never end. */
  concurrent?: boolean;
  onProgress?: (progress: { bytes: number; sourcesDone: number }) => void;
}

/**
 * Bytes scanned at once within a line longer than this. Smaller than a file scan's windows:
 * a stream's window is joined from chunks (a copy), and on a 2 GB single-line log the
 * windows being joined, scanned and collected are what memory holds; 4 MiB keeps that to a
 * few tens of MiB, and the 4 KiB overlap still costs only 0.1% more scanning.
 */
export const logWindowSize = 4 * 1024 * 1024;

async function emitWindows(windows: Iterable<FileWindow>, origin: Origin, emit: Emit): Promise<void> {
  for (const window of windows) await emit({ kind: 'chunk', chunk: { origin, data: window.data, startLine: window.startLine, window } });
}

/**
 * Logs as they are read: each chunk's complete lines are handed on at once (a long line in
 * overlapping windows), so findings reach the report as they are found and memory is
 * bounded by the window size whatever the input. A read failure is an `incomplete`
 * warning; what was read before it is still scanned. Ends when every log ends (or its
 * signal aborts).
 */
export function logSource(logs: readonly LogSource[], options: LogScan = {}): Source {
  const windowSize = options.windowSize ?? logWindowSize;
  let bytes = 0;
  let sourcesDone = 0;
  const progress = () => options.onProgress?.({ bytes, sourcesDone });

  async function readOne(log: LogSource, emit: Emit): Promise<void> {
    const origin: Origin = { kind: 'log', path: log.path };
    let windows = new StreamWindows(windowSize);
    let readSome = false;
    const events = log.events[Symbol.asyncIterator]();
    try {
      for (;;) {
        let next: IteratorResult<LogEvent>;
        try {
          next = await events.next();
        } catch (error) {
          const warning: ScanWarning = { path: log.path, message: readFailure(error, readSome), kind: 'incomplete' };
          await emit({ kind: 'warning', warning });
          break;
        }
        if (next.done) break;
        const event = next.value;
        if (event.kind === 'start') {
          // A followed file started over (truncated or replaced): finish the old content, number the new from its line.
          await emitWindows(windows.end(), origin, emit);
          windows = new StreamWindows(windowSize, event.line);
          continue;
        }
        readSome = true;
        bytes += event.data.length;
        await emit({ kind: 'read', files: 0, bytes: event.data.length });
        await emitWindows(windows.push(event.data), origin, emit);
        progress();
      }
      await emitWindows(windows.end(), origin, emit);
    } finally {
      await events.return?.();
    }
    sourcesDone++;
    await emit({ kind: 'read', files: 1, bytes: 0 });
    progress();
  }

  return {
    noun: 'log',
    tuneAnchors: true,
    async read(_context, emit) {
      if (options.concurrent) await Promise.all(logs.map((log) => readOne(log, emit)));
      else for (const log of logs) await readOne(log, emit);
    },
  };
}
