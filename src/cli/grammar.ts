/**
 * The command line's grammar for yargs: commands, their option tables and positionals, and
 * usage errors worded like the rest of the CLI. Everyday lines never get here (the quick
 * reader in quick-args.ts handles them); tests build it with runners that record what each
 * command would be handed.
 */
import type { Argv, Options } from 'yargs';
import { UsageError } from '../core/errors.js';
import { toolVersion } from '../run/version.js';
import { closest } from './did-you-mean.js';
import {
  flagsOf,
  historyTable,
  hookInstallTable,
  hookUninstallTable,
  auditTable,
  logsTable,
  mergeTable,
  notifyTable,
  redactTable,
  renderTable,
  reportTable,
  revokeTable,
  rulesListTable,
  scanTable,
  serveTable,
  verifyTable,
  type HistoryOptions,
  type LogsOptions,
  type RedactOptions,
  type ReportOptions,
  type RevokeOptions,
  type RulesListOptions,
  type ScanOptions,
  type VerifyOptions,
} from './options.js';
import type { QuickCommand } from './quick-args.js';

/** What each command runs, given its options as both readers of the command line hand them over. */
export interface Runners extends Record<QuickCommand, (options: never) => Promise<number>> {
  scan: (options: ScanOptions & { paths: string[] }) => Promise<number>;
  staged: (options: ReportOptions) => Promise<number>;
  history: (options: HistoryOptions & { REPO: string }) => Promise<number>;
  logs: (options: LogsOptions & { files: string[] }) => Promise<number>;
  verify: (options: VerifyOptions) => Promise<number>;
  revoke: (options: RevokeOptions) => Promise<number>;
  redact: (options: RedactOptions) => Promise<number>;
  'rules list': (options: RulesListOptions) => Promise<number>;
}

/** yargs drops a lone `-` from a command's positionals, and `logs -` means stdin: it travels as this instead. */
const stdinArgument = '\0-';

/** `-` arguments of `logs` and `scan` (before any `--`) as `stdinArgument`. */
function keepStdinArguments(argv: string[]): string[] {
  const end = argv.indexOf('--');
  return argv[0] === 'logs' || argv[0] === 'scan' ? argv.map((arg, i) => (arg === '-' && (end === -1 || i < end) ? stdinArgument : arg)) : argv;
}

/** Positionals as given, with `-` restored and the arguments after `--` added (never read as options). */
function positionals(given: readonly string[] | undefined, rest: unknown): string[] {
  return [...(given ?? []).map((arg) => (arg === stdinArgument ? '-' : arg)), ...(Array.isArray(rest) ? rest.map(String) : [])];
}

/** Each command's options, for "did you mean" and for naming the command's help. */
const tables: Record<string, Record<string, Options>> = {
  scan: scanTable,
  staged: reportTable,
  history: historyTable,
  logs: logsTable,
  verify: verifyTable,
  revoke: revokeTable,
  notify: notifyTable,
  audit: auditTable,
  redact: redactTable,
  report: renderTable,
  merge: mergeTable,
  'rules list': rulesListTable,
  serve: serveTable,
  'rules check': {},
  'hook install': hookInstallTable,
  'hook uninstall': hookUninstallTable,
  'hook pre-push': reportTable,
};
const commandNames = ['scan', 'staged', 'history', 'audit', 'merge', 'logs', 'verify', 'revoke', 'notify', 'report', 'redact', 'hook', 'rules', 'serve'];

/** The command argv names (`rules list`, `scan`), or undefined before one is named. */
function commandOf(argv: readonly string[]): string | undefined {
  const [first, second] = argv;
  if (first === undefined || !commandNames.includes(first)) return undefined;
  const pair = `${first} ${second ?? ''}`;
  return pair in tables ? pair : first;
}

/** Where the help of the command argv names is: the last line of every usage error. */
export function helpLine(argv: readonly string[]): string {
  const command = commandOf(argv);
  return `Run 'keywarden ${command ? `${command} ` : ''}--help' for usage.`;
}

/** An argument as a message quotes it back: not a URL, which can hold a token (a webhook's does). */
const quotable = (arg: string) => (arg.includes('://') ? 'a URL (not shown: it may hold a token)' : arg);

/**
 * yargs' complaints in the words of this CLI: which flag lacks a value, the flag that was
 * probably meant, and where the command's help is.
 */
