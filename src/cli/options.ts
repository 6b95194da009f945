import type { InferredOptionType, Options } from 'yargs';
import { UsageError } from '../core/errors.js';
import { verificationStatuses } from '../core/types.js';
import { maskStyles, type MaskStyle } from '../detect/mask.js';
import { formats, type Format } from '../report/index.js';
import { channelNames } from '../run/notify-channels.js';

/**
 * Every command's options, as tables: yargs reads them, the types the commands take are
 * derived from them (no hand-kept interface, no cast from yargs' output, so a renamed flag
 * fails to compile), and the fast paths that skip yargs take their defaults from them.
 * A value-taking option `requiresArg` (`-f` alone is an error, not silently ignored), and a
 * repeatable one takes one value per use (`--rules DIR .` leaves `.` a path).
 */

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** The parsed options of a table, by their camelCase names, as yargs hands them to a command. */
export type OptionsOf<T extends Record<string, Options>> = { [K in keyof T & string as CamelCase<K>]: InferredOptionType<T[K]> };

/** Where and how findings are printed, and which rules run: every command that reports findings has these. */
export const outputTable = {
  format: { alias: 'f', choices: formats, default: 'human' as Format, requiresArg: true, describe: 'report format' },
  output: { alias: 'o', type: 'string', requiresArg: true, describe: 'write the report to FILE instead of stdout' },
  rules: { type: 'string', array: true, nargs: 1, requiresArg: true, default: [] as string[], describe: 'extra rule directory (repeatable: --rules A --rules B)' },
  'show-secrets': { type: 'boolean', default: false, describe: 'print raw keys (off: only redacted forms; --format html never shows them)' },
  color: { type: 'boolean', default: true, describe: 'colour on a terminal (--no-color; NO_COLOR is honoured)' },
  quiet: { alias: 'q', type: 'boolean', default: false, describe: 'print findings and errors only: no summary, progress or warnings' },
} as const satisfies Record<string, Options>;

/** How live checks run, and which of their outcomes are reported. */
export const verifyTuningTable = {
  'verify-timeout': { type: 'number', requiresArg: true, describe: 'seconds per request [env KEYWARDEN_VERIFY_TIMEOUT; default: 10]' },
  'verify-concurrency': { type: 'number', requiresArg: true, describe: 'requests at once [env KEYWARDEN_VERIFY_CONCURRENCY; default: 8]' },
  results: { type: 'string', requiresArg: true, describe: `outcomes to report, from ${verificationStatuses.join(',')} [default: all]` },
} as const satisfies Record<string, Options>;

/** What revoking does, for `keywarden revoke` and the scanning commands' `--revoke` step (SPEC §5.1). */
export const revokeActionTable = {
  yes: { type: 'boolean', default: false, describe: 'act: disable (or with --delete, delete) each live key; without it a dry run prints the plan and changes nothing' },
  delete: { type: 'boolean', default: false, describe: 'delete the account key instead of disabling it (a disabled key can be enabled again by its owner; a deleted one cannot)' },
  'audit-log': { type: 'string', requiresArg: true, describe: 'append a JSON Lines record of every decision and action to FILE (never through a symlink)' },
} as const satisfies Record<string, Options>;

/** Options every scanning command has: report format and destination, suppressions, rules, exit policy. */
export const reportTable = {
  ...outputTable,
  ...verifyTuningTable,
  ...revokeActionTable,
  revoke: { type: 'boolean', describe: 'after --verify, revoke each live key (a dry run unless --yes); management key from OPENROUTER_MANAGEMENT_KEY' },
  'fail-on': { choices: ['any', 'live'] as const, default: 'any' as 'any' | 'live', requiresArg: true, describe: 'which findings make the exit code 1: any, or live (every key not known dead; needs --verify)' },
  config: { type: 'string', requiresArg: true, describe: 'a YAML config file (exclude, rules, maxFileSize, gitignore)' },
  baseline: { type: 'string', requiresArg: true, describe: 'a previous json report; findings already in it are not reported' },
  verify: { type: 'boolean', describe: "live-check each distinct key with its provider's key-info endpoint" },
} as const satisfies Record<string, Options>;

