import { ExitCode, UsageError } from '../core/errors.js';
import type { ScanWarning } from '../core/types.js';
import { scanLogs, type LogSource } from '../pipeline/logs.js';
import { compileRules } from '../rules/compile.js';
import { followLog, readLog, resolveLogInputs, type LogInput } from '../sources/logs.js';
import { excludedPaths } from '../sources/worktree.js';
import { emitResult } from './emit.js';
import type { ReportArgs } from './options.js';
import { progressBar } from './progress.js';
import { streamEmitter } from './stream-emit.js';
import { prepareRun } from './suppressions.js';

export interface LogsArgs extends ReportArgs {
  /** Files, globs, `-`; none: stdin when it is not a terminal. */
  files: string[];
  follow: boolean;
  fromEnd: boolean;
}

/** SIGINT/SIGTERM end the run the way the end of the input does; a second one kills as usual. */
function stopOnSignals(controller: AbortController): { stoppedBy: () => string | undefined; release: () => void } {
  let stoppedBy: string | undefined;
  const stop = (signal: string) => {
    stoppedBy = signal;
    controller.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // A reader that went away (`| head`) ends the run too, without a stack trace.
  const onStdoutError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') controller.abort();
  };
  process.stdout.on('error', onStdoutError);
  return {
    stoppedBy: () => stoppedBy,
    release: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stdout.off('error', onStdoutError);
    },
  };
}

function sourceOf(input: LogInput, args: LogsArgs, signal: AbortSignal): LogSource {
  const follows = args.follow && input.kind === 'file' && input.regular;
  return {
    path: input.path,
    events: follows ? followLog(input.absolute, { fromEnd: args.fromEnd, signal }) : readLog(input, { stdin: process.stdin, signal }),
  };
}

/**
 * `keywarden logs [FILE..]`: log files (gzip by content), globs of rotated sets, stdin; with
 * `--follow`, files as they grow and rotate until SIGINT/SIGTERM. jsonl and human reports
 * print each finding as it is found; json, sarif and markdown print everything at the end.
 */
/**
 * A clean result is not clean when a log could not be read to its end (a truncated or corrupt
 * gzip): that is an operational error, exit 2 (SPEC §2), not a pass. Findings still exit 1.
 */
function failClosed(code: number, warnings: readonly ScanWarning[]): number {
  if (code !== ExitCode.clean || !warnings.some((warning) => warning.kind === 'incomplete')) return code;
  process.stderr.write('keywarden: not every log could be read to its end (see the warnings above): exit 2\n');
  return ExitCode.error;
}

export async function runLogs(args: LogsArgs): Promise<number> {
  if (args.fromEnd && !args.follow) throw new UsageError('--from-end needs --follow: without it every log is read from its start');
  const { ruleFiles, ignore, suppressions, verifier } = await prepareRun(args, '.');
  const rules = compileRules(ruleFiles);
  const { inputs, warnings } = resolveLogInputs(args.files, { stdinIsTTY: process.stdin.isTTY === true, excluded: excludedPaths(ignore.pathPatterns) });
  const controller = new AbortController();
  const signals = stopOnSignals(controller);
  try {
    const sources = inputs.map((input) => sourceOf(input, args, controller.signal));
    const streamed = args.format === 'jsonl' || args.format === 'human';
    const files = inputs.filter((input) => input.kind === 'file').length;
    const bar = args.quiet || args.follow || files === 0 ? undefined : progressBar('logs');
    const started = Date.now();
    const onProgress = bar && ((p: { bytes: number; sourcesDone: number }) => bar.update(p.sourcesDone, inputs.length, `${(p.bytes / 1e6).toFixed(0)} MB, ${(p.bytes / 1e6 / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1)} MB/s`));
    const interrupted = (): ScanWarning[] => {
      const signal = signals.stoppedBy();
      // Following ends this way by design; a plain read cut short has not seen everything.
      return signal && !args.follow ? [{ message: `stopped by ${signal}: the logs were not read to their end` }] : [];
    };
    if (streamed) {
      const emitter = streamEmitter(rules, { ...args, format: args.format as 'jsonl' | 'human', verifier, ...(bar ? { beforeWrite: bar.done } : {}) });
      for (const warning of warnings) emitter.warn(warning);
      const result = await scanLogs(sources, { rules, suppressions, concurrent: args.follow, onFinding: emitter.add, onWarning: emitter.warn, ...(onProgress ? { onProgress } : {}) });
      bar?.done();
      const stopped = interrupted();
      for (const warning of stopped) emitter.warn(warning);
      return failClosed(await emitter.finish({ ...result, warnings: [...warnings, ...result.warnings, ...stopped] }), result.warnings);
    }
    const result = await scanLogs(sources, { rules, suppressions, concurrent: args.follow, keepFindings: true, ...(onProgress ? { onProgress } : {}) });
    bar?.done();
    return failClosed(await emitResult({ ...result, warnings: [...warnings, ...result.warnings, ...interrupted()] }, rules, { ...args, suppressed: result.suppressed, verifier }), result.warnings);
  } finally {
    signals.release();
  }
}
