import { UsageError } from '../core/errors.js';
import type { ScanWarning } from '../core/types.js';
import { logSource, type LogSource } from '../run/logs.js';
import { prepare } from '../run/prepare.js';
import type { Source } from '../run/source.js';
import { followLog, readLog, resolveLogInputs, type LogInput } from '../sources/logs.js';
import { excludedPaths } from '../sources/worktree.js';
import { ignoreFileHint } from './ignore-hint.js';
import { optimizeOnlyHotCode } from './jit.js';
import type { LogsOptions } from './options.js';
import { printRun } from './output.js';
import { progressBar } from './progress.js';
import { runConfigFrom } from './run-config.js';

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

function sourceOf(input: LogInput, options: LogsOptions, signal: AbortSignal): LogSource {
  const follows = options.follow && input.kind === 'file' && input.regular;
  return {
    path: input.path,
    events: follows ? followLog(input.absolute, { fromEnd: options.fromEnd, signal }) : readLog(input, { stdin: process.stdin, signal, reuseBuffers: true }),
  };
}

/** A source that first says what resolving the inputs warned about, then reads the logs, then says whether a signal cut it short. */
function withWarnings(before: readonly ScanWarning[], source: Source, after: () => ScanWarning[]): Source {
  return {
    ...source,
    async read(context, emit) {
      for (const warning of before) await emit({ kind: 'warning', warning });
      await source.read(context, emit);
      for (const warning of after()) await emit({ kind: 'warning', warning });
    },
  };
}

/**
 * `keywarden logs [FILE..]`: log files (gzip by content), globs of rotated sets, stdin; with
 * `--follow`, files as they grow and rotate until SIGINT/SIGTERM. jsonl and human reports
 * print each finding as it is found; json, sarif and markdown print everything at the end.
 * A log that could not be read to its end (a truncated or corrupt gzip) makes a clean run
 * exit 2, not 0: the run's verdict says so.
 */
export async function runLogs(options: LogsOptions & { files: string[] }): Promise<number> {
  optimizeOnlyHotCode();
  if (options.fromEnd && !options.follow) throw new UsageError('--from-end needs --follow: without it every log is read from its start');
  const prepared = await prepare(runConfigFrom(options, '.'));
  const { inputs, warnings } = await resolveLogInputs(options.files, { stdinIsTTY: process.stdin.isTTY === true, excluded: excludedPaths(prepared.ignore.pathPatterns) });
  const controller = new AbortController();
  const signals = stopOnSignals(controller);
  try {
    const files = inputs.filter((input) => input.kind === 'file').length;
    const bar = options.quiet || options.follow || files === 0 ? undefined : progressBar('logs');
    const started = Date.now();
    const onProgress = bar && ((p: { bytes: number; sourcesDone: number }) => bar.update(p.sourcesDone, inputs.length, `${(p.bytes / 1e6).toFixed(0)} MB, ${(p.bytes / 1e6 / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1)} MB/s`));
    const interrupted = (): ScanWarning[] => {
      const signal = signals.stoppedBy();
      // Following ends this way by design; a plain read cut short has not seen everything.
      return signal && !options.follow ? [{ message: `stopped by ${signal}: the logs were not read to their end`, kind: 'incomplete' }] : [];
    };
    const logs = logSource(
      inputs.map((input) => sourceOf(input, options, controller.signal)),
      { concurrent: options.follow, ...(onProgress ? { onProgress } : {}) },
    );
    const result = await printRun(withWarnings(warnings, logs, interrupted), prepared, { ...options, streamHuman: true, ...(bar ? { beforeWrite: bar.done } : {}) }, { ignoreFile: ignoreFileHint('.') });
    bar?.done();
    return result.verdict.exitCode;
  } finally {
    // A run that failed must not leave other followed logs polling: nothing would stop them.
    controller.abort();
    signals.release();
  }
}