function usageMessage(message: string, argv: readonly string[]): string {
  const command = commandOf(argv);
  const help = helpLine(argv);
  const missing = /^Not enough arguments following: (.+)$/.exec(message);
  if (missing?.[1]) {
    const name = missing[1];
    return `${name.length === 1 ? '-' : '--'}${name} needs a value\n${help}`;
  }
  const suggested = /^Did you mean (.+)\?$/.exec(message);
  if (suggested?.[1]) {
    // The word after the commands already recognised (`scn`, or `lst` in `rules lst`).
    const given = argv[command === undefined ? 0 : command.split(' ').length] ?? '';
    return `unknown command: ${quotable(given)}; did you mean ${suggested[1]}?\n${help}`;
  }
  const unknown = /^Unknown arguments?: (.+)$/.exec(message);
  if (unknown?.[1]) {
    const flags = flagsOf(tables[command ?? ''] ?? {});
    // The argument is quoted as yargs gives it (no dashes added), and redacted with the whole message.
    // yargs lists each unknown flag camelCased too (`--sk-or-v1-…` also as `skOrV1…`), a form no redaction knows
    // as a key: only what was typed is quoted (`--no-x` is listed as `x`, which was typed as part of it).
    const listed = unknown[1].split(', ');
    const typed = listed.filter((arg) => argv.some((given) => given.includes(arg)));
    const lines = typed.map((arg) => {
      const suggestion = closest(arg, flags);
      return `unknown argument: ${quotable(arg)}${suggestion ? `; did you mean ${suggestion.length === 1 ? '-' : '--'}${suggestion}?` : ''}`;
    });
    return `${lines.length > 0 ? lines.join('\n') : 'unknown argument'}\n${help}`;
  }
  return `${message}\n${help}`;
}

