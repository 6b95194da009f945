#!/usr/bin/env node
/**
 * The CLI entry: the only place that reads argv, and the one catch that turns errors
 * into exit codes (SPEC §2: 0 clean, 1 findings, 2 usage or operational error).
 * Command modules are imported only when their command runs, to keep start-up short.
 */
import { ExitCode, KeywardenError } from '../core/errors.js';
import { defaultReportArgs, outputOptions, quickRedactArgs, redactOptions, reportOptions, scanOptions, verifyTuningOptions, type ReportArgs, type ScanArgs } from './options.js';
import type { HistoryArgs } from './history.js';
import type { HookArgs, PrePushArgs } from './hook.js';
import type { LogsArgs } from './logs.js';
import type { RedactArgs } from './redact.js';
import type { VerifyArgs } from './verify.js';
import { toolVersion } from './version.js';

/** yargs drops a lone `-` from a command's positionals, and `logs -` means stdin: it travels as this instead. */
const stdinArgument = '\0-';

/** `-` arguments of `logs` (before any `--`) as `stdinArgument`. */
function keepStdinArguments(argv: string[]): string[] {
  const end = argv.indexOf('--');
  return argv[0] === 'logs' ? argv.map((arg, i) => (arg === '-' && (end === -1 || i < end) ? stdinArgument : arg)) : argv;
}