/**
 * Where findings are told, and how (SPEC §5.2): one table for `keywarden notify` and the scanning
 * commands' notify step (`--notify`), so the two cannot word or read a setting differently.
 */
export const notifySettingsTable = {
  webhook: {
    type: 'string',
    requiresArg: true,
    describe:
      'the webhook URL (Slack, Mattermost, or your own) [env KEYWARDEN_WEBHOOK_URL, preferred: a URL on the command line is visible to other users of this machine and kept in shell history, and it holds a token]; signed when KEYWARDEN_WEBHOOK_SECRET is set',
  },
  repo: { type: 'string', requiresArg: true, describe: "OWNER/NAME for issue and commit-comment, and the links [default: the findings' repository, GITHUB_REPOSITORY, or the origin remote of the repository scanned (notify: of --root)]" },
  'mention-owners': { type: 'boolean', default: false, describe: "@-mention each path's owners (CODEOWNERS, else the commit's author) in issue and commit-comment" },
} as const satisfies Record<string, Options>;

/** The notify step of `scan` and `history`: after the report (and `--revoke`), tell the findings reported. */
export const notifyStepTable = {
  notify: {
    type: 'string',
    array: true,
    nargs: 1,
    requiresArg: true,
    describe: `after the report (and --revoke), tell the findings reported: ${channelNames.join(', ')}; comma-separated or repeated (--notify issue,webhook), as notify --to`,
  },
  ...notifySettingsTable,
} as const satisfies Record<string, Options>;

export const scanTable = {
  ...reportTable,
  ...notifyStepTable,
  gitignore: { type: 'boolean', describe: 'honour .gitignore files (default; --no-gitignore to scan ignored files)' },
  'max-file-size': { type: 'string', requiresArg: true, describe: 'larger files are not scanned, and a warning says so [default: 100MiB]' },
} as const satisfies Record<string, Options>;

export const historyTable = {
  ...reportTable,
  ...notifyStepTable,
  range: { type: 'string', requiresArg: true, describe: 'A..B: only lines added by the commits in this range' },
  since: { type: 'string', requiresArg: true, describe: 'only commits after DATE (a date git understands: 2024-01-31, "2 weeks ago")' },
  branch: { type: 'string', array: true, nargs: 1, requiresArg: true, describe: 'only what is reachable from REF (repeatable) instead of every ref' },
  'max-file-size': { type: 'string', requiresArg: true, describe: 'larger blobs are not scanned, and a warning says so [default: 100MiB]' },
} as const satisfies Record<string, Options>;

