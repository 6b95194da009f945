import { closeSync, openSync, writeSync } from 'node:fs';
import { ExitCode, UsageError } from '../core/errors.js';
import type { CompiledRule, Finding, ScanResult, ScanWarning, VerificationStatus } from '../core/types.js';
import { verifyInOrder } from '../pipeline/verify.js';
import { renderHumanFinding, renderHumanSummary } from '../report/human.js';
import { renderJsonlFinding } from '../report/json.js';
import type { ReportContext } from '../report/model.js';
import { statusesByUrgency } from '../report/verification.js';
import { isFailing, leftOutNote, printWarnings, useColor, type EmitOptions } from './emit.js';
import { parseResults } from './options.js';
import { toolVersion } from './version.js';

/** The formats that can be printed a finding at a time: jsonl (SPEC §3, "as they are found") and human. */
export type StreamFormat = 'jsonl' | 'human';

export interface StreamEmitOptions extends Omit<EmitOptions, 'format' | 'suppressed' | 'uriPrefix'> {
  format: StreamFormat;
  /** Called before anything is written to stdout (a progress bar clears its line). */
  beforeWrite?: () => void;
}

/** Prints findings as they arrive (`keywarden logs`), then warnings' notes, the summary and the exit code. */
export interface StreamEmitter {
  /** Verify (with `--verify`), filter by `--results`, print; awaited for back-pressure. */
  add(finding: Finding): Promise<void>;
  /** Print a warning now (unless `--quiet`). */
  warn(warning: ScanWarning): void;
  /** After the scan: wait for pending checks, print the summary, close `--output`; the exit code. */
  finish(scanned: Omit<ScanResult, 'findings'> & { suppressed: number }): Promise<number>;
}

/** `--output FILE` opened once, written as findings come; stdout otherwise. */
function openTarget(options: StreamEmitOptions): { write: (text: string) => void; close: () => void } {
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
 * The streamed counterpart of `emitResult`: the same verification, `--results` filter,
 * `--fail-on` verdict, warnings and summary, with each finding printed when it is found and
 * not kept afterwards, so memory does not grow with the number of findings.
 */
export function streamEmitter(rules: readonly CompiledRule[], options: StreamEmitOptions): StreamEmitter {
  if (options.failOn === 'live' && !options.verifier) {
    throw new UsageError('--fail-on live needs --verify: without a live check no key is known to be live');
  }
  const chosen = options.results === undefined ? undefined : parseResults(options.results);
  const context: ReportContext = { toolVersion, showSecrets: options.showSecrets };
  const color = useColor(options, process.stdout);
  const target = openTarget(options);
  const shownFiles = new Set<string>();
  const shownByStatus = new Map<VerificationStatus, number>();
  const left = new Map<VerificationStatus, number>();
  let shown = 0;
  let failing = false;

  const show = (finding: Finding) => {
    failing ||= isFailing(finding, options.failOn);
    const status = finding.verification?.status ?? 'skipped';
    if (chosen && !chosen.has(status)) {
      left.set(status, (left.get(status) ?? 0) + 1);
      return;
    }
    shown++;
    shownFiles.add(finding.origin.path);
    shownByStatus.set(status, (shownByStatus.get(status) ?? 0) + 1);
    target.write(options.format === 'jsonl' ? renderJsonlFinding(finding, context) : `${renderHumanFinding(finding, rules, context, color)}\n\n`);
  };
  const queue = options.verifier ? verifyInOrder(options.verifier, show) : undefined;

  return {
    add: async (finding) => (queue ? queue.add(finding) : show(finding)),
    warn: (warning) => {
      if (!options.quiet) printWarnings([warning], rules, options);
    },
    async finish(scanned) {
      await queue?.drain();
      const note = options.results === undefined ? undefined : leftOutNote(options.results, left);
      // --quiet prints findings only, but a key that may still work and was left out of them is not noise.
      if (note && (!options.quiet || left.has('unknown'))) printWarnings([note], rules, options);
      if (options.format === 'human' && !(options.quiet && shown === 0)) {
        const outcomes = options.verifier ? statusesByUrgency.map((status): [VerificationStatus, number] => [status, shownByStatus.get(status) ?? 0]).filter(([, n]) => n > 0) : [];
        const summarized = { findings: [], stats: scanned.stats, warnings: note ? [...scanned.warnings, note] : scanned.warnings };
        const tally = { found: shown, files: shownFiles.size, outcomes, allInput: false };
        target.write(`${renderHumanSummary(summarized, tally, { ...context, ...(scanned.suppressed ? { suppressed: scanned.suppressed } : {}) }, color)}\n`);
      }
      target.close();
      if (options.output && !options.quiet) {
        process.stderr.write(`keywarden: ${shown} finding${shown === 1 ? '' : 's'}; ${options.format} report written to ${options.output}\n`);
      }
      return failing ? ExitCode.findings : ExitCode.clean;
    },
  };
}
