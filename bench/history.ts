/**
 * `npm run bench -- history`: audit the full history of a generated repository of ≥ 10,000
 * commits (and of the repository in `BENCH_REPO`, when set) with `keywarden history`, against
 * `git cat-file --batch-all-objects --batch` (the floor: every object read once) and
 * `git log -p -U0 --all` (what gitleaks replays). Targets (issue 17): keywarden ≤ 1.5× cat-file's
 * time, ≥ 1.5× faster than `git log -p` (≤ 0.67 of its time), keywarden's own process (node and
 * its threads, not its git children) under 300 MB peak RSS; every planted key found.
 * `BENCH_REPO_RUNS=N` times the BENCH_REPO commands N times after one warm-up (default 3): on
 * git/git one round of the four commands takes several minutes.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { buildHistoryRepo, historyRepo, readHistoryManifest, type HistoryManifest, type PlantKind, type PlantedHistoryKey } from './history-build.js';
import {
  HarnessError,
  ensureGnuTime,
  formatMb,
  formatMs,
  formatRss,
  foundKey,
  keywardenCli,
  log,
  mbPerSecond,
  measureInterleaved,
  printTable,
  readKeywardenReport,
  runsColumn,
  verdict,
  workDir,
  type Command,
  type KeywardenFinding,
  type KeywardenReport,
  type Measurement,
} from './lib.js';
import { countObjects, git, gitCommand, gitEnv, type ObjectCounts } from './repo-build.js';

/** At least 3 timed runs after a warm-up; sub-second commands are repeated for 5 s (at most 15 runs). */
const timing = { runs: 3, minTotalMs: 5000, maxRuns: 15 } as const;
const targets = { keywardenOverCatFile: 1.5, keywardenOverLog: 0.67, peakRssMb: 300 } as const;

interface RepoRun {
  name: string;
  dir: string;
  counts: ObjectCounts;
  keywarden: Measurement;
  catFile: Measurement;
  gitLog: Measurement;
  piped: Measurement;
  /** Highest peak RSS of keywarden's own process (VmHWM: node and its threads), over every run. */
  ownPeakRssKb: number;
  report: KeywardenReport;
}

/**
 * A preload that appends the process's own peak RSS (VmHWM) to `$BENCH_OWN_RSS_FILE` as it
 * exits: GNU time's %M is the largest of the process and its children, here git cat-file's.
 */
function ownRssPreload(): string {
  const path = join(workDir, 'own-rss.cjs');
  writeFileSync(
    path,
    "process.on('exit', () => { const fs = require('node:fs'); const hwm = /^VmHWM:\\s+(\\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8')); if (hwm) fs.appendFileSync(process.env.BENCH_OWN_RSS_FILE, hwm[1] + '\\n'); });\n",
  );
  return path;
}

function keywardenCommand(cli: string, repo: string, reportFile: string, ownRssFile: string): Command {
  return {
    label: 'keywarden history',
    file: process.execPath,
    args: ['--require', ownRssPreload(), cli, 'history', repo, '--format', 'json', '--output', reportFile],
    cwd: repo,
    // keywarden's own git children get the same isolated configuration as the baselines.
    env: { ...gitEnv, BENCH_OWN_RSS_FILE: ownRssFile },
    okExitCodes: [0, 1],
  };
}

function readOwnPeakRss(file: string): number {
  const figures = existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').map(Number).filter(Number.isFinite) : [];
  if (figures.length === 0) throw new HarnessError(`keywarden wrote no peak RSS to ${file}`);
  return Math.max(...figures);
}

async function benchRepo(cli: string, name: string, dir: string, runs: number = timing.runs): Promise<RepoRun> {
  git(dir, ['rev-parse', '--git-dir']);
  const counts = countObjects(dir);
  const slug = name.replace(/[^\w.-]+/g, '_');
  const reportFile = join(workDir, `history-report-${slug}.json`);
  const ownRssFile = join(workDir, `history-own-rss-${slug}.txt`);
  rmSync(ownRssFile, { force: true });
  const commands = [
    keywardenCommand(cli, dir, reportFile, ownRssFile),
    gitCommand('git cat-file --batch-all-objects --batch', dir, ['cat-file', '--batch-all-objects', '--batch']),
    gitCommand('git log -p -U0 --all', dir, ['log', '-p', '-U0', '--all']),
    // Reference, no target: the floor's output through a pipe, as any reader of git's output receives it.
    { label: pipedLabel, file: 'sh', args: ['-c', 'git cat-file --batch-all-objects --batch | cat'], cwd: dir, env: gitEnv },
  ];
  log(`${name}: ${commands.map((command) => command.label).join(', ')}: 1 warm-up each, then ≥ ${runs} runs each, taking turns …`);
  const [keywarden, catFile, gitLog, piped] = await measureInterleaved(commands, { ...timing, runs, maxRuns: Math.max(runs, timing.maxRuns) });
  if (!keywarden || !catFile || !gitLog || !piped) throw new HarnessError('a measurement is missing');
  const report = readKeywardenReport(reportFile);
  return { name, dir, counts, keywarden, catFile, gitLog, piped, ownPeakRssKb: readOwnPeakRss(ownRssFile), report };
}