/** `keywarden audit [PATH]`: a local repository's history and working tree, or GitHub's repositories (--repo, --org, --user); live checks on unless --no-verify. */
export const auditTable = {
  ...reportTable,
  ...notifyStepTable,
  // An audit's --repo names what to audit; the notify step then takes each finding's own repository.
  repo: { type: 'string', array: true, nargs: 1, requiresArg: true, describe: 'audit the GitHub repository OWNER/NAME instead of a local PATH (repeatable) [env GITHUB_TOKEN, GITHUB_API_URL]' },
  org: { type: 'string', array: true, nargs: 1, requiresArg: true, describe: "audit every repository of the organization ORG (repeatable)" },
  user: { type: 'string', array: true, nargs: 1, requiresArg: true, describe: "audit every repository of the user USER (repeatable)" },
  'include-forks': { type: 'boolean', default: false, describe: 'with --org/--user: audit forks too' },
  'include-archived': { type: 'boolean', default: false, describe: 'with --org/--user: audit archived repositories too' },
  exclude: { type: 'string', array: true, nargs: 1, requiresArg: true, default: [] as string[], describe: 'leave out repositories whose OWNER/NAME matches PATTERN (* and ?, repeatable)' },
  cache: { type: 'string', requiresArg: true, describe: 'where the repositories are mirrored; a second audit fetches only what is new [default: $XDG_CACHE_HOME/keywarden or ~/.cache/keywarden]' },
  concurrency: { type: 'number', default: 2, requiresArg: true, describe: 'with --repo/--org/--user: repositories mirrored or scanned at once (the next ones are cloned while one is scanned)' },
  'clone-timeout': { type: 'number', default: 1800, requiresArg: true, describe: 'with --repo/--org/--user: seconds a clone or fetch may take; a longer one is stopped and its repository reported as not scanned' },
  plan: { type: 'number', requiresArg: true, describe: 'with --org/--user/--repo: list the repositories once, deal them into N shards balanced by size, print the GitHub Actions matrix ({"include":[{"shard":"1/N"},…]}); --output FILE writes the plan the shards read (--plan-file)' },
  shard: { type: 'string', requiresArg: true, describe: "I/N: audit shard I of the plan's N (--plan-file; without one, the repositories are listed and split again); its json report is for keywarden merge" },
  'plan-file': { type: 'string', requiresArg: true, describe: 'with --shard: the plan written by audit --plan N --output FILE, so every shard reads the same split' },
  resume: { type: 'boolean', default: false, describe: 'with --repo/--org/--user: continue the same audit where an interrupted run stopped (its state is kept in --cache); repositories it finished are not fetched or scanned again' },
  verify: { type: 'boolean', describe: "live-check each distinct key with its provider's key-info endpoint (default for an audit; --no-verify to skip)" },
  'max-file-size': historyTable['max-file-size'],
} as const satisfies Record<string, Options>;

/** `keywarden merge REPORT…`: the json reports of an audit's shards as one report; `--verify` checks each distinct key once, reading its line from GitHub. */
export const mergeTable = {
  ...reportTable,
  'plan-file': { type: 'string', requiresArg: true, describe: 'the plan the shards followed (audit --plan N --output FILE): every report must be of it, and the repositories of a shard without a report are listed as not scanned' },
  verify: { type: 'boolean', describe: "live-check each distinct key once, its line read again from GitHub at its commit (GITHUB_TOKEN, GITHUB_API_URL): shards' reports hold no keys" },
} as const satisfies Record<string, Options>;

export const logsTable = {
  ...reportTable,
  follow: { type: 'boolean', default: false, describe: 'keep reading as the files grow, across rotation, until SIGINT/SIGTERM; findings print as found' },
  'from-end': { type: 'boolean', default: false, describe: 'with --follow: skip what the files already hold, like tail -f (default: scan it first)' },
} as const satisfies Record<string, Options>;

export const verifyTable = {
  ...outputTable,
  ...verifyTuningTable,
  report: { type: 'string', requiresArg: true, describe: 'a json report (--format json) whose findings are checked again; its keys are read from the report (--show-secrets) or from where they were found' },
  root: { type: 'string', default: '.', requiresArg: true, describe: "directory the report's paths are relative to; the repository for history findings" },
  'fail-on': { choices: ['any', 'live'] as const, default: 'live' as 'any' | 'live', requiresArg: true, describe: 'which findings make the exit code 1; here the default is live: exit 0 only when every key is known dead' },
} as const satisfies Record<string, Options>;

export const revokeTable = {
  'verify-timeout': verifyTuningTable['verify-timeout'],
  'verify-concurrency': verifyTuningTable['verify-concurrency'],
  ...revokeActionTable,
  format: { alias: 'f', choices: ['human', 'json'] as const, default: 'human' as 'human' | 'json', requiresArg: true, describe: 'report format' },
  output: outputTable.output,
  rules: outputTable.rules,
  color: outputTable.color,
  quiet: outputTable.quiet,
  report: { type: 'string', requiresArg: true, describe: 'a json report (--format json) whose keys are revoked; its keys are read from the report (--show-secrets) or from where they were found' },
  root: verifyTable.root,
} as const satisfies Record<string, Options>;

