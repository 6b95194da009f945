/**
 * The CLI's commands run in this process, against the source: each function builds its run
 * the way the command's module in src/cli/ does (the options → `runConfigFrom` → `prepare` →
 * the command's source → `runTail`) and renders the report as `printRun` prints it whole. A
 * test of what a run finds, checks, suppresses, reports or decides then costs no process
 * start (the built bin takes ~0.4 s of CPU to start and run); what only the bin does (argv,
 * stdout and stderr, exit codes, progress, the hook as git runs it) keeps its tests of the
 * built bin (test/helpers/cli.ts). Real files, git, and stand-in servers on loopback, as there.
 *
 * `cwd` stands for the directory the bin would run in (the test process keeps its own: a
 * thread cannot chdir, and other runs may be under way): relative paths in the options resolve
 * against it, as the bin resolves them against its own.
 */
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { KeywardenError, UsageError } from '../../src/core/errors.js';
import type { Revocation } from '../../src/core/revocation.js';
import type { Finding, ScanWarning } from '../../src/core/types.js';
import { createEngine } from '../../src/detect/detect.js';
import { redactKeys } from '../../src/detect/redact-text.js';
import { render, type Format } from '../../src/report/index.js';
import { renderJsonlFinding } from '../../src/report/json.js';
import { maskContext, maskFinding, maskResult } from '../../src/report/mask.js';
import type { ReportContext } from '../../src/report/model.js';
import { historySource, rangeSource } from '../../src/run/history.js';
import { inputKeySource } from '../../src/run/input-keys.js';
import { logSource } from '../../src/run/logs.js';
import { prepare, type Prepared } from '../../src/run/prepare.js';
import { reportSource } from '../../src/run/recover.js';
import { redactStream } from '../../src/run/redact-stream.js';
import { readReport } from '../../src/run/report-file.js';
import { workTreeSource } from '../../src/run/scan.js';
import { chunkSource } from '../../src/run/scan-chunks.js';
import type { Source } from '../../src/run/source.js';
import { runTail, type RunResult } from '../../src/run/tail.js';
import { toolVersion } from '../../src/run/version.js';
import { compileRules } from '../../src/rules/compile.js';
import { loadRuleSet } from '../../src/rules/rule-set.js';
import { splitLines } from '../../src/sources/git.js';
import { openRepository } from '../../src/sources/history.js';
import { readLog, resolveLogInputs } from '../../src/sources/logs.js';
import { stagedChunks, workTreeTop as stagedTop } from '../../src/sources/staged.js';
import { excludedPaths } from '../../src/sources/worktree.js';
import { buildCli, helpLine, type Runners } from '../../src/cli/grammar.js';
import { checkSince } from '../../src/cli/history.js';
import { pushedChunks, pushedRefs, runHookInstall, runHookUninstall } from '../../src/cli/hook.js';
import { ignoreFileHint } from '../../src/cli/ignore-hint.js';
import {
  defaultsOf,
  historyTable,
  hookInstallTable,
  hookUninstallTable,
  logsTable,
  parseSize,
  redactTable,
  reportTable,
  scanTable,
  verifyTable,
  type HookOptions,
  type RedactOptions,
  type ReportOptions,
} from '../../src/cli/options.js';
import { lazyRedactor } from '../../src/cli/output.js';
import { quickArgs, type QuickCommand } from '../../src/cli/quick-args.js';
import { redactWithRules } from '../../src/cli/redact-message.js';
import { revokeReport, revokeRunConfig } from '../../src/cli/revoke.js';
import { revokeTable, type RevokeOptions } from '../../src/cli/options.js';
import { runConfigFrom } from '../../src/cli/run-config.js';
import { scanRoot } from '../../src/cli/scan.js';
import { notifyStepFrom, runNotifyStep } from '../../src/cli/notify-step.js';
import type { NotifySettings } from '../../src/run/notify.js';
import { keysToCheck } from '../../src/cli/verify.js';
import { cliPath, loopbackOnly } from './cli.js';