const pipedLabel = '(reference) git cat-file --batch-all-objects --batch | cat';

const n = (value: number): string => value.toLocaleString('en-US');

function describeRepo(run: RepoRun, manifest?: HistoryManifest): string {
  const { counts } = run;
  const shape = manifest
    ? `${n(manifest.commits)} commits (${manifest.merges} merges), ${manifest.unmergedBranches} unmerged branches, ${manifest.tags} tags, ${n(manifest.headFiles)} files at main, ${manifest.planted.length} planted keys`
    : `${n(counts.commits)} commits, ${n(counts.refs)} refs`;
  return (
    `${run.name} (${run.dir}): ${shape}\n` +
    `  objects: ${n(counts.blobs)} blobs (${formatMb(counts.blobBytes)}), ${n(counts.trees)} trees, ${n(counts.commits)} commits, ${counts.tags} tags; ${formatMb(counts.diskBytes)} on disk`
  );
}

function printTimings(run: RepoRun): void {
  const row = (measurement: Measurement): string[] => [
    measurement.label,
    formatMs(measurement.medianMs),
    mbPerSecond(run.counts.blobBytes, measurement.medianMs),
    formatRss(measurement.peakRssKb),
    runsColumn(measurement),
  ];
  printTable([['command', 'median', 'blob MB/s', 'peak RSS', 'runs'], row(run.keywarden), row(run.catFile), row(run.gitLog), row(run.piped)]);
  console.log(`keywarden's own process (node and its threads, without its git children): peak RSS ${formatRss(run.ownPeakRssKb)}`);
  console.log(`the floor's output piped into a reader takes ${(run.piped.medianMs / run.catFile.medianMs).toFixed(2)}× as long as written to /dev/null (reference row, no target)`);
}

const kindLabels: Record<PlantKind, string> = {
  kept: 'kept',
  'line-deleted': 'line deleted later',
  'file-deleted': 'file deleted later',
  'merged-branch': 'on a merged branch',
  'side-branch': 'only on an unmerged branch',
};

interface Detection {
  found: PlantedHistoryKey[];
  attributed: number;
  duplicates: number;
  others: number;
}

function detect(manifest: HistoryManifest, findings: readonly KeywardenFinding[]): Detection {
  const byKey = new Map<string, KeywardenFinding[]>();
  for (const finding of findings) {
    const key = foundKey(finding.path, finding.secretHash);
    byKey.set(key, [...(byKey.get(key) ?? []), finding]);
  }
  const found = manifest.planted.filter((key) => byKey.has(foundKey(key.path, key.secretHash)));
  // `commit` may be given abbreviated; the planted one is the full id.
  const attributed = found.filter((key) =>
    (byKey.get(foundKey(key.path, key.secretHash)) ?? []).some((finding) => finding.commit !== undefined && finding.commit.length >= 7 && key.commit.startsWith(finding.commit)),
  ).length;
  const plantedHashes = new Set(manifest.planted.map((key) => key.secretHash));
  return {
    found,
    attributed,
    duplicates: [...byKey.values()].reduce((sum, list) => sum + list.length - 1, 0),
    others: findings.filter((finding) => !plantedHashes.has(finding.secretHash)).length,
  };
}

function printDetection(run: RepoRun, manifest: HistoryManifest, detection: Detection): void {
  const parts = (Object.keys(kindLabels) as PlantKind[]).map((kind) => {
    const planted = manifest.planted.filter((key) => key.kind === kind);
    return `${kindLabels[kind]} ${detection.found.filter((key) => key.kind === kind).length}/${planted.length}`;
  });
  const encoded = manifest.planted.filter((key) => key.encoding !== undefined);
  const stats = run.report.stats ?? {};
  console.log(
    `keywarden found ${detection.found.length}/${manifest.planted.length} planted keys: ${parts.join(', ')}; ` +
      `base64 in YAML ${detection.found.filter((key) => key.encoding !== undefined).length}/${encoded.length}`,
  );
  console.log(
    `attributed to the commit that added them: ${detection.attributed}/${detection.found.length}; ` +
      `repeated reports of one (key, path): ${detection.duplicates}; other findings: ${detection.others}`,
  );
  console.log(`keywarden stats in the last run: ${stats.files ?? '?'} blobs, ${stats.bytes === undefined ? '?' : formatMb(stats.bytes)}, durationMs ${stats.durationMs ?? '?'}`);
}

