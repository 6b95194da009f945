/**
 * Helpers shared by the benchmarks: run a command the way hyperfine would (warm-up,
 * repeated runs, median), read its peak RSS through GNU time, make sure a tool is
 * installed, and print aligned tables.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root and the gitignored scratch directory every benchmark builds its inputs in. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const workDir = join(repoRoot, 'bench', '.work');

/** A failure of the harness itself (not a missed target): the run stops and exits non-zero. */
export class HarnessError extends Error {
  override name = 'HarnessError';
}

export interface Command {
  /** Short name used in tables. */
  label: string;
  file: string;
  args: readonly string[];
  cwd?: string;
  /** Exit codes that mean "ran fine"; scanners exit 1 when they find something. */
  okExitCodes?: readonly number[];
  /** Where the command's stdout goes; it is discarded when not given, so no key can reach the terminal. */
  stdoutFile?: string;
  /** Variables set on top of this process's environment (e.g. to isolate git from the machine's config). */
  env?: Readonly<Record<string, string>>;
}

export interface RunSample {
  ms: number;
  peakRssKb: number;
}

export interface Measurement {
  label: string;
  samples: RunSample[];
  medianMs: number;
  /** Highest peak RSS over the timed runs. */
  peakRssKb: number;
}

const gnuTime = '/usr/bin/time';

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new HarnessError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** Shell-quote for display only; commands are always spawned without a shell. */
function describe(command: Command): string {
  return [command.file, ...command.args].map((part) => (/^[\w./:=@-]+$/.test(part) ? part : `'${part}'`)).join(' ');
}

/**
 * Run a command once under GNU time: wall-clock from here (finer than time's 10 ms),
 * peak RSS from `%M` written to a side file so it never mixes with the command's stderr.
 */
export async function runOnce(command: Command): Promise<RunSample> {
  const rssFile = join(ensureDir(workDir), `rss-${process.pid}.txt`);
  const stdout = command.stdoutFile === undefined ? 'ignore' : openSync(ensureParent(command.stdoutFile), 'w');
  const started = performance.now();
  let code: number | null;
  let stderr = '';
  try {
    code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(gnuTime, ['-f', '%M', '-o', rssFile, command.file, ...command.args], {
        cwd: command.cwd ?? repoRoot,
        stdio: ['ignore', stdout, 'pipe'],
        ...(command.env === undefined ? {} : { env: { ...process.env, ...command.env } }),
      });
      // Stderr is kept only for the error message; the scanners here never print raw keys to it.
      child.stderr?.on('data', (chunk: Buffer) => {
        if (stderr.length < 4000) stderr += chunk.toString('utf8');
      });
      child.on('error', reject);
      child.on('close', resolve);
    });
  } finally {
    if (typeof stdout === 'number') closeSync(stdout);
  }
  const ms = performance.now() - started;
  const ok = command.okExitCodes ?? [0];
  if (code === null || !ok.includes(code)) {
    throw new HarnessError(`${command.label} failed (exit ${String(code)}): ${describe(command)}\n${stderr.trim()}`);
  }
  // GNU time appends "Command exited with non-zero status N" before %M; the figure is the last line.
  const peakRssKb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
  rmSync(rssFile, { force: true });
  if (!Number.isFinite(peakRssKb)) throw new HarnessError(`could not read peak RSS of ${command.label}`);
  return { ms, peakRssKb };
}

export interface MeasureOptions {
  /** Timed runs at least. */
  runs: number;
  /** Untimed runs first: warm page cache and compile caches. Default 1. */
  warmups?: number;
  /**
   * Like hyperfine, keep running a fast command until this much time has been spent
   * (up to `maxRuns`): the median of 3 runs of 80 ms is at the mercy of one noisy neighbour.
   */
  minTotalMs?: number;
  maxRuns?: number;
}

/** hyperfine-style: warm-ups, then timed runs; the median time and the highest peak RSS. */
export async function measure(command: Command, options: MeasureOptions): Promise<Measurement> {
  const [measurement] = await measureInterleaved([command], options);
  if (!measurement) throw new HarnessError(`no measurement of ${command.label}`);
  return measurement;
}

/**
 * `measure` for commands that are compared with each other: after their warm-ups, the timed
 * runs take turns (A B C A B C …), so a neighbour's burst of load lands on all of them
 * rather than on whichever happened to be running, and their ratio stays meaningful.
 */
export async function measureInterleaved(commands: readonly Command[], options: MeasureOptions): Promise<Measurement[]> {
  for (const command of commands) for (let i = 0; i < (options.warmups ?? 1); i++) await runOnce(command);
  const samples: RunSample[][] = commands.map(() => []);
  const wantsMore = (runs: readonly RunSample[]): boolean => {
    const spent = runs.reduce((sum, sample) => sum + sample.ms, 0);
    return runs.length < options.runs || (runs.length < (options.maxRuns ?? options.runs) && spent < (options.minTotalMs ?? 0));
  };
  while (samples.some(wantsMore)) {
    for (const [i, command] of commands.entries()) {
      const runs = samples[i];
      if (runs && wantsMore(runs)) runs.push(await runOnce(command));
    }
  }
  return commands.map((command, i) => {
    const runs = samples[i] ?? [];
    return {
      label: command.label,
      samples: runs,
      medianMs: median(runs.map((sample) => sample.ms)),
      peakRssKb: Math.max(...runs.map((sample) => sample.peakRssKb)),
    };
  });
}