/** `keywarden notify` (SPEC §5.2): tell a key's owner, from a json report. */
export const notifyTable = {
  report: { type: 'string', requiresArg: true, describe: 'the json report to tell about (keywarden scan . -f json -o report.json) [required]' },
  to: {
    type: 'string',
    array: true,
    nargs: 1,
    requiresArg: true,
    describe: `where to tell: ${channelNames.join(', ')}; comma-separated or repeated (--to issue,webhook) [required]`,
  },
  ...notifySettingsTable,
  root: { type: 'string', default: '.', requiresArg: true, describe: 'the repository the report was made in: its origin remote names OWNER/NAME when nothing else does' },
  'dry-run': { type: 'boolean', default: false, describe: 'print exactly what each channel would send, and where; send nothing' },
  format: { alias: 'f', choices: ['human', 'json'] as const, default: 'human' as 'human' | 'json', requiresArg: true, describe: 'output format: what each channel did' },
  output: outputTable.output,
  rules: outputTable.rules,
  color: outputTable.color,
  quiet: outputTable.quiet,
} as const satisfies Record<string, Options>;

/** `keywarden report FILE`: a json report rendered in another format. */
export const renderTable = {
  format: outputTable.format,
  output: outputTable.output,
  rules: outputTable.rules,
  'show-secrets': {
    type: 'boolean',
    default: false,
    describe: "keep the raw keys of a report made with --show-secrets (off: only redacted forms; --format html never shows them)",
  },
  color: outputTable.color,
  quiet: outputTable.quiet,
} as const satisfies Record<string, Options>;

export const redactTable = {
  mask: {
    choices: maskStyles,
    default: 'redacted' as MaskStyle,
    requiresArg: true,
    describe:
      'how a key is written: redacted = prefix and at most 4 characters at each end (sk-or-v1-e2e4…ecbe, as in reports); ' +
      "hash = prefix and the first 12 hex digits of the key's sha256 (sk-or-v1-[sha256:1a2b3c4d5e6f], the start of a report's secretHash); " +
      'stars = prefix and one * per character. Base64 text holding a key: [base64:<mask>]',
  },
  count: { type: 'boolean', default: false, describe: 'at the end, print on stderr how many keys were masked' },
  rules: outputTable.rules,
} as const satisfies Record<string, Options>;

export const rulesListTable = {
  rules: outputTable.rules,
  format: { choices: ['human', 'json'] as const, default: 'human' as 'human' | 'json', requiresArg: true, describe: 'list format' },
} as const satisfies Record<string, Options>;

export const hookUninstallTable = {
  global: {
    type: 'boolean',
    default: false,
    describe: 'allow a hooks directory outside this repository (core.hooksPath, often shared by every repository); without it keywarden refuses and lists what it would change there',
  },
} as const satisfies Record<string, Options>;

export const hookInstallTable = {
  'pre-push': { type: 'boolean', default: false, describe: 'also scan the commits being pushed' },
  ...hookUninstallTable,
} as const satisfies Record<string, Options>;

