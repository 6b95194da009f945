import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Options } from 'yargs';
import {
  defaultsOf,
  historyTable,
  logsTable,
  redactTable,
  reportTable,
  revokeTable,
  rulesListTable,
  scanTable,
  verifyTable,
  type OptionsOf,
} from './options.js';

/**
 * The everyday command lines, read without yargs: node's own `parseArgs` over the same option
 * tables. yargs costs ~60 ms of every start (loading it and building the grammar), and the CLI
 * is started for every commit (the hook), every pipeline (`redact`), every CI step and every
 * test. Only a line that is plainly valid is read here: anything else (help, version, an
 * unknown or mistyped flag, a missing or wrong value, a repeated flag, `--no-x` on a flag
 * that has no such form, a value that starts with `-`) gives undefined, and yargs reads it as
 * usual, with its messages. test/cli/quick-args.test.ts checks both readers agree.
 */

interface CommandShape {
  table: Record<string, Options>;
  /** The positional's name, and whether it takes many values (scan's paths) or at most one (history's repo). */
  positional?: { name: string; many: boolean; default?: string };
}

const commands = {
  scan: { table: scanTable, positional: { name: 'paths', many: true } },
  staged: { table: reportTable },
  history: { table: historyTable, positional: { name: 'REPO', many: false, default: '.' } },
  logs: { table: logsTable, positional: { name: 'files', many: true } },
  verify: { table: verifyTable },
  revoke: { table: revokeTable },
  redact: { table: redactTable },
  'rules list': { table: rulesListTable },
} as const satisfies Record<string, CommandShape>;

export type QuickCommand = keyof typeof commands;

/** A command line read without yargs: which command, and its options as yargs would hand them over. */
export type QuickArgs = { [C in QuickCommand]: { command: C; options: OptionsOf<(typeof commands)[C]['table']> & PositionalOf<C> } }[QuickCommand];

type PositionalOf<C extends QuickCommand> = C extends 'scan' ? { paths: string[] } : C extends 'logs' ? { files: string[] } : C extends 'history' ? { REPO: string } : unknown;

const camelCase = (name: string) => name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());

/** The table as `parseArgs` options: value-taking flags as strings, `--no-x` for booleans, aliases as short flags. */
function parseArgsOptions(table: Record<string, Options>): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, option] of Object.entries(table)) {
    const alias = typeof option.alias === 'string' && option.alias.length === 1 ? { short: option.alias } : {};
    const boolean = option.type === 'boolean';
    options[name] = { type: boolean ? 'boolean' : 'string', multiple: option.array === true, ...alias };
    if (boolean) options[`no-${name}`] = { type: 'boolean' };
  }
  return options;
}

/** One option's value as yargs gives it, or undefined when yargs would complain (or convert) and should say so itself. */
function valueOf(option: Options, raw: string | boolean | (string | boolean)[]): { value: unknown } | undefined {
  const values = [raw].flat();
  if (values.some((value) => typeof value === 'string' && (value === '' || value.startsWith('-')))) return undefined;
  if (option.type === 'number') {
    const number = Number(values[0]);
    return values.length === 1 && Number.isFinite(number) && String(values[0]).trim() !== '' ? { value: number } : undefined;
  }
  if (option.choices !== undefined && !values.every((value) => (option.choices as readonly unknown[]).includes(value))) return undefined;
  return { value: raw };
}

/** The command argv names, when it is one read here, and where its arguments start. */
function commandAt(argv: readonly string[]): { command: QuickCommand; rest: string[] } | undefined {
  const [first, second] = argv;
  if (first === 'rules') return second === 'list' ? { command: 'rules list', rest: argv.slice(2) } : undefined;
  return first !== undefined && first in commands && first !== 'rules list' ? { command: first as QuickCommand, rest: argv.slice(1) } : undefined;
}

export function quickArgs(argv: readonly string[]): QuickArgs | undefined {
  const named = commandAt(argv);
  if (!named) return undefined;
  const shape: CommandShape = commands[named.command];
  // `--` makes every later argument a path; only the commands with many positionals take it here.
  if (named.rest.includes('--') && !shape.positional?.many) return undefined;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: named.rest, options: parseArgsOptions(shape.table), allowPositionals: true, strict: true, tokens: true });
  } catch {
    return undefined;
  }
  const given = (parsed.tokens ?? []).filter((token) => token.kind === 'option').map((token) => token.name.replace(/^no-/, ''));
  // A flag given twice that takes one value: yargs turns it into a list and then refuses it.
  if (given.some((name, i) => given.indexOf(name) !== i && shape.table[name]?.array !== true)) return undefined;
  const options: Record<string, unknown> = defaultsOf(shape.table);
  for (const [name, raw] of Object.entries(parsed.values)) {
    if (raw === undefined) continue;
    const negated = name.startsWith('no-') && !(name in shape.table);
    const option = shape.table[negated ? name.slice(3) : name];
    if (!option) return undefined;
    const read = negated ? { value: !raw } : valueOf(option, raw);
    if (!read) return undefined;
    options[camelCase(negated ? name.slice(3) : name)] = read.value;
  }
  const positionals = parsed.positionals;
  if (!shape.positional) {
    if (positionals.length > 0) return undefined;
  } else if (shape.positional.many) {
    options[shape.positional.name] = positionals;
  } else {
    if (positionals.length > 1) return undefined;
    options[shape.positional.name] = positionals[0] ?? shape.positional.default;
  }
  return { command: named.command, options } as QuickArgs;
}