/** A run in this process, as the bin would have ended it. */
export interface InProcessRun {
  /** The exit code the bin would give: the verdict's, or the error's. */
  code: number;
  /**
   * The report in `--format` (`--show-secrets` as given), as the bin prints it: jsonl a finding
   * a line in the order the run handed them on, any other format whole; '' when the run stopped with an error.
   */
  report: string;
  /** Each warning as the bin prints it after `warning: ` (redacted), the `--results` note last. */
  warnings: string[];
  /** Why the exit code is what the findings alone do not tell (the bin's `keywarden: WHY` line), redacted. */
  why?: string;
  /** The error that stopped the run, as the bin prints it after `keywarden: ` (redacted), without the help line. */
  error?: string;
  /** The error is a usage error: the bin prints the line that names the help after it. */
  usageError?: true;
  /** Undefined when the run stopped with an error. */
  result?: RunResult;
  /** With `notify`: what the notify step printed on stderr after the report (src/cli/notify-step.ts). */
  notified?: string;
}

/** What a command builds before its run: where the run starts, its settings, and what its report says besides the findings. */
interface Planned {
  source: Source;
  prepared: Prepared;
  options: Pick<ReportOptions, 'format' | 'showSecrets' | 'quiet'>;
  context?: Partial<ReportContext>;
  /** `--notify`'s settings: the run ends with the notify step, as the bin's scan and history do. */
  notify?: NotifySettings;
}

/** The environment the bin would run with: this process's, providers pointed at a refused port unless `env` says otherwise. */
const cliEnv = (env: Record<string, string>): NodeJS.ProcessEnv => ({ ...process.env, ...loopbackOnly, ...env });

/** The options' paths (rule directories, config, baseline) as the bin started in `cwd` would read them. */
function fromCwd<T extends { rules: readonly string[]; config?: string | undefined; baseline?: string | undefined }>(options: T, cwd: string): T {
  return {
    ...options,
    rules: options.rules.map((dir) => resolve(cwd, dir)),
    ...(options.config !== undefined ? { config: resolve(cwd, options.config) } : {}),
    ...(options.baseline !== undefined ? { baseline: resolve(cwd, options.baseline) } : {}),
  };
}

/** Run what `plan` builds to its end and render it as `printRun` does; an error the bin would report becomes its exit code and message. */
async function run(plan: () => Promise<Planned>): Promise<InProcessRun> {
  let planned: Planned;
  let result: RunResult;
  /** In the order the tail hands them on, as the bin streams jsonl. */
  const streamed: Finding[] = [];
  try {
    planned = await plan();
    result = await runTail(planned.source, planned.prepared, { keep: true, onFinding: (finding) => void streamed.push(finding) });
  } catch (error) {
    if (!(error instanceof KeywardenError)) throw error;
    return { code: error.exitCode, report: '', warnings: [], error: await redactWithRules(error.message), ...(error instanceof UsageError ? { usageError: true as const } : {}) };
  }
  const engine = createEngine([...planned.prepared.rules]);
  const redact = (text: string) => redactKeys(text, engine);
  const warningText = (warning: ScanWarning) => redact(`${warning.path ? `${warning.path}: ` : ''}${warning.message}`);
  // The --results note last, as printRun prints it once the counts are in.
  const warnings = [...result.warnings.filter((warning) => warning.kind !== 'filter'), ...result.warnings.filter((warning) => warning.kind === 'filter')].map(warningText);
  const why = result.verdict.why === undefined ? undefined : redact(result.verdict.why);
  // Keys in metadata (paths, authors, the ignore file's path) masked in every format, as printRun masks them.
  const context: ReportContext = {
    ...maskContext({ toolVersion, showSecrets: planned.options.showSecrets, ...planned.context }, redact),
    suppressed: result.counts.suppressed,
    verdict: { exitCode: result.verdict.exitCode, ...(why !== undefined ? { why } : {}) },
  };
  const { format } = planned.options;
  const report =
    format === 'jsonl'
      ? streamed.map((finding) => renderJsonlFinding(maskFinding(finding, redact), context)).join('')
      : render(format, maskResult(result, redact), context, planned.prepared.rules, false);
  if (!planned.notify) return { code: result.verdict.exitCode, report, warnings, ...(why !== undefined ? { why } : {}), result };
  let notified = '';
  const stderr = { write: (text: string) => (notified += text) };
  const code = await runNotifyStep(result, planned.prepared.rules, planned.notify, { quiet: planned.options.quiet, color: false }, { env: {}, stderr });
  return { code, report, warnings, ...(why !== undefined ? { why } : {}), result, notified };
}

