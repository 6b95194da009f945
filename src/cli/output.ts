import { accessSync, closeSync, constants, existsSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ExitCode, UsageError } from '../core/errors.js';
import type { Revocation } from '../core/revocation.js';
import type { CompiledRule, Finding, ScanWarning, VerificationStatus } from '../core/types.js';
import { createEngine, type Engine } from '../detect/detect.js';
import { redactKeys } from '../detect/redact-text.js';
import { colors, shouldColor } from '../report/colors.js';
import { renderHumanFinding, renderHumanSummary } from '../report/human.js';
import { render, type Format } from '../report/index.js';
import { renderJsonlFinding } from '../report/json.js';
import { maskContext, maskFinding, maskResult } from '../report/mask.js';
import { renderRevocationsHuman } from '../report/revocations.js';
import type { ReportContext } from '../report/model.js';
import { statusesByUrgency } from '../report/verification.js';
import type { Prepared } from '../run/prepare.js';
import { revokeVerdict } from '../run/verdict.js';
import type { Source } from '../run/source.js';
import { runTail, type RunResult } from '../run/tail.js';
import type { Verifier } from '../verify/verifier.js';
import type { ReportOptions } from './options.js';
import { progressBar } from './progress.js';
import { toolVersion } from '../run/version.js';

/** How a command prints: the output options, plus what only the command knows. */
export interface PrintOptions extends Pick<ReportOptions, 'format' | 'output' | 'showSecrets' | 'color' | 'quiet'> {
  /** Called before anything is written to stdout (a progress bar clears its line). */
  beforeWrite?: () => void;
  /**
   * Print a human report a finding at a time (logs, which may never end; keys on stdin, which may
   * be many) instead of whole at the end, sorted (a tree by place, checked keys most urgent first).
   */
  streamHuman?: boolean;
  /** Keep the findings in the result even when the report streams them (jsonl): a step after the report (`--notify`) tells them. */
  keepFindings?: boolean;
  /** The command draws its own progress line (an org audit): no "checking keys" bar on the same line. */
  ownProgress?: boolean;
}

/** Colour for a stream, or never when the text goes to a file. */
export function useColor(options: { color: boolean; output?: string | undefined }, stream: NodeJS.WriteStream): boolean {
  return !options.output && shouldColor(process.env, stream.isTTY === true, options.color);
}

/** Where the report goes: `--output FILE`, else stdout. */
export interface Target {
  write(text: string): void;
  close(): void;
}

/**
 * A streamed report opens `--output` before the run (so a bad path fails first) and writes as it
 * goes. A report printed whole is written only when the run has ended: a run that fails leaves
 * the file as it was, never empty for a later step (an upload of SARIF) to pick up. Its path is
 * checked before the run all the same.
 */
