/** Generated logs and in-memory log streams for the `keywarden logs` tests. */
import type { Finding } from '../../src/core/types.js';
import { logSource, type LogScan, type LogSource } from '../../src/run/logs.js';
import type { LogEvent } from '../../src/sources/logs.js';
import { runThrough } from './run.js';

/** Log lines of plain words (no key characters glued to what follows), `lineLength` bytes each with the newline. */
export function logFiller(length: number, lineLength = 61): string {
  const words = 'GET /api/v1/models 200 12ms user=alice level=info request done ok '.repeat(Math.ceil(lineLength / 60) + 1);
  let out = '';
  while (out.length < length) out += `${words.slice(0, lineLength - 1)}\n`;
  return out.slice(0, length);
}

/** Put `text` at byte `at` of `into` (ASCII), with a space on each side, overwriting what was there. */
export function place(into: string, at: number, text: string): string {
  return `${into.slice(0, at - 1)} ${text} ${into.slice(at + text.length + 1)}`;
}

/**
 * A stream of `data` in chunks of `chunkSize` bytes, as `readLog` hands over a plain file with
 * `reuseBuffers`: every chunk in the same buffer, which holds garbage once the next event is
 * asked for. A consumer that kept a view of an earlier chunk (instead of copying it) reads
 * that garbage, and its findings move or vanish.
 */
export async function* chunked(data: Buffer, chunkSize: number): AsyncGenerator<LogEvent> {
  yield { kind: 'start', line: 1, reason: 'opened' };
  const buffer = Buffer.alloc(Math.min(chunkSize, data.length));
  for (let at = 0; at < data.length; at += chunkSize) {
    const length = data.copy(buffer, 0, at, at + chunkSize);
    yield { kind: 'data', data: buffer.subarray(0, length) };
    // Base64 letters: garbage that still looks like key text, so a stale view changes findings rather than hiding them.
    buffer.fill('Zm9v');
  }
}

export interface Located {
  key: string;
  path: string;
  line: number;
  column: number;
  endColumn: number;
}

export function located(findings: readonly Finding[]): Located[] {
  return findings.map((f) => ({ key: f.secret.reveal(), path: f.origin.path, line: f.line, column: f.column, endColumn: f.endColumn }));
}

/** Scan log sources with the built-in rules, keeping the findings. */
export function scanSources(sources: LogSource[], options: LogScan = {}) {
  return runThrough(logSource(sources, options));
}