/** Flags as a command gets them from yargs: camelCase, each missing one at its default. */
type Flags<T> = Partial<T> & { format?: Format };

/**
 * `keywarden scan [PATH..]` (src/cli/scan.ts). Scanned on this thread (`threads: 0`): below
 * 256 files the bin scans there too, and only starts threads it then does not use.
 */
export function scan(cwd: string, flags: Flags<(typeof scanDefaults)> & { paths?: string[] } = {}, env: Record<string, string> = {}): Promise<InProcessRun> {
  return run(async () => {
    const options = fromCwd({ ...scanDefaults, ...flags }, cwd);
    const paths = (flags.paths && flags.paths.length > 0 ? flags.paths : ['.']).map((path) => resolve(cwd, path));
    const root = scanRoot(paths, cwd);
    const notify = await notifyStepFrom(options, root, cliEnv(env));
    const prepared = await prepare(runConfigFrom(options, root, cliEnv(env)));
    const maxFileSize = parseSize(String(options.maxFileSize ?? prepared.file.maxFileSize ?? '100MiB'), '--max-file-size');
    const source = workTreeSource({ root, paths, gitignore: options.gitignore ?? prepared.file.gitignore ?? true, maxFileSize, threads: 0 });
    return { source, prepared, options, context: { ignoreFile: ignoreFileHint(root, cwd) }, ...(notify ? { notify } : {}) };
  });
}
const scanDefaults = defaultsOf(scanTable);

/** `keywarden staged` (src/cli/staged.ts, src/cli/guard.ts): the lines the index would commit, in the work tree holding `cwd`. */
export function staged(cwd: string, flags: Flags<ReportOptions> = {}, env: Record<string, string> = {}): Promise<InProcessRun> {
  return run(async () => {
    const options = fromCwd({ ...defaultsOf(reportTable), ...flags }, cwd);
    const top = await stagedTop(cwd);
    const prepared = await prepare(runConfigFrom(options, top, cliEnv(env)));
    return { source: chunkSource((excluded) => stagedChunks(top, { exclude: excluded })), prepared, options, context: { ignoreFile: ignoreFileHint(top, cwd) } };
  });
}

/** `keywarden history [REPO]` (src/cli/history.ts): every blob, or with `range` the lines a range added. */
export function history(cwd: string, flags: Flags<(typeof historyDefaults)> & { REPO?: string } = {}, env: Record<string, string> = {}): Promise<InProcessRun> {
  return run(async () => {
    const options = fromCwd({ ...historyDefaults, ...flags }, cwd);
    const since = options.since === undefined ? undefined : checkSince(options.since);
    const repo = await openRepository(resolve(cwd, flags.REPO ?? '.'));
    const notify = await notifyStepFrom(options, repo.workTree ?? repo.dir, cliEnv(env));
    const prepared = await prepare(runConfigFrom(options, repo.workTree, cliEnv(env)));
    const context = repo.workTree ? { ignoreFile: ignoreFileHint(repo.workTree, cwd) } : {};
    const source =
      options.range !== undefined
        ? rangeSource({ repo, range: options.range, ...(since !== undefined ? { since } : {}) })
        : historySource({
            repo,
            selection: { revisions: options.branch ?? [], ...(since !== undefined ? { since } : {}) },
            maxBlobSize: parseSize(String(options.maxFileSize ?? prepared.file.maxFileSize ?? '100MiB'), '--max-file-size'),
          });
    return { source, prepared, options, context, ...(notify ? { notify } : {}) };
  });
}
const historyDefaults = defaultsOf(historyTable);