/** `keywarden serve` (SPEC §6): the secret-scanning partner endpoint. */
export const serveTable = {
  host: { type: 'string', default: '127.0.0.1', requiresArg: true, describe: 'address to listen on (0.0.0.0 in a container)' },
  port: { type: 'number', default: 8080, requiresArg: true, describe: 'port to listen on (0: any free port, printed in the first log line)' },
  path: { type: 'string', default: '/secret-scanning', requiresArg: true, describe: 'where alerts are POSTed (the URL you register with GitHub)' },
  store: { type: 'string', default: 'keywarden-serve.db', requiresArg: true, describe: 'the SQLite file alerts are kept in until done (tokens only encrypted with KEYWARDEN_STORE_KEY, 64 hex, required)' },
  revoke: { type: 'boolean', default: false, describe: 'disable each live key, as keywarden revoke --yes (management key from OPENROUTER_MANAGEMENT_KEY)' },
  'notify-webhook': { type: 'string', requiresArg: true, describe: 'tell each leaked key to this webhook (Slack, Mattermost, your own) [env KEYWARDEN_WEBHOOK_URL, preferred]; an issue is opened on the leaking repository when GITHUB_TOKEN is set' },
  'audit-log': { type: 'string', requiresArg: true, describe: 'with --revoke: append a JSON Lines record of every decision and action to FILE' },
  'max-body': { type: 'string', default: '1MiB', requiresArg: true, describe: 'larger alert bodies are answered 413' },
  'max-in-flight': { type: 'number', default: 64, requiresArg: true, describe: 'requests handled at once; more are answered 503 with Retry-After' },
  'answer-within': { type: 'number', default: 25, requiresArg: true, describe: 'seconds an alert\'s answer waits for the checks before labelling from what is known (GitHub waits 30)' },
  'trust-proxy': { type: 'boolean', default: false, describe: 'log the client address from X-Forwarded-For (only behind a proxy you run)' },
  concurrency: { type: 'number', default: 4, requiresArg: true, describe: 'batches of tokens checked at once (each batch shares the verify concurrency)' },
  rules: outputTable.rules,
} as const satisfies Record<string, Options>;

export type ReportOptions = OptionsOf<typeof reportTable>;
export type ScanOptions = OptionsOf<typeof scanTable>;
export type HistoryOptions = OptionsOf<typeof historyTable>;
export type LogsOptions = OptionsOf<typeof logsTable>;
export type VerifyOptions = OptionsOf<typeof verifyTable>;
export type RedactOptions = OptionsOf<typeof redactTable>;
export type RenderOptions = OptionsOf<typeof renderTable>;
export type RevokeOptions = OptionsOf<typeof revokeTable>;
export type NotifyOptions = OptionsOf<typeof notifyTable>;
export type ServeOptions = OptionsOf<typeof serveTable>;
export type NotifyStepOptions = OptionsOf<typeof notifyStepTable>;
export type AuditOptions = OptionsOf<typeof auditTable>;
export type MergeOptions = OptionsOf<typeof mergeTable>;
export type RulesListOptions = OptionsOf<typeof rulesListTable>;
export type HookOptions = OptionsOf<typeof hookInstallTable>;
export type HookUninstallOptions = OptionsOf<typeof hookUninstallTable>;

const camelCase = (name: string) => name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());

/** The options a table gives when none is on the command line: where the quick reader (quick-args.ts) starts from. */
export function defaultsOf<T extends Record<string, Options>>(table: T): OptionsOf<T> {
  // The one place a table's shape is asserted rather than inferred: each entry's default is its value.
  return Object.fromEntries(Object.entries(table).map(([name, option]) => [camelCase(name), option.default])) as OptionsOf<T>;
}

/** Every long and short flag a table knows, for "did you mean" on a mistyped one. */
export function flagsOf(table: Record<string, Options>): string[] {
  return Object.entries(table).flatMap(([name, option]) => {
    const aliases = option.alias === undefined ? [] : [option.alias].flat();
    return [name, ...(option.type === 'boolean' ? [`no-${name}`] : []), ...aliases];
  });
}

const sizeUnits: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1000, kib: 1024, m: 1024 ** 2, mb: 1000 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1000 ** 3, gib: 1024 ** 3 };

/** Parse `100MiB`, `512k`, `2000000` into bytes. */
export function parseSize(text: string, flag: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = sizeUnits[match?.[2]?.toLowerCase() ?? 'x'];
  if (!match || unit === undefined) throw new UsageError(`${flag}: cannot read '${text}' as a size (e.g. 50MiB, 512k)`);
  return Math.floor(Number(match[1]) * unit);
}