/** The command line's grammar; `yargs` is loaded only when a command needs it. */
export function buildCli(yargs: (args: string[]) => Argv, argv: string[], runners: Runners, setExit: (code: number) => void): Argv {
  return (
    yargs(keepStdinArguments(argv))
      // Arguments after `--` go to `args['--']`, never read as options: the pre-commit framework
      // runs `keywarden scan -- FILE..`, and a tracked file named `--help` or `-o` is a file.
      .parserConfiguration({ 'populate--': true })
      .scriptName('keywarden')
      .usage('$0 <command> [options]\n\nFinds leaked LLM-router API keys (OpenRouter, AgentRouter, TokenRouter).')
      .command(
        'scan [paths..]',
        'scan the files of a working tree (after `--`, every argument is a path, even one that starts with -)',
        // No default here: `scan -- a.txt` must scan only a.txt. runScan scans `.` when no path is given at all.
        (y) => y.options(scanTable).positional('paths', { type: 'string', array: true, describe: 'files or directories to scan [default: .]' }),
        async (args) => setExit(await runners.scan({ ...args, paths: positionals(args.paths, args['--']) })),
      )
      .command(
        'staged',
        'scan what the next commit would add: the pre-commit guard',
        (y) => y.options(reportTable),
        async (args) => setExit(await runners.staged(args)),
      )
      .command(
        'history [REPO]',
        'scan git history: every blob reachable from any ref, or the lines a range of commits added',
        // `REPO`, not `repo`: `--repo OWNER/NAME` is the notify step's (as notify's), and a positional of the same name would take it.
        (y) => y.options(historyTable).positional('REPO', { type: 'string', default: '.', describe: 'a git repository (bare ones too)' }),
        async (args) => setExit(await runners.history(args)),
      )
      .command(
        'logs [files..]',
        'scan log files (plain or gzip, told apart by content), quoted globs of rotated sets, or stdin (-, or piped); --follow keeps reading as they grow',
        (y) =>
          y.options(logsTable).positional('files', { type: 'string', array: true, describe: 'log files, quoted globs ("app.log*"), or - for stdin [default: stdin when piped]' }),
        async (args) => setExit(await runners.logs({ ...args, files: positionals(args.files, args['--']) })),
      )
      .command(
        'audit [PATH]',
        'audit a repository: its whole history and its working tree, each key once per path with the commit that introduced it, live-checked (--no-verify to skip); or GitHub repositories (--repo, --org, --user), each mirrored into a cache and its history scanned, in one report',
        (y) => y.options(auditTable).positional('PATH', { type: 'string', describe: 'a git repository (bare ones too) [default: ., unless --repo, --org or --user]' }),
        async (args) => setExit(await (await import('./audit.js')).runAudit(args)),
      )
      .command(
        'merge <reports..>',
        "merge the json reports of an audit's shards (audit --shard I/N) into one report, in any format: each finding once, the repositories of every shard, each shard missing said; --verify checks each distinct key once",
        (y) => y.options(mergeTable).positional('reports', { type: 'string', array: true, describe: 'json reports (--format json) of the shards of one plan' }),
        async (args) => setExit(await (await import('./merge.js')).runMerge({ ...args, reports: positionals(args.reports, args['--']) })),
      )
      .command(
        'verify',
        'live-check keys without scanning: keys piped in one a line, or the findings of a json report (--report FILE)',
        (y) => y.options(verifyTable),
        async (args) => setExit(await runners.verify(args)),
      )
      .command(
        'revoke',
        'disable (or --delete) live keys from a json report (--report FILE) or stdin, each checked again first; a dry run unless --yes; management key from OPENROUTER_MANAGEMENT_KEY',
        (y) => y.options(revokeTable),
        async (args) => setExit(await runners.revoke(args)),
      )
      .command(
        'notify',
        "tell a key's owner about the findings of a json report (--report FILE): a GitHub issue, commit comments, or a webhook (Slack, Mattermost); --dry-run shows what would be sent",
        (y) => y.options(notifyTable),
        async (args) => setExit(await (await import('./notify.js')).runNotify(args)),
      )
      .command(
        'report <file>',
        'render a json report (--format json) in another format: html (one self-contained page), markdown, sarif, human, json, jsonl',
        (y) => y.options(renderTable).positional('file', { type: 'string', describe: 'a keywarden json report' }),
        async (args) => setExit(await (await import('./report.js')).runReport({ ...args, file: args.file ?? '' })),
      )
      .command(
        'serve',
        "the secret-scanning partner endpoint: receives GitHub's signed alerts, checks each key, revokes live ones with --revoke, tells owners; runs until SIGTERM",
        (y) => y.options(serveTable),
        async (args) => setExit(await (await import('./serve.js')).runServe(args)),
      )
      .command(
        'redact',
        'copy stdin to stdout with every key masked, byte for byte otherwise: a filter for logs (app 2>&1 | keywarden redact >> app.log); exit 0 whether or not it masked anything',
        (y) => y.options(redactTable),
        async (args) => setExit(await runners.redact(args)),
      )
      .command('hook', 'install or uninstall the git hook that runs the guard', (y) =>
        y
          .command(
            'install',
            'install the pre-commit hook (and with --pre-push a pre-push hook)',
            (h) => h.options(hookInstallTable),
            async (args) => setExit(await (await import('./hook.js')).runHookInstall(args)),
          )
          .command(
            'uninstall',
            'remove the hooks keywarden installed, restoring any hook they chained',
            (h) => h.options(hookUninstallTable),
            async (args) => setExit(await (await import('./hook.js')).runHookUninstall(args)),
          )
          .command(
            'pre-push [remote] [url]',
            false, // hidden: what the installed pre-push hook runs, with git's ref lines on stdin
            (h) => h.options(reportTable).positional('remote', { type: 'string' }).positional('url', { type: 'string' }),
            async (args) => setExit(await (await import('./hook.js')).runHookPrePush(args)),
          )
          .demandCommand(1, 'name a hook command: install or uninstall'),
      )
      .command('rules', 'list or check detection rules', (y) =>
        y
          .command(
            'list',
            'list the rules in use',
            (r) => r.options(rulesListTable),
            async (args) => setExit(await runners['rules list'](args)),
          )
          .command(
            'check [dir]',
            "run every rule's examples (the built-in rules, or those in DIR)",
            (r) => r.positional('dir', { type: 'string', describe: 'a directory of rule files' }),
            async (args) => setExit(await (await import('./rules.js')).runRulesCheck(args)),
          )
          .demandCommand(1, 'name a rules command: list or check'),
      )
      .demandCommand(1, 'name a command')
      .recommendCommands()
      .strict()
      .version(toolVersion)
      .help()
      .alias('h', 'help')
      .wrap(Math.min(100, process.stdout.columns || 100))
      .fail((message: string | undefined, error: Error | undefined) => {
        // yargs' own parse errors (a flag without its value) arrive as a YError, not as a message alone:
        // they are usage errors too, worded like the rest. Any other error is a command's, thrown as it is.
        if (error && error.name !== 'YError') throw error;
        throw new UsageError(usageMessage(message ?? error?.message ?? 'usage error', argv));
      })
  );
}

/** The part of yargs' internals that renders a command's help text after running it. */
interface UsageInternals {
  getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } };
}

/**
 * yargs renders the whole help text after every command it runs (~50 ms, a sixth of a
 * `scan`'s start-up), keeping it in case the command asks for its help; none of ours does
 * (`--help` and usage errors render it afresh). Skipped when yargs still works that way.
 */
export function skipHelpRendering(cli: Argv): void {
  const usage = (cli as UsageInternals).getInternalMethods?.().getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}