function printVerdicts(run: RepoRun, manifest?: HistoryManifest, detection?: Detection): void {
  const checks = [
    verdict('keywarden/cat-file time', run.keywarden.medianMs / run.catFile.medianMs, '<=', targets.keywardenOverCatFile),
    verdict('keywarden/git-log-p time', run.keywarden.medianMs / run.gitLog.medianMs, '<=', targets.keywardenOverLog, '(at least 1.5x faster than git log -p -U0)'),
    verdict("keywarden's own peak RSS MB", (run.ownPeakRssKb * 1024) / 1e6, '<=', targets.peakRssMb),
  ];
  for (const check of checks) console.log(check.line);
  if (manifest && detection) {
    const total = manifest.planted.length;
    console.log(`${detection.found.length === total ? 'PASS' : 'FAIL'}  planted keys found by keywarden = ${detection.found.length}/${total} (target: all)`);
    console.log(`${detection.attributed === total ? 'PASS' : 'FAIL'}  planted keys attributed to the commit that added them = ${detection.attributed}/${total} (target: all)`);
  }
}

export async function runHistoryBenchmark(): Promise<void> {
  ensureGnuTime();
  const cli = keywardenCli();
  const extra = process.env.BENCH_REPO || undefined;
  // Fail before the long part when BENCH_REPO is not a repository.
  if (extra !== undefined && !existsSync(resolve(extra))) throw new HarnessError(`BENCH_REPO=${extra}: no such directory`);
  if (extra !== undefined) git(resolve(extra), ['rev-parse', '--git-dir']);
  const load = loadavg()[0] ?? 0;
  const manifest = readHistoryManifest() ?? buildHistoryRepo();
  log(`history repository ready: ${historyRepo}`);

  const runs: RepoRun[] = [await benchRepo(cli, 'generated', historyRepo)];
  const extraRuns = Number(process.env.BENCH_REPO_RUNS || timing.runs);
  if (!Number.isInteger(extraRuns) || extraRuns < 1) throw new HarnessError(`BENCH_REPO_RUNS=${process.env.BENCH_REPO_RUNS ?? ''}: not a whole number ≥ 1`);
  if (extra !== undefined) runs.push(await benchRepo(cli, `BENCH_REPO=${extra}`, resolve(extra), extraRuns));
  const loadAfter = loadavg()[0] ?? 0;

  console.log(
    `machine: ${process.platform} ${process.arch}, ${availableParallelism()} CPUs, node ${process.version}, git ${git(historyRepo, ['version']).trim().replace(/^git version /, '')}, ` +
      `1-min load ${load.toFixed(2)} before the run, ${loadAfter.toFixed(2)} after; warm cache, git config isolated, 1 warm-up, runs taking turns, median of ≥ ${timing.runs} runs`,
  );
  const [generated] = runs;
  if (!generated) throw new HarnessError('no run of the generated repository');
  const detection = detect(manifest, generated.report.findings);
  for (const run of runs) {
    console.log('');
    console.log(describeRepo(run, run === generated ? manifest : undefined));
    console.log('');
    printTimings(run);
    console.log('');
    if (run === generated) {
      printDetection(run, manifest, detection);
    } else {
      const stats = run.report.stats ?? {};
      console.log(`keywarden reported ${run.report.findings.length} findings; stats in the last run: ${stats.files ?? '?'} blobs, ${stats.bytes === undefined ? '?' : formatMb(stats.bytes)}, durationMs ${stats.durationMs ?? '?'}`);
    }
    console.log('');
    printVerdicts(run, run === generated ? manifest : undefined, run === generated ? detection : undefined);
  }
  // Figures only (no keys, no findings), for whoever writes them up.
  const figures = runs.map(({ report, ...run }) => ({ ...run, keywardenStats: report.stats, findings: report.findings.length }));
  writeFileSync(join(workDir, 'history-results.json'), `${JSON.stringify({ load: [load, loadAfter], manifest: { ...manifest, planted: manifest.planted.length }, runs: figures }, null, 2)}\n`);
}