function commandExists(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Install an apt package when its binary is missing (the benchmark machines are throwaway Debian/Ubuntu boxes). */
export function ensureAptTool(binary: string, aptPackage: string): void {
  if (existsSync(binary) || commandExists(binary)) return;
  log(`installing ${aptPackage} (apt-get)`);
  const install = spawnSync('sh', ['-c', `apt-get install -y ${aptPackage} || (apt-get update && apt-get install -y ${aptPackage})`], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (install.status !== 0 || !(existsSync(binary) || commandExists(binary))) {
    throw new HarnessError(`${binary} is missing and apt-get install ${aptPackage} failed`);
  }
}

/** GNU time is what reports peak RSS; every benchmark needs it. */
export function ensureGnuTime(): void {
  ensureAptTool(gnuTime, 'time');
}

/** Progress goes to stderr so stdout holds only the results. */
export function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

export function ensureDir(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}

export function ensureParent(path: string): string {
  ensureDir(dirname(path));
  return path;
}

export const MB = 1_000_000;

export function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

export function formatMb(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

export function formatRss(kb: number): string {
  return `${(kb / 1024).toFixed(0)} MiB`;
}

export function mbPerSecond(bytes: number, ms: number): string {
  return `${(bytes / MB / (ms / 1000)).toFixed(1)} MB/s`;
}

/** Print rows as an aligned plain-text table (first row is the header). */
export function printTable(rows: readonly (readonly string[])[]): void {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  rows.forEach((row, index) => {
    console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  });
}

/** One target line: `PASS`/`FAIL`, the measured value and the bound it was held to. */
export function verdict(name: string, value: number, comparison: '<=' | '>=', bound: number, note = ''): { line: string; pass: boolean } {
  const pass = comparison === '<=' ? value <= bound : value >= bound;
  const shown = value >= 100 ? value.toFixed(0) : value.toFixed(2);
  return { line: `${pass ? 'PASS' : 'FAIL'}  ${name} = ${shown} (target ${comparison} ${bound})${note ? ` ${note}` : ''}`, pass };
}

/** The keywarden CLI under test; KEYWARDEN_CLI points the harness at another build (e.g. to compare two). */
export function keywardenCli(): string {
  const cli = process.env.KEYWARDEN_CLI ?? join(repoRoot, 'dist', 'cli', 'main.js');
  if (!existsSync(cli)) throw new HarnessError(`${cli} does not exist: run \`npm run build\` first`);
  return cli;
}

/** The environment that points every provider's base URL at one local stand-in, with the given concurrency. */
export function standInEnv(origin: string, concurrency: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    OPENROUTER_BASE_URL: `${origin}/api/v1`,
    AGENTROUTER_BASE_URL: origin,
    TOKENROUTER_BASE_URL: origin,
    KEYWARDEN_VERIFY_CONCURRENCY: String(concurrency),
  };
}

/** The fields of keywarden's JSON report (SPEC §3) the benchmarks check; `commit` and on are history only. */
export interface KeywardenFinding {
  secretHash: string;
  path: string;
  line?: number;
  commit?: string;
  date?: string;
}

export interface KeywardenReport {
  findings: KeywardenFinding[];
  stats?: { files?: number; bytes?: number; durationMs?: number };
}

export function readKeywardenReport(file: string): KeywardenReport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new HarnessError(`keywarden report ${file} is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray((parsed as { findings?: unknown }).findings)) throw new HarnessError(`keywarden report ${file} has no findings array`);
  return parsed as KeywardenReport;
}

/**
 * A report's paths as paths below `dir`: keywarden writes them relative to the repository's top
 * (or to its working directory outside one), and a bench's tree may sit inside this repository
 * (`bench/.work/`), where they start `bench/.work/…`.
 */
export function pathsBelow(report: KeywardenReport, dir: string): KeywardenReport {
  const top = spawnSync('git', ['-C', dir, 'rev-parse', '--show-toplevel'], { encoding: 'utf8' });
  const base = top.status === 0 ? top.stdout.trim() : dir;
  const below = (path: string) => relative(realpathSync(dir), resolve(base, path)).split(sep).join('/');
  return { ...report, findings: report.findings.map((finding) => (finding.path === undefined ? finding : { ...finding, path: below(finding.path) })) };
}

/** `path\0secretHash`: what "this key was found in this file" is compared by. */
export const foundKey = (path: string, hash: string): string => `${path}\0${hash}`;

/** How a measurement's runs read in a table's runs column. */
export function runsColumn(measurement: Measurement): string {
  const times = measurement.samples.map((sample) => sample.ms);
  if (times.length === 1) return '1 run';
  const unit = Math.max(...times) >= 10_000 ? (ms: number) => `${(ms / 1000).toFixed(1)}` : (ms: number) => ms.toFixed(0);
  return `${times.length} × ${unit(Math.min(...times))}–${unit(Math.max(...times))} ${Math.max(...times) >= 10_000 ? 's' : 'ms'}`;
}
