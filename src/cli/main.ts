#!/usr/bin/env node
/**
 * The CLI entry: the only place that reads argv, and the one catch that turns errors
 * into exit codes (SPEC §2: 0 clean, 1 findings, 2 usage or operational error).
 * Command modules are imported only when their command runs, to keep start-up short.
 */
import { ExitCode, KeywardenError, UsageError } from '../core/errors.js';
import { buildCli, helpLine, skipHelpRendering, type Runners } from './grammar.js';
import { quickArgs, type QuickArgs } from './quick-args.js';

/**
 * What each command runs, once for both readers of the command line (yargs, and the quick
 * reader of everyday lines); a command's module is imported only when it runs.
 */
const runners: Runners = {
  scan: async (options) => (await import('./scan.js')).runScan(options),
  staged: async (options) => (await import('./staged.js')).runStaged(options),
  history: async (options) => (await import('./history.js')).runHistory(options),
  logs: async (options) => (await import('./logs.js')).runLogs(options),
  verify: async (options) => (await import('./verify.js')).runVerify(options),
  revoke: async (options) => (await import('./revoke.js')).runRevoke(options),
  redact: async (options) => (await import('./redact.js')).runRedact(options),
  'rules list': async (options) => (await import('./rules.js')).runRulesList(options),
};

async function main(argv: string[]): Promise<number> {
  // `keywarden --version` as yargs prints it, without loading yargs (~40 ms, most of this line's start-up).
  if (argv.length === 1 && argv[0] === '--version') {
    process.stdout.write(`${(await import('../run/version.js')).toolVersion}\n`);
    return ExitCode.clean;
  }
  // Everyday command lines skip yargs (~60 ms of start-up); anything unusual is read by yargs, with its messages.
  const quick = quickArgs(argv);
  if (quick) return (runners[quick.command] as (options: QuickArgs['options']) => Promise<number>)(quick.options);
  const { default: yargs } = await import('yargs');
  let exitCode: number = ExitCode.clean;
  const cli = buildCli(yargs, argv, runners, (code) => (exitCode = code));
  skipHelpRendering(cli);
  if (argv.length === 0) {
    // Bare `keywarden`: the help, on stderr, and a usage exit (a hook that lost its command must not pass).
    process.stderr.write(`${await cli.getHelp()}\n`);
    return ExitCode.error;
  }
  await cli.parseAsync();
  return exitCode;
}

/**
 * Error messages can quote what they were given (yargs echoes unknown arguments, parsers
 * quote the file): every key in them is redacted before they are printed. Unexpected
 * errors still fail closed (exit 2).
 */
async function reportError(error: unknown, argv: readonly string[]): Promise<void> {
  let message = error instanceof Error ? error.message : String(error);
  // A command's own usage errors (`scan -`, `--since garbage`) name the help as yargs' do.
  if (error instanceof UsageError && !message.endsWith("--help' for usage.")) message += `\n${helpLine(argv)}`;
  const { redactWithRules } = await import('./redact-message.js');
  process.stderr.write(`keywarden: ${await redactWithRules(message)}\n`);
  process.exitCode = error instanceof KeywardenError ? error.exitCode : ExitCode.error;
}

// A reader that went away (`keywarden rules list | head -1`, or `2>&1 | true` with warnings to print) is not an
// error: the rest of the output is dropped and the run ends with its own exit code, without a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

const argv = process.argv.slice(2);
main(argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => reportError(error, argv),
);