/** `keywarden logs [FILE..]` (src/cli/logs.ts), read to their end (no `--follow`); `stdin` is what the bin's stdin would hold. */
export function logs(cwd: string, flags: Flags<(typeof logsDefaults)> & { files?: string[]; stdin?: string | Buffer } = {}, env: Record<string, string> = {}): Promise<InProcessRun> {
  return run(async () => {
    const options = fromCwd({ ...logsDefaults, ...flags }, cwd);
    const prepared = await prepare(runConfigFrom(options, cwd, cliEnv(env)));
    const { inputs, warnings } = await resolveLogInputs(flags.files ?? [], { stdinIsTTY: false, excluded: excludedPaths(prepared.ignore.pathPatterns), cwd });
    const stdin = Readable.from([Buffer.from(flags.stdin ?? '')]);
    const logged = logSource(inputs.map((input) => ({ path: input.path, events: readLog(input, { stdin, reuseBuffers: true }) })));
    // Warnings from resolving the inputs come first, as the bin hands them on before reading.
    const source: Source = {
      ...logged,
      async read(context, emit) {
        for (const warning of warnings) await emit({ kind: 'warning', warning });
        await logged.read(context, emit);
      },
    };
    return { source, prepared, options, context: { ignoreFile: ignoreFileHint(cwd, cwd) } };
  });
}
const logsDefaults = defaultsOf(logsTable);

/** `keywarden verify` (src/cli/verify.ts): the keys in `stdin`, one a line, or a json report's findings (`report`). */
export function verify(cwd: string, flags: Flags<(typeof verifyDefaults)> & { stdin?: string } = {}, env: Record<string, string> = {}): Promise<InProcessRun> {
  return run(async () => {
    const options = fromCwd({ ...verifyDefaults, ...flags }, cwd);
    const prepared = await prepare(runConfigFrom({ ...options, verify: true }, undefined, cliEnv(env)));
    if (options.report === undefined) return { source: inputKeySource(splitLines(Readable.from([Buffer.from(flags.stdin ?? '')]))), prepared, options };
    const { findings, bytes } = readReport(resolve(cwd, options.report));
    return { source: reportSource(findings, { root: resolve(cwd, options.root), bytes }), prepared, options };
  });
}
const verifyDefaults = defaultsOf(verifyTable);

/** The findings of a json report. */
export function jsonFindings<T = import('../../src/report/model.js').ReportFinding>(run: Pick<InProcessRun, 'report'>): T[] {
  return (JSON.parse(run.report) as { findings: T[] }).findings;
}

/** What `keywarden revoke` ends with, in this process. */
export interface InProcessRevoke {
  /** The exit code the bin would give. */
  code: number;
  /** What the bin writes to stdout (`--format`, no colour): the revocations' table or json; '' when the run stopped with an error. */
  report: string;
  /** Each warning as the bin prints it after `warning: ` (redacted); none with `--quiet`. */
  warnings: string[];
  /** What the bin writes to stderr after the report: the `keywarden: WHY` of an exit 2 that no summary line on stdout gives. */
  stderr: string;
  /** The error that stopped the run, as the bin prints it after `keywarden: ` (redacted), without the help line. */
  error?: string;
  /** Each key's outcome; undefined when the run stopped with an error. */
  revocations?: readonly Revocation[];
}

/**
 * `keywarden revoke` (src/cli/revoke.ts): the keys in `stdin`, one a line, or a json report's
 * (`report`, its keys recovered under `root`), each checked and, if live, revoked (`yes`) or planned.
 */
