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

/** A stream of `data` in chunks of `chunkSize` bytes, as a source would hand it over. */
export async function* chunked(data: Buffer, chunkSize: number): AsyncGenerator<LogEvent> {
  yield { kind: 'start', line: 1, reason: 'opened' };
  for (let at = 0; at < data.length; at += chunkSize) yield { kind: 'data', data: data.subarray(at, at + chunkSize) };
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
