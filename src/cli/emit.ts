import { writeFileSync } from 'node:fs';
import pc from 'picocolors';
import { ExitCode, UsageError } from '../core/errors.js';
import type { CompiledRule, ScanResult } from '../core/types.js';
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
}

/** Colour only for people: a terminal, not NO_COLOR, not --no-color, not a file. */
export function useColor(options: { color: boolean; output?: string | undefined }, stream: NodeJS.WriteStream): boolean {
  if (!options.color || options.output) return false;
  if ('NO_COLOR' in process.env && process.env['NO_COLOR'] !== '') return false;
  if (process.env['FORCE_COLOR'] && process.env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true && pc.isColorSupported;
}

export function exitCodeFor(result: ScanResult, failOn: 'any' | 'live'): number {
  const failing = failOn === 'live' ? result.findings.filter((f) => f.verification?.status === 'live') : result.findings;
  return failing.length > 0 ? ExitCode.findings : ExitCode.clean;
}

/** Print warnings, write the report where it was asked for, and return the exit code. */
export function emitResult(result: ScanResult, rules: readonly CompiledRule[], options: EmitOptions): number {
  const context: ReportContext = { toolVersion, showSecrets: options.showSecrets, ...(options.suppressed ? { suppressed: options.suppressed } : {}) };
  const errColor = pc.createColors(useColor(options, process.stderr) || useColor({ color: options.color }, process.stderr));
  if (!options.quiet) {
    for (const warning of result.warnings) {
      process.stderr.write(`${errColor.yellow('warning:')} ${warning.path ? `${warning.path}: ` : ''}${warning.message}\n`);
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
