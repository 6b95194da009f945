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
import { KeywardenError } from '../../src/core/errors.js';
import type { Finding, ScanWarning } from '../../src/core/types.js';
import { createEngine } from '../../src/detect/detect.js';
import { redactKeys } from '../../src/detect/redact-text.js';
import { render, type Format } from '../../src/report/index.js';
import { renderJsonlFinding } from '../../src/report/json.js';
import type { ReportContext } from '../../src/report/model.js';
import { historySource, rangeSource } from '../../src/run/history.js';
import { inputKeySource } from '../../src/run/input-keys.js';
import { logSource } from '../../src/run/logs.js';
import { prepare, type Prepared } from '../../src/run/prepare.js';
import { reportSource } from '../../src/run/recover.js';
import { readReport } from '../../src/run/report-file.js';
import { workTreeSource } from '../../src/run/scan.js';
import { chunkSource } from '../../src/run/scan-chunks.js';
import type { Source } from '../../src/run/source.js';
import { runTail, type RunResult } from '../../src/run/tail.js';
import { toolVersion } from '../../src/run/version.js';
import { splitLines } from '../../src/sources/git.js';
import { openRepository } from '../../src/sources/history.js';
import { readLog, resolveLogInputs } from '../../src/sources/logs.js';
import { stagedChunks, workTreeTop as stagedTop } from '../../src/sources/staged.js';
import { excludedPaths } from '../../src/sources/worktree.js';
import { checkSince } from '../../src/cli/history.js';
import { pushedChunks, pushedRefs, runHookInstall, runHookUninstall } from '../../src/cli/hook.js';
import { ignoreFileHint } from '../../src/cli/ignore-hint.js';
import { defaultsOf, historyTable, hookInstallTable, hookUninstallTable, logsTable, parseSize, reportTable, scanTable, verifyTable, type HookOptions, type ReportOptions } from '../../src/cli/options.js';
import { redactWithRules } from '../../src/cli/redact-message.js';
import { runConfigFrom } from '../../src/cli/run-config.js';
import { scanRoot } from '../../src/cli/scan.js';
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
  /** Undefined when the run stopped with an error. */
  result?: RunResult;
}

/** What a command builds before its run: where the run starts, its settings, and what its report says besides the findings. */
interface Planned {
  source: Source;
  prepared: Prepared;
  options: Pick<ReportOptions, 'format' | 'showSecrets'>;
  context?: Partial<ReportContext>;
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
    return { code: error.exitCode, report: '', warnings: [], error: await redactWithRules(error.message) };
  }
  const engine = createEngine([...planned.prepared.rules]);
  const redact = (text: string) => redactKeys(text, engine);
  const warningText = (warning: ScanWarning) => redact(`${warning.path ? `${warning.path}: ` : ''}${warning.message}`);
  // The --results note last, as printRun prints it once the counts are in.
  const warnings = [...result.warnings.filter((warning) => warning.kind !== 'filter'), ...result.warnings.filter((warning) => warning.kind === 'filter')].map(warningText);
  const why = result.verdict.why === undefined ? undefined : redact(result.verdict.why);
  const context: ReportContext = {
    toolVersion,
    showSecrets: planned.options.showSecrets,
    ...planned.context,
    suppressed: result.counts.suppressed,
    verdict: { exitCode: result.verdict.exitCode, ...(why !== undefined ? { why } : {}) },
  };
  const { format } = planned.options;
  const report = format === 'jsonl' ? streamed.map((finding) => renderJsonlFinding(finding, context)).join('') : render(format, result, context, planned.prepared.rules, false);
  return { code: result.verdict.exitCode, report, warnings, ...(why !== undefined ? { why } : {}), result };
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
    const prepared = await prepare(runConfigFrom(options, root, cliEnv(env)));
    const maxFileSize = parseSize(String(options.maxFileSize ?? prepared.file.maxFileSize ?? '100MiB'), '--max-file-size');
    const source = workTreeSource({ root, paths, gitignore: options.gitignore ?? prepared.file.gitignore ?? true, maxFileSize, threads: 0 });
    return { source, prepared, options, context: { ignoreFile: ignoreFileHint(root, cwd) } };
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
export function history(cwd: string, flags: Flags<(typeof historyDefaults)> & { repo?: string } = {}, env: Record<string, string> = {}): Promise<InProcessRun> {
  return run(async () => {
    const options = fromCwd({ ...historyDefaults, ...flags }, cwd);
    const since = options.since === undefined ? undefined : checkSince(options.since);
    const repo = await openRepository(resolve(cwd, flags.repo ?? '.'));
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
    return { source, prepared, options, context };
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
    const logged = logSource(inputs.map((input) => ({ path: input.path, events: readLog(input, { stdin }) })));
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
