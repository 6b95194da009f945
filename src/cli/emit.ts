import { writeFileSync } from 'node:fs';
import { ExitCode, UsageError } from '../core/errors.js';
import type { CompiledRule, ScanResult } from '../core/types.js';
import { createEngine } from '../detect/detect.js';
import { redactKeys } from '../detect/redact-text.js';
import { colors, shouldColor } from '../report/colors.js';
import { render, type Format } from '../report/index.js';
import type { ReportContext } from '../report/model.js';
import { toolVersion } from './version.js';

export interface EmitOptions {
  format: Format;
  output?: string | undefined;
  showSecrets: boolean;
  color: boolean;
  quiet: boolean;
  failOn: 'any' | 'live';
  suppressed?: number;
  /** Path from the repository's top to the scanned root, for repo-relative SARIF URIs. */
  uriPrefix?: string;
  /** Whether keys were live-checked in this run; `--fail-on live` means nothing without it. */
  verified?: boolean;
}

/** Colour for a stream, or never when the text goes to a file. */
export function useColor(options: { color: boolean; output?: string | undefined }, stream: NodeJS.WriteStream): boolean {
  return !options.output && shouldColor(process.env, stream.isTTY === true, options.color);
}

export function exitCodeFor(result: ScanResult, failOn: 'any' | 'live'): number {
  const failing = failOn === 'live' ? result.findings.filter((f) => f.verification?.status === 'live') : result.findings;
  return failing.length > 0 ? ExitCode.findings : ExitCode.clean;
}

/** Print warnings, write the report where it was asked for, and return the exit code. */
export function emitResult(result: ScanResult, rules: readonly CompiledRule[], options: EmitOptions): number {
  if (options.failOn === 'live' && !options.verified) {
    // Without verification no key is known to be live, so every finding would pass: fail closed instead.
    throw new UsageError('--fail-on live needs --verify: without a live check no key is known to be live');
  }
  const context: ReportContext = {
    toolVersion,
    showSecrets: options.showSecrets,
    ...(options.suppressed ? { suppressed: options.suppressed } : {}),
    ...(options.uriPrefix ? { uriPrefix: options.uriPrefix } : {}),
  };
  const errColor = colors(useColor({ color: options.color }, process.stderr));
  if (!options.quiet && result.warnings.length > 0) {
    // Warnings can quote paths and git's messages: redact them. The engine is built only when there are some.
    const engine = createEngine([...rules]);
    for (const warning of result.warnings) {
      const text = `${warning.path ? `${warning.path}: ` : ''}${warning.message}`;
      process.stderr.write(`${errColor.yellow('warning:')} ${redactKeys(text, engine)}\n`);
    }
  }
  const text = render(options.format, result, context, rules, useColor(options, process.stdout));
  if (options.output) {
    try {
      writeFileSync(options.output, text);
    } catch (error) {
      throw new UsageError(`--output ${options.output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    if (!options.quiet) {
      const n = result.findings.length;
      process.stderr.write(`keywarden: ${n} finding${n === 1 ? '' : 's'}; ${options.format} report written to ${options.output}\n`);
    }
  } else if (!(options.quiet && options.format === 'human' && result.findings.length === 0)) {
    process.stdout.write(text);
  }
  return exitCodeFor(result, options.failOn);
}