export async function revoke(cwd: string, flags: Partial<RevokeOptions> & { stdin?: string } = {}, env: Record<string, string> = {}): Promise<InProcessRevoke> {
  const given = fromCwd({ ...revokeDefaults, ...flags }, cwd);
  const options: RevokeOptions = {
    ...given,
    root: resolve(cwd, given.root),
    ...(given.report !== undefined ? { report: resolve(cwd, given.report) } : {}),
    ...(given.auditLog !== undefined ? { auditLog: resolve(cwd, given.auditLog) } : {}),
  };
  try {
    const prepared = await prepare(revokeRunConfig(options, cliEnv(env)));
    const redact = lazyRedactor(prepared.rules);
    const warnings: string[] = [];
    const onWarning = (warning: ScanWarning) => void (options.quiet || warnings.push(redact(`${warning.path ? `${warning.path}: ` : ''}${warning.message}`)));
    // What the bin's stdin would hold: keysToCheck reads it as the stream it iterates.
    const stdin = Readable.from([Buffer.from(flags.stdin ?? '')]) as unknown as NodeJS.ReadStream;
    const result = await runTail(await keysToCheck(options, stdin), prepared, { onWarning });
    const printed = revokeReport(result, options, false);
    return { code: printed.exitCode, report: printed.report, warnings, stderr: printed.stderr, revocations: result.revocations ?? [] };
  } catch (error) {
    if (!(error instanceof KeywardenError)) throw error;
    return { code: error.exitCode, report: '', warnings: [], stderr: '', error: await redactWithRules(error.message) };
  }
}

const revokeDefaults = defaultsOf(revokeTable);

/** A command line as the bin's two readers hand it on: the command and its options. */
export interface ReadArgv {
  command: QuickCommand;
  options: Record<string, unknown>;
}

/** A usage error as the bin prints it after `keywarden: `: redacted, with the line that names the help. */
async function usageText(error: UsageError, argv: readonly string[]): Promise<string> {
  const { message } = error;
  return redactWithRules(message.endsWith("--help' for usage.") ? message : `${message}\n${helpLine(argv)}`);
}

/**
 * `argv` read as the bin reads it (src/cli/main.ts): the quick reader for everyday lines, else
 * yargs with the CLI's grammar; or the usage error it gives (exit 2). Only for lines that name a
 * command of `Runners` (scan, staged, history, logs, verify, revoke, redact, rules list) and no
 * `--help`: yargs would run any other command's module, or print the help, in this process.
 */
export async function readArgv(argv: string[]): Promise<ReadArgv | { code: number; error: string }> {
  const quick = quickArgs(argv);
  if (quick) return { command: quick.command, options: quick.options };
  let seen: ReadArgv | undefined;
  const record =
    (command: QuickCommand) =>
    (options: never): Promise<number> => {
      seen = { command, options: options as Record<string, unknown> };
      return Promise.resolve(0);
    };
  const runners = Object.fromEntries(quickCommands.map((command) => [command, record(command)])) as unknown as Runners;
  const { default: yargs } = await import('yargs');
  try {
    await buildCli(yargs, argv, runners, () => undefined)
      .exitProcess(false)
      .parseAsync();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { code: error.exitCode, error: await usageText(error, argv) };
  }
  if (!seen) throw new Error(`keywarden ${argv.join(' ')}: no command ran`);
  return seen;
}

const quickCommands: QuickCommand[] = ['scan', 'staged', 'history', 'logs', 'verify', 'revoke', 'redact', 'rules list'];

/** The commands this file runs in process, each given the options a reader of argv hands on. */
const inProcessCommands: Partial<Record<QuickCommand, (cwd: string, options: never, env: Record<string, string>) => Promise<InProcessRun>>> = { scan, staged, history, logs, verify };

/**
 * `keywarden ARGV` run in `cwd` as the bin runs it: read by `readArgv`, then the command in this
 * process (scan, staged, history, logs or verify; `stdin` for logs and verify). A usage error,
 * the reader's or the command's, is given in `error` as the bin prints it whole after
 * `keywarden: `, the line that names the help included.
 */
