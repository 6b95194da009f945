#!/usr/bin/env node
/**
 * The CLI entry: the only place that reads argv, and the one catch that turns errors
 * into exit codes (SPEC §2: 0 clean, 1 findings, 2 usage or operational error).
 * Command modules are imported only when their command runs, to keep start-up short.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { ExitCode, KeywardenError } from '../core/errors.js';
import { scanOptions, type ScanArgs } from './options.js';
import { toolVersion } from './version.js';

async function main(argv: string[]): Promise<number> {
  let exitCode: number = ExitCode.clean;
  const setExit = (code: number) => {
    exitCode = code;
  };
  await yargs(argv)
    .scriptName('keywarden')
    .usage('$0 <command> [options]\n\nFinds leaked LLM-router API keys (OpenRouter, AgentRouter, TokenRouter).')
    .command(
      'scan [paths..]',
      'scan the files of a working tree',
      (y) => scanOptions(y).positional('paths', { type: 'string', array: true, default: ['.'], describe: 'files or directories to scan' }),
      async (args) => setExit(await (await import('./scan.js')).runScan(args as unknown as ScanArgs)),
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

main(hideBin(process.argv)).then((code) => {
  process.exitCode = code;
}, reportError);
