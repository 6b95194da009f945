import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { buildCli, type Runners } from '../../src/cli/grammar.js';
import { quickArgs, type QuickCommand } from '../../src/cli/quick-args.js';

/**
 * Everyday command lines are read without yargs (start-up); both readers must hand each
 * command the same options. Each line is read by both: where the quick reader takes it, the
 * result must equal what yargs gives the command (its own keys: aliases and `$0` aside);
 * where it declines, yargs must still read it (or refuse it with its own message).
 */

/** What yargs hands each command for `argv`, through the CLI's real grammar; undefined when it refuses the line. */
async function throughYargs(argv: string[]): Promise<{ command: QuickCommand; options: Record<string, unknown> } | undefined> {
  let seen: { command: QuickCommand; options: Record<string, unknown> } | undefined;
  const record =
    (command: QuickCommand) =>
    (options: never): Promise<number> => {
      seen = { command, options: options as Record<string, unknown> };
      return Promise.resolve(0);
    };
  const runners = Object.fromEntries((['scan', 'staged', 'history', 'logs', 'verify', 'revoke', 'redact', 'rules list'] as const).map((name) => [name, record(name)])) as unknown as Runners;
  const cli = buildCli(yargs, argv, runners, () => {}).exitProcess(false);
  try {
    await cli.parseAsync();
  } catch {
    return undefined;
  }
  return seen;
}

/** The command's options as the quick reader names them: yargs adds `_`, `$0`, `--`, aliases and dashed names beside them. */
function sameKeysAs(expected: Record<string, unknown>, actual: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(expected).map((key) => [key, actual[key]]));
}

const readBoth: string[][] = [
  ['scan'],
  ['scan', '.'],
  ['scan', 'src', 'test', '--format', 'json'],
  ['scan', '-f', 'sarif', '-o', 'out.sarif', '.'],
  ['scan', '--format=jsonl', '--quiet'],
  ['scan', '-q', '--no-color', '--no-gitignore', '--max-file-size', '2MiB'],
  ['scan', '--rules', 'a', '--rules', 'b', '.'],
  ['scan', '--verify', '--fail-on', 'live', '--results', 'live,unknown', '--verify-timeout', '3', '--verify-concurrency', '2'],
  ['scan', '--show-secrets', '--baseline', 'old.json', '--config', 'k.yaml'],
  ['scan', '--verify', '--revoke', '--yes', '--delete', '--audit-log', 'audit.jsonl'],
  ['scan', '--', '--help', '-o'],
  ['scan', '-', 'a.txt'],
  ['scan', '--no-verify', '.'],
  ['scan', '--verify', '--notify', 'issue,webhook', '--notify', 'commit-comment', '--webhook', 'https://hooks.example.com/services/T0/B0/x', '--repo', 'acme/widgets', '--mention-owners', '.'],
  ['staged'],
  ['staged', '--format', 'json', '-q'],
  ['history'],
  ['history', 'repo.git'],
  ['history', '--branch', 'main', '--branch', 'dev', '.'],
  ['history', '--range', 'a..b', '--since', '2024-01-01', '--format', 'sarif'],
  ['history', '../widgets', '--notify', 'webhook', '--repo', 'acme/widgets', '-f', 'json'],
  ['logs', 'app.log'],
  ['logs', '-', '--format', 'jsonl'],
  ['logs', '--follow', '--from-end', 'a.log', 'b.log'],
  ['logs', 'app.log*', '--', '-weird.log'],
  ['verify'],
  ['verify', '--report', 'r.json', '--root', 'repo', '--fail-on', 'any'],
  ['revoke', '--report', 'r.json', '--yes', '--format', 'json'],
  ['redact'],
  ['redact', '--count', '--mask', 'hash'],
  ['redact', '--mask=stars', '--no-count', '--rules', 'x'],
  ['rules', 'list'],
  ['rules', 'list', '--format', 'json'],
];

/** Lines the quick reader leaves to yargs: help, mistakes, and forms it does not read. */
const leftToYargs: string[][] = [
  [],
  ['--version'],
  ['scan', '--help'],
  ['scan', '-h'],
  ['scan', '--fromat', 'json'],
  ['scan', '-f'],
  ['scan', '--output'],
  ['scan', '--format', 'yaml'],
  ['scan', '--format', 'json', '--format', 'sarif'],
  ['scan', '--verify', '--no-verify'],
  ['scan', '--verify-timeout', 'soon'],
  ['scan', '--output', '--format'],
  ['scan', '--showSecrets'],
  ['scan', '--verify=false'],
  ['staged', 'extra'],
  ['history', 'a', 'b'],
  ['history', '--', 'repo'],
  ['history', '--notify'],
  ['verify', 'keys.txt'],
  ['redact', '--mask', 'nope'],
  ['rules'],
  ['rules', 'check'],
  ['hook', 'install'],
  ['nonsense'],
];

describe('the quick reader of everyday command lines', () => {
  it.each(readBoth.map((argv) => [argv.join(' ') || '(none)', argv]))('reads %s as yargs does', async (_name, argv) => {
    const quick = quickArgs(argv);
    expect(quick, 'the quick reader should take this line').toBeDefined();
    const viaYargs = await throughYargs(argv);
    expect(viaYargs, 'yargs should take this line').toBeDefined();
    expect(quick?.command).toBe(viaYargs?.command);
    const options = quick?.options as Record<string, unknown>;
    expect(options).toEqual(sameKeysAs(options, viaYargs?.options ?? {}));
  });

  it.each(leftToYargs.map((argv) => [argv.join(' ') || '(none)', argv]))('leaves %s to yargs', (_name, argv) => {
    expect(quickArgs(argv)).toBeUndefined();
  });

  it('gives every option that has a value, defaults included, as yargs does', async () => {
    const quick = quickArgs(['scan']);
    const viaYargs = await throughYargs(['scan']);
    const given = Object.entries(quick?.options ?? {}).filter(([, value]) => value !== undefined);
    const yargsKeys = Object.keys(viaYargs?.options ?? {}).filter((key) => !key.includes('-') && key.length > 1 && key !== '$0');
    expect(given.map(([key]) => key).sort()).toEqual(yargsKeys.sort());
  });
});