export async function commandLine(cwd: string, argv: string[], env: Record<string, string> = {}, stdin?: string): Promise<InProcessRun> {
  const read = await readArgv(argv);
  if ('error' in read) return { code: read.code, report: '', warnings: [], error: read.error };
  const command = inProcessCommands[read.command];
  if (!command) throw new Error(`keywarden ${read.command} does not run in this process`);
  const options = { ...read.options, ...(stdin !== undefined ? { stdin } : {}) };
  const run = await command(cwd, options as never, env);
  return run.usageError && run.error !== undefined ? { ...run, error: `${run.error}\n${helpLine(argv)}` } : run;
}

/** `keywarden COMMAND --help` as yargs renders it with the CLI's grammar (stdout, exit 0). */
export async function helpText(command: string[]): Promise<string> {
  const { default: yargs } = await import('yargs');
  const cli = buildCli(yargs, [...command, '--help'], {} as Runners, () => undefined).exitProcess(false);
  return new Promise((resolve, reject) => {
    void cli.parse([...command, '--help'], {}, (error: Error | null | undefined, _argv: unknown, output: string) => (error ? reject(error) : resolve(output)));
  });
}

/** `keywarden redact` (src/cli/redact.ts): the bytes it writes to stdout for `stdin`, every key masked. */
export async function redact(stdin: Buffer, flags: Partial<RedactOptions> = {}): Promise<Buffer> {
  const options = { ...defaultsOf(redactTable), ...flags };
  const engine = createEngine(compileRules(await loadRuleSet(options.rules)));
  const written: Buffer[] = [];
  // The bin reads stdin in reads of up to 1 MiB: input this size arrives in one.
  await redactStream(Readable.from([stdin]), (chunk) => void written.push(Buffer.from(chunk)), { engine, mask: options.mask });
  return Buffer.concat(written);
}

/** `keywarden hook pre-push [REMOTE]` (src/cli/hook.ts): the lines the pushed commits add; `stdin` holds git's ref lines, `env` what the pre-commit framework sets. */
export function prePush(cwd: string, flags: Flags<ReportOptions> & { remote?: string; stdin?: string } = {}, env: Record<string, string> = {}): Promise<InProcessRun> {
  return run(async () => {
    const options = fromCwd({ ...defaultsOf(reportTable), ...flags }, cwd);
    const top = await stagedTop(cwd);
    const chunksOf = await pushedChunks(top, pushedRefs(flags.stdin ?? '', env), flags.remote ?? env['PRE_COMMIT_REMOTE_NAME']);
    const prepared = await prepare(runConfigFrom(options, top, cliEnv(env)));
    return { source: chunkSource(chunksOf), prepared, options, context: { ignoreFile: ignoreFileHint(top, cwd) } };
  });
}

/** What `hook install`/`uninstall` did: what it printed on stdout, and the error that stopped it (as the bin prints it after `keywarden: `). */
export interface HookCommandRun {
  code: number;
  stdout: string;
  error?: string;
}

/**
 * `keywarden hook install` or `uninstall` (src/cli/hook.ts) in the work tree holding `cwd`; the
 * raw hooks it writes call back the built bin with this node, as the bin records itself. git
 * reads its config from the environment, so `env` (GIT_CONFIG_GLOBAL, HOME) is this process's
 * for the run's length, and put back after it (tests in a file run one at a time).
 */
export async function hookCommand(verb: 'install' | 'uninstall', cwd: string, flags: Partial<HookOptions> = {}, env: Record<string, string> = {}): Promise<HookCommandRun> {
  let stdout = '';
  const io = { cwd, stdout: { write: (text: string) => (stdout += text) }, launcher: { node: process.execPath, bin: cliPath } };
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    const code = verb === 'install' ? await runHookInstall({ ...defaultsOf(hookInstallTable), ...flags }, io) : await runHookUninstall({ ...defaultsOf(hookUninstallTable), ...flags }, io);
    return { code, stdout };
  } catch (error) {
    if (!(error instanceof KeywardenError)) throw error;
    return { code: error.exitCode, stdout, error: error.message };
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