async function main(argv: string[]): Promise<number> {
  // The pre-commit hook runs exactly `keywarden staged` on every commit; that call skips yargs,
  // which costs ~50 ms of start-up (loading, and rendering the help text it caches per command).
  if (argv.length === 1 && argv[0] === 'staged') return (await import('./staged.js')).runStaged(defaultReportArgs);
  // So does `keywarden redact` in its usual forms: a filter in a pipeline is started often.
  const redactArgs = quickRedactArgs(argv);
  if (redactArgs) return (await import('./redact.js')).runRedact(redactArgs);
  const { default: yargs } = await import('yargs');
  let exitCode: number = ExitCode.clean;
  const setExit = (code: number) => {
    exitCode = code;
  };
  await yargs(keepStdinArguments(argv))
    // Arguments after `--` go to `args['--']`, never read as options: the pre-commit framework
    // runs `keywarden scan -- FILE..`, and a tracked file named `--help` or `-o` is a file.
    .parserConfiguration({ 'populate--': true })
    .scriptName('keywarden')
    .usage('$0 <command> [options]\n\nFinds leaked LLM-router API keys (OpenRouter, AgentRouter, TokenRouter).')
    .command(
      'scan [paths..]',
      'scan the files of a working tree (after `--`, every argument is a path, even one that starts with -)',
      // No default here: `scan -- a.txt` must scan only a.txt. runScan scans `.` when no path is given at all.
      (y) => scanOptions(y).positional('paths', { type: 'string', array: true, describe: 'files or directories to scan [default: .]' }),
      async (args) => {
        const rest: unknown = args['--'];
        const paths = [...(args.paths ?? []), ...(Array.isArray(rest) ? rest.map(String) : [])];
        setExit(await (await import('./scan.js')).runScan({ ...(args as unknown as ScanArgs), paths }));
      },
    )
    .command(
      'staged',
      'scan what the next commit would add: the pre-commit guard',
      (y) => reportOptions(y),
      async (args) => setExit(await (await import('./staged.js')).runStaged(args as unknown as ReportArgs)),
    )
    .command(
      'history [repo]',
      'scan git history: every blob reachable from any ref, or the lines a range of commits added',
      (y) =>
        reportOptions(y)
          .positional('repo', { type: 'string', default: '.', describe: 'a git repository (bare ones too)' })
          .option('range', { type: 'string', describe: 'A..B: only lines added by the commits in this range' })
          .option('since', { type: 'string', describe: 'only commits after DATE (anything git log --since takes)' })
          .option('branch', { type: 'string', array: true, describe: 'only what is reachable from REF (repeatable) instead of every ref' })
          .option('max-file-size', { type: 'string', describe: 'larger blobs are not scanned, and a warning says so [default: 100MiB]' }),
      async (args) => setExit(await (await import('./history.js')).runHistory(args as unknown as HistoryArgs)),
    )
    .command(
      'logs [files..]',
      'scan log files (plain or gzip, told apart by content), quoted globs of rotated sets, or stdin (-, or piped); --follow keeps reading as they grow',
      (y) =>
        reportOptions(y)
          .positional('files', { type: 'string', array: true, describe: 'log files, quoted globs ("app.log*"), or - for stdin [default: stdin when piped]' })
          .option('follow', { type: 'boolean', default: false, describe: 'keep reading as the files grow, across rotation, until SIGINT/SIGTERM; findings print as found' })
          .option('from-end', { type: 'boolean', default: false, describe: 'with --follow: skip what the files already hold, like tail -f (default: scan it first)' }),
      async (args) => {
        const rest: unknown = args['--'];
        const files = [...(args.files ?? []).map((file) => (file === stdinArgument ? '-' : file)), ...(Array.isArray(rest) ? rest.map(String) : [])];
        setExit(await (await import('./logs.js')).runLogs({ ...(args as unknown as LogsArgs), files }));
      },
    )
    .command(
      'verify',
      'live-check keys without scanning: keys piped in one a line, or the findings of a json report (--report FILE)',
      (y) =>
        verifyTuningOptions(outputOptions(y))
          .option('report', { type: 'string', describe: 'a json report (--format json) whose findings are checked again; its keys are read from the report (--show-secrets) or from where they were found' })
          .option('root', { type: 'string', default: '.', describe: "directory the report's paths are relative to; the repository for history findings" })
          .option('fail-on', {
            choices: ['any', 'live'] as const,
            default: 'live' as const,
            describe: 'which findings make the exit code 1; here the default is live: exit 0 only when every key is known dead',
          }),
      async (args) => setExit(await (await import('./verify.js')).runVerify(args as unknown as VerifyArgs)),
    )
    .command(
      'redact',
      'copy stdin to stdout with every key masked, byte for byte otherwise: a filter for logs (app 2>&1 | keywarden redact >> app.log); exit 0 whether or not it masked anything',
      (y) => redactOptions(y),
      async (args) => setExit(await (await import('./redact.js')).runRedact(args as unknown as RedactArgs)),
    )
    .command('hook', 'install or uninstall the git hook that runs the guard', (y) =>
      y
        .command(
          'install',
          'install the pre-commit hook (and with --pre-push a pre-push hook)',
          (h) => h.option('pre-push', { type: 'boolean', default: false, describe: 'also scan the commits being pushed' }),
          async (args) => setExit(await (await import('./hook.js')).runHookInstall(args as unknown as HookArgs)),
        )
        .command(
          'uninstall',
          'remove the hooks keywarden installed, restoring any hook they chained',
          (h) => h,
          async () => setExit(await (await import('./hook.js')).runHookUninstall()),
        )
        .command(
          'pre-push [remote] [url]',
          false, // hidden: what the installed pre-push hook runs, with git's ref lines on stdin
          (h) => reportOptions(h).positional('remote', { type: 'string' }).positional('url', { type: 'string' }),
          async (args) => setExit(await (await import('./hook.js')).runHookPrePush(args as unknown as PrePushArgs)),
        )
        .demandCommand(1, 'name a hook command: install or uninstall'),
    )
    .command('rules', 'list or check detection rules', (y) =>
      y
        .command(
          'list',
          'list the rules in use',
          (r) =>
            r
              .option('rules', { type: 'string', array: true, default: [], describe: 'extra rule directory' })
              .option('format', { choices: ['human', 'json'] as const, default: 'human' as const }),
          async (args) => setExit(await (await import('./rules.js')).runRulesList(args)),
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
    .strict()
    .version(toolVersion)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((message, error) => {
      if (error) throw error;
      throw new KeywardenError(`${message}\nRun 'keywarden --help' for usage.`);
    })
    .parseAsync();
  return exitCode;
}

/**
 * Error messages can quote what they were given (yargs echoes unknown arguments, parsers
 * quote the file): every key in them is redacted before they are printed. Unexpected
 * errors still fail closed (exit 2).
 */
async function reportError(error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  let safe: string;
  try {
    const [{ loadRuleSet }, { compileRules }, { createEngine }, { redactKeys }] = await Promise.all([
      import('../rules/rule-set.js'),
      import('../rules/compile.js'),
      import('../detect/detect.js'),
      import('../detect/redact-text.js'),
    ]);
    safe = redactKeys(message, createEngine(compileRules(await loadRuleSet())));
  } catch {
    const { redactKeyLikeTokens } = await import('../detect/redact-text.js');
    safe = redactKeyLikeTokens(message, ['sk-or-v1-', 'sk-ar-', 'tr_live_', 'tr_test_']);
  }
  process.stderr.write(`keywarden: ${safe}\n`);
  process.exitCode = error instanceof KeywardenError ? error.exitCode : ExitCode.error;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, reportError);
