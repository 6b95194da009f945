import { setFlagsFromString } from 'node:v8';
import { UsageError } from '../core/errors.js';
import { inputKeySource } from '../run/input-keys.js';
import { prepare } from '../run/prepare.js';
import { reportSource } from '../run/recover.js';
import type { Source } from '../run/source.js';
import { splitLines } from '../sources/git.js';
import type { VerifyOptions } from './options.js';
import { printRun } from './output.js';
import { runConfigFrom } from './run-config.js';

/**
 * A report's findings, each with its key recovered, or keys piped in one a line. The report
 * reader (and zod under it, ~75 ms to load) is loaded only when there is a report.
 */
export async function keysToCheck(options: Pick<VerifyOptions, 'report' | 'root'>, stdin: NodeJS.ReadStream): Promise<Source> {
  if (options.report === undefined) return inputKeySource(splitLines(stdin as AsyncIterable<Buffer>));
  const { readReport } = await import('../run/report-file.js');
  const { findings, bytes } = readReport(options.report);
  return reportSource(findings, { root: options.root, bytes });
}

/**
 * `keywarden verify`: live-check keys without scanning, from stdin (one a line, each answered
 * as soon as its check ends) or from a json report (`--report FILE`). Always verifies;
 * `--fail-on` defaults to `live` here.
 */
export async function runVerify(options: VerifyOptions, stdin: NodeJS.ReadStream = process.stdin): Promise<number> {
  if (options.report === undefined && stdin.isTTY) {
    throw new UsageError('no keys to check: pipe keys in, one a line (keywarden verify < keys.txt), or give --report FILE (a json report)');
  }
  // Keys on stdin can be many: each is held only while it is checked (the live heap stays ~16 MB for
  // 60,000 keys), but under that allocation rate V8 lets the heap grow to ~290 MB before collecting.
  // Sizing the heap for memory keeps RSS near 130 MB, for ~40% more CPU (38 s against 27 s for 60,000
  // keys and a 2 ms stand-in); against a real provider the run waits on the network, not the CPU.
  if (options.report === undefined) setFlagsFromString('--optimize-for-size');
  // The verifier is built before anything is read, so a bad setting or a refused base URL stops the run first.
  const prepared = await prepare(runConfigFrom({ ...options, verify: true }, undefined));
  const result = await printRun(await keysToCheck(options, stdin), prepared, { ...options, streamHuman: options.report === undefined });
  return result.verdict.exitCode;
}
