import type { Argv } from 'yargs';
import { UsageError } from '../core/errors.js';
import { verificationStatuses, type VerificationStatus } from '../core/types.js';
import { maskStyles, type MaskStyle } from '../detect/mask.js';
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
  /** Live-check every distinct key (SPEC §5). */
  verify?: boolean;
  /** Seconds; undefined: `KEYWARDEN_VERIFY_TIMEOUT`, else 10. */
  verifyTimeout?: number;
  /** Undefined: `KEYWARDEN_VERIFY_CONCURRENCY`, else 8. */
  verifyConcurrency?: number;
  /** Comma-separated outcomes to report (`--results live,unknown`); undefined: all. */
  results?: string;
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

/** Where and how findings are printed, and which rules run: every command that reports findings has these. */
export function outputOptions<T>(y: Argv<T>) {
  return y
    .option('format', { alias: 'f', choices: formats, default: defaultReportArgs.format, describe: 'report format' })
    .option('output', { alias: 'o', type: 'string', describe: 'write the report to FILE instead of stdout' })
    .option('rules', { type: 'string', array: true, default: [] as string[], describe: 'extra rule directory (repeatable)' })
    .option('show-secrets', { type: 'boolean', default: defaultReportArgs.showSecrets, describe: 'print raw keys (off: only redacted forms)' })
    .option('color', { type: 'boolean', default: defaultReportArgs.color, describe: 'colour on a terminal (--no-color; NO_COLOR is honoured)' })
    .option('quiet', { alias: 'q', type: 'boolean', default: defaultReportArgs.quiet, describe: 'print findings only' });
}

/** How live checks run, and which of their outcomes are reported. */
export function verifyTuningOptions<T>(y: Argv<T>) {
  return y
    .option('verify-timeout', { type: 'number', describe: 'seconds per request [env KEYWARDEN_VERIFY_TIMEOUT; default: 10]' })
    .option('verify-concurrency', { type: 'number', describe: 'requests at once [env KEYWARDEN_VERIFY_CONCURRENCY; default: 8]' })
    .option('results', { type: 'string', describe: `outcomes to report, from ${verificationStatuses.join(',')} [default: all]` });
}

/** Options every scanning command has: report format and destination, suppressions, rules, exit policy. */
export function reportOptions<T>(y: Argv<T>) {
  return verifyTuningOptions(
    outputOptions(y)
      .option('fail-on', { choices: ['any', 'live'] as const, default: defaultReportArgs.failOn, describe: 'which findings make the exit code 1: any, or live (every key not known dead; needs --verify)' })
      .option('config', { type: 'string', describe: 'a YAML config file (exclude, rules, maxFileSize)' })
      .option('baseline', { type: 'string', describe: 'a previous json report; findings already in it are not reported' })
      .option('verify', { type: 'boolean', describe: "live-check each distinct key with its provider's key-info endpoint" }),
  );
}

/** `keywarden redact`: how keys are masked, whether to count them, which rules. */
export function redactOptions<T>(y: Argv<T>) {
  return y
    .option('mask', {
      choices: maskStyles,
      default: 'redacted' as MaskStyle,
      describe:
        'how a key is written: redacted = prefix and at most 4 characters at each end (sk-or-v1-e2e4…ecbe, as in reports); ' +
        "hash = prefix and the first 12 hex digits of the key's sha256 (sk-or-v1-[sha256:1a2b3c4d5e6f], the start of a report's secretHash); " +
        'stars = prefix and one * per character. Base64 text holding a key: [base64:<mask>]',
    })
    .option('count', { type: 'boolean', default: false, describe: 'at the end, print on stderr how many keys were masked' })
    .option('rules', { type: 'string', array: true, default: [] as string[], describe: 'extra rule directory (repeatable)' });
}

/**
 * `keywarden redact` in its usual forms (`--count`, `--mask STYLE`), read without yargs: a filter
 * sits in pipelines and is started often, and yargs costs ~80 ms of start-up. Anything else
 * (other flags, help, a repeated or wrong value) gives undefined, and yargs reads it as usual.
 */
export function quickRedactArgs(argv: readonly string[]): { mask: MaskStyle; count: boolean; rules: string[] } | undefined {
  if (argv[0] !== 'redact') return undefined;
  let mask: MaskStyle | undefined;
  let count: boolean | undefined;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if ((arg === '--count' || arg === '--no-count') && count === undefined) {
      count = arg === '--count';
      continue;
    }
    const value = arg === '--mask' ? argv[++i] : arg.startsWith('--mask=') ? arg.slice('--mask='.length) : undefined;
    if (value === undefined || mask !== undefined || !(maskStyles as readonly string[]).includes(value)) return undefined;
    mask = value as MaskStyle;
  }
  return { mask: mask ?? 'redacted', count: count ?? false, rules: [] };
}

/** `--results live,unknown` as a set; every outcome when not given. */
export function parseResults(text: string | undefined): Set<VerificationStatus> {
  if (text === undefined) return new Set(verificationStatuses);
  const chosen = text.split(',').map((part) => part.trim()).filter((part) => part !== '');
  const wrong = chosen.filter((part) => !(verificationStatuses as readonly string[]).includes(part));
  if (chosen.length === 0 || wrong.length > 0) {
    throw new UsageError(`--results: ${wrong.length > 0 ? `'${wrong.join("', '")}' is not an outcome` : 'name at least one outcome'}; choose from ${verificationStatuses.join(',')}`);
  }
  return new Set(chosen as VerificationStatus[]);
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
