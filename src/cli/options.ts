import type { Argv } from 'yargs';
import { UsageError } from '../core/errors.js';
import { formats, type Format } from '../report/index.js';

/** Options shared by the scanning commands (SPEC §2). */
export interface ReportArgs {
  format: Format;
  output?: string;
  failOn: 'any' | 'live';
  config?: string;
  rules: string[];
  baseline?: string;
  showSecrets: boolean;
  color: boolean;
  quiet: boolean;
}

/** `keywarden scan`: the shared options plus those of a working tree. */
export interface ScanArgs extends ReportArgs {
  /** Files and directories to scan; none means the current directory. */
  paths: string[];
  /** Undefined when not given, so a config file's value can apply; flags given win. */
  gitignore?: boolean;
  maxFileSize?: string;
}

/** The shared options' defaults: what a bare `keywarden staged` (the pre-commit hook's call) runs with. */
export const defaultReportArgs: ReportArgs = {
  format: 'human',
  failOn: 'any',
  rules: [],
  showSecrets: false,
  color: true,
  quiet: false,
};

/** Options every scanning command has: report format and destination, suppressions, rules, exit policy. */
export function reportOptions<T>(y: Argv<T>) {
  return y
    .option('format', { alias: 'f', choices: formats, default: defaultReportArgs.format, describe: 'report format' })
    .option('output', { alias: 'o', type: 'string', describe: 'write the report to FILE instead of stdout' })
    .option('fail-on', { choices: ['any', 'live'] as const, default: defaultReportArgs.failOn, describe: 'which findings make the exit code 1' })
    .option('config', { type: 'string', describe: 'a YAML config file (exclude, rules, maxFileSize)' })
    .option('rules', { type: 'string', array: true, default: [] as string[], describe: 'extra rule directory (repeatable)' })
    .option('baseline', { type: 'string', describe: 'a previous json report; findings already in it are not reported' })
    .option('show-secrets', { type: 'boolean', default: defaultReportArgs.showSecrets, describe: 'print raw keys (off: only redacted forms)' })
    .option('color', { type: 'boolean', default: defaultReportArgs.color, describe: 'colour on a terminal (--no-color; NO_COLOR is honoured)' })
    .option('quiet', { alias: 'q', type: 'boolean', default: defaultReportArgs.quiet, describe: 'print findings only' });
}

export function scanOptions<T>(y: Argv<T>) {
  return reportOptions(y)
    .option('gitignore', { type: 'boolean', describe: 'honour .gitignore files (default; --no-gitignore to scan ignored files)' })
    .option('max-file-size', { type: 'string', describe: 'larger files are not scanned, and a warning says so [default: 100MiB]' });
}

const sizeUnits: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1000, kib: 1024, m: 1024 ** 2, mb: 1000 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1000 ** 3, gib: 1024 ** 3 };

/** Parse `100MiB`, `512k`, `2000000` into bytes. */
export function parseSize(text: string, flag: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = sizeUnits[match?.[2]?.toLowerCase() ?? 'x'];
  if (!match || unit === undefined) throw new UsageError(`${flag}: cannot read '${text}' as a size (e.g. 50MiB, 512k)`);
  return Math.floor(Number(match[1]) * unit);
}