export function openTarget(options: Pick<PrintOptions, 'output' | 'beforeWrite'>, streamed: boolean): Target {
  if (options.output && !streamed) {
    const output = options.output;
    const fail = (error: unknown) => new UsageError(`--output ${output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    try {
      accessSync(existsSync(output) ? output : dirname(resolve(output)), constants.W_OK);
    } catch (error) {
      throw fail(error);
    }
    const parts: string[] = [];
    return {
      write: (text) => void parts.push(text),
      close: () => {
        try {
          writeFileSync(output, parts.join(''));
        } catch (error) {
          throw fail(error);
        }
      },
    };
  }
  if (!options.output) {
    return {
      write: (text) => {
        options.beforeWrite?.();
        process.stdout.write(text);
      },
      close: () => undefined,
    };
  }
  const output = options.output;
  const fail = (error: unknown) => new UsageError(`--output ${output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  let fd: number;
  try {
    fd = openSync(output, 'w');
  } catch (error) {
    throw fail(error);
  }
  return {
    write: (text) => {
      try {
        writeSync(fd, text);
      } catch (error) {
        throw fail(error);
      }
    },
    close: () => closeSync(fd),
  };
}

/**
 * Redacts keys in text the run prints besides its findings' keys (paths, authors, git's messages); the engine
 * is built on first use, as most of that text holds no keyword at all.
 */
export function lazyRedactor(rules: readonly CompiledRule[]): (text: string) => string {
  let engine: Engine | undefined;
  return (text) => redactKeys(text, (engine ??= createEngine([...rules])));
}

/** A warning on stderr, redacted. */
export function printWarning(warning: ScanWarning, redact: (text: string) => string, color: boolean): void {
  const text = `${warning.path ? `${warning.path}: ` : ''}${warning.message}`;
  process.stderr.write(`${colors(useColor({ color }, process.stderr)).yellow('warning:')} ${redact(text)}\n`);
}

/** A verifier that draws a progress bar on a terminal while checks are outstanding: a run waiting on a provider says so. */
function withCheckProgress(verifier: Verifier, quiet: boolean): { verifier: Verifier; done: () => void } {
  const bar = quiet ? undefined : progressBar('checking keys');
  if (!bar) return { verifier, done: () => undefined };
  let asked = 0;
  let answered = 0;
  return {
    verifier: {
      verify(ruleId, secret) {
        asked++;
        bar.update(answered, asked);
        const answer = verifier.verify(ruleId, secret);
        // The caller handles a rejection; this side branch only counts.
        answer.finally(() => bar.update(++answered, asked)).catch(() => undefined);
        return answer;
      },
    },
    done: bar.done,
  };
}

/**
 * Run a source through the tail and print what it finds: jsonl a finding at a time as the
 * run hands them on, human likewise with `streamHuman`, everything else whole at the end.
 * Warnings go to stderr as they happen (`--quiet` keeps only a `--results` note that hides a
 * key that may still work). Returns the run's result; its verdict is the exit code.
 */
export async function printRun(source: Source, prepared: Prepared, options: PrintOptions, context: Partial<ReportContext> = {}): Promise<RunResult> {
  const { rules } = prepared;
  const streamed = options.format === 'jsonl' || (options.format === 'human' && options.streamHuman === true);
  const target = openTarget(options, streamed);
  const color = useColor(options, process.stdout);
  // Every text a report prints passes through the one redaction: paths, authors and warnings can hold keys that are no findings.
  const redact = lazyRedactor(rules);
  const reportContext: ReportContext = maskContext({ toolVersion, showSecrets: options.showSecrets, ...context }, redact);
  const checks = prepared.verifier ? withCheckProgress(prepared.verifier, options.quiet || options.ownProgress === true) : undefined;
  const beforeWrite = () => {
    checks?.done();
    options.beforeWrite?.();
  };
  const onFinding = (found: Finding) => {
    beforeWrite();
    const finding = maskFinding(found, redact);
    target.write(options.format === 'jsonl' ? renderJsonlFinding(finding, reportContext) : `${renderHumanFinding(finding, rules, reportContext, color)}\n\n`);
  };
  const onWarning = (warning: ScanWarning) => {
    // The --results note comes last and is printed below, once the counts say what it left out.
    if (options.quiet || warning.kind === 'filter') return;
    beforeWrite();
    printWarning(warning, redact, options.color);
  };
  let run: RunResult;
  try {
    run = await runTail(source, checks ? { ...prepared, verifier: checks.verifier } : prepared, { ...(streamed ? { onFinding } : {}), keep: !streamed || options.keepFindings === true, onWarning });
  } finally {
    checks?.done();
  }
  const result = maskResult(run, redact);
  // --quiet prints findings only, but a key that may still work and was left out of them is not noise.
  const note = result.warnings.find((warning) => warning.kind === 'filter');
  if (note && (!options.quiet || (result.counts.leftOut.unknown ?? 0) > 0)) {
    beforeWrite();
    printWarning(note, redact, options.color);
  }
  // The reason can name paths (an unreadable file's): redacted like every warning.
  const why = result.verdict.why === undefined ? undefined : redact(result.verdict.why);
  const verdict = { exitCode: result.verdict.exitCode, ...(why !== undefined ? { why } : {}) };
  const finalContext: ReportContext = { ...reportContext, suppressed: result.counts.suppressed, verdict };
  // --quiet prints the findings and no summary line: a clean run prints nothing at all.
  const quietHuman = options.quiet && options.format === 'human';
  if (!streamed) {
    if (!quietHuman) target.write(render(options.format as Format, result, finalContext, rules, color));
    else if (result.findings.length > 0) target.write(`${result.findings.map((finding) => renderHumanFinding(finding, rules, finalContext, color)).join('\n\n')}\n`);
  } else if (options.format === 'human' && !options.quiet) {
    const outcomes = result.verified ? statusesByUrgency.map((status): [VerificationStatus, number] => [status, result.counts.byStatus[status] ?? 0]).filter(([, n]) => n > 0) : [];
    const tally = { found: result.counts.shown, files: result.counts.files, outcomes, allInput: result.counts.allInput };
    target.write(`${renderHumanSummary(result, tally, finalContext, color)}\n`);
  }
  target.close();
  if (options.output && !options.quiet) {
    const n = result.counts.shown;
    process.stderr.write(`keywarden: ${n} finding${n === 1 ? '' : 's'}; ${options.format} report written to ${redact(options.output)}\n`);
  }
  // Without a summary line on stdout (a machine format, --output, --quiet) the reason for an exit code the findings do
  // not explain goes to stderr; under --quiet only a failing one (a silent exit 1 would contradict what was printed).
  // An operational failure (exit 2) goes there in every format, as errors do.
  const { exitCode } = verdict;
  const summaryShown = options.format === 'human' && !options.output && !options.quiet;
  if (why && (exitCode === ExitCode.error || (!summaryShown && (exitCode !== ExitCode.clean || !options.quiet)))) process.stderr.write(`keywarden: ${why}\n`);
  return result.revocations ? withRevocations(result, result.revocations, prepared, options) : result;
}

/**
 * A scan's revoke step (`--revoke`): its table on stderr, after the report (stdout keeps the
 * report alone, in any format). A management key unset or refused is a configuration error,
 * exit 2, as for `keywarden revoke`; otherwise the scan's own verdict stands: a revoked key is
 * still in the code.
 */
function withRevocations(result: RunResult, revocations: readonly Revocation[], prepared: Prepared, options: PrintOptions): RunResult {
  const verdict = revokeVerdict(result, revocations);
  const context = { toolVersion, dryRun: prepared.config.revoke?.execute !== true, durationMs: result.stats.durationMs };
  options.beforeWrite?.();
  process.stderr.write(renderRevocationsHuman(revocations, context, useColor(options, process.stderr)));
  if (verdict.exitCode !== ExitCode.error) return result;
  process.stderr.write(`keywarden: ${verdict.why ?? 'exit 2'}\n`);
  return { ...result, verdict: { exitCode: ExitCode.error, ...(verdict.why !== undefined ? { why: verdict.why } : {}) } };
}
