/**
 * `npm run bench -- tree`: scan a ≥ 200 MB tree of real third-party source with planted
 * keys, and compare keywarden with ripgrep (the floor: a plain regex search over the same
 * files) and secretlint (what users run today). Targets: keywarden ≤ 2× rg's time,
 * secretlint ≥ 50× keywarden's time, every planted key found.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, posix } from 'node:path';
import { keyPatterns, secretHash } from './keys.js';
import {
  HarnessError,
  MB,
  ensureAptTool,
  ensureGnuTime,
  formatMb,
  formatMs,
  formatRss,
  foundKey,
  keywardenCli,
  log,
  mbPerSecond,
  measure,
  printTable,
  pathsBelow,
  readKeywardenReport,
  repoRoot,
  runOnce,
  runsColumn,
  verdict,
  workDir,
  type Command,
  type KeywardenReport,
  type Measurement,
} from './lib.js';
import { ensureSecretlint, secretlintCommand, secretlintFindings } from './secretlint.js';
import { buildTree, readManifest, treeDir, type Manifest, type PlantedKey } from './tree-build.js';

/** At least 3 timed runs; fast commands are repeated for 3 s (at most 20 runs) to steady the median. */
const timing = { runs: 3, minTotalMs: 3000, maxRuns: 20 } as const;
/** Past this (projected from one copy), secretlint does not run on the whole tree; its time is scaled up by bytes. */
const secretlintBudgetMs = 180_000;
const targets = { keywardenOverRg: 2.0, secretlintOverKeywarden: 50 } as const;

/** Keys found, as `foundKey(path, secretHash)`. */
type FoundSet = Set<string>;

function countFound(planted: readonly PlantedKey[], found: FoundSet): number {
  return planted.filter((key) => found.has(foundKey(key.path, key.secretHash))).length;
}

function keywardenCommand(cli: string, reportFile: string): Command {
  return {
    label: 'keywarden',
    file: process.execPath,
    args: [cli, 'scan', treeDir, '--no-gitignore', '--format', 'json', '--output', reportFile],
    // Run from the tree; its report's paths are made paths below the tree when read (`pathsBelow`).
    cwd: treeDir,
    okExitCodes: [0, 1],
  };
}

function rgCommand(extraArgs: readonly string[], stdoutFile?: string): Command {
  return {
    label: 'ripgrep',
    file: 'rg',
    // -uuu: hidden and ignored files too, binaries searched: rg reads every file it is given.
    args: ['-uuu', '--no-messages', ...extraArgs, ...keyPatterns.flatMap((pattern) => ['-e', pattern]), treeDir],
    okExitCodes: [0, 1],
    ...(stdoutFile === undefined ? {} : { stdoutFile }),
  };
}

/**
 * Which keys ripgrep finds: one untimed `-o` run. Its output (raw keys) stays in this
 * process and is hashed at once; it is never printed or written to disk.
 */
function rgFoundKeys(): { found: FoundSet; matches: number } {
  const run = spawnSync('rg', rgCommand(['-o', '--with-filename', '--no-line-number', '--no-heading']).args, {
    cwd: repoRoot,
    maxBuffer: 64 * MB,
    encoding: 'utf8',
  });
  if (run.status !== 0 && run.status !== 1) throw new HarnessError(`rg -o failed (exit ${String(run.status)})`);
  const found: FoundSet = new Set();
  let matches = 0;
  for (const line of run.stdout.split('\n')) {
    // `PATH:KEY`; keys hold no colon, so the last one splits.
    const at = line.lastIndexOf(':');
    if (at === -1) continue;
    matches++;
    found.add(foundKey(line.slice(treeDir.length + 1, at), secretHash(line.slice(at + 1))));
  }
  return { found, matches };
}

interface SecretlintResult {
  subset: { dir: string; bytes: number; measurement: Measurement };
  /** Present when the projection fit the budget and secretlint ran on the whole tree. */
  whole?: Measurement;
  /** The subset's time scaled up by bytes. */
  projectedMs: number;
  /** Time for the whole tree: measured, or `projectedMs`. */
  wholeTreeMs: number;
  peakRssKb: number;
  /** Planted files secretlint reported, of those in what it scanned last. */
  found: number;
  plantedInScope: number;
}

/**
 * Time secretlint on one copy of the tree; then on the whole tree when the projection fits
 * the budget, else report the copy's time scaled by bytes (labelled as extrapolated).
 */
async function timeSecretlint(manifest: Manifest): Promise<SecretlintResult> {
  const copy = manifest.copies[0];
  if (!copy) throw new HarnessError('tree has no copies');
  const reportFile = join(workDir, 'secretlint-report.txt');
  // Warm-up on one small directory loads secretlint's modules; keywarden and rg already warmed the page cache.
  const small = manifest.planted.find((key) => key.encoding !== undefined)?.path ?? `${copy.dir}/.`;
  await runOnce(secretlintCommand(treeDir, posix.dirname(small), reportFile));
  log(`secretlint on ${copy.dir}/ (${formatMb(copy.bytes)}) …`);
  const subset = { dir: copy.dir, bytes: copy.bytes, measurement: await measure(secretlintCommand(treeDir, copy.dir, reportFile), { runs: 1, warmups: 0 }) };
  const projectedMs = (subset.measurement.medianMs * manifest.sourceBytes) / copy.bytes;
  let whole: Measurement | undefined;
  if (projectedMs <= secretlintBudgetMs) {
    log(`secretlint on the whole tree (linear projection ${formatMs(projectedMs)}) …`);
    whole = await measure(secretlintCommand(treeDir, '.', reportFile), { runs: 1, warmups: 0 });
  }
  // The report file holds the last run: the whole tree, or the subset.
  const inScope = manifest.planted.filter((key) => key.encoding === undefined && (whole !== undefined || key.path.startsWith(`${copy.dir}/`)));
  const reported = secretlintFindings(reportFile, treeDir);
  return {
    subset,
    ...(whole === undefined ? {} : { whole }),
    projectedMs,
    wholeTreeMs: whole?.medianMs ?? projectedMs,
    peakRssKb: (whole ?? subset.measurement).peakRssKb,
    found: inScope.filter((key) => (reported.get(key.path) ?? 0) > 0).length,
    plantedInScope: inScope.length,
  };
}

function printTimings(manifest: Manifest, keywarden: Measurement, rg: Measurement, secretlint: SecretlintResult): void {
  const bytes = manifest.sourceBytes;
  const secretlintLabel = secretlint.whole ? 'secretlint' : `secretlint (extrapolated from ${secretlint.subset.dir}/)`;
  printTable([
    ['tool', 'median', 'throughput', 'peak RSS', 'runs'],
    ['keywarden', formatMs(keywarden.medianMs), mbPerSecond(bytes, keywarden.medianMs), formatRss(keywarden.peakRssKb), runsColumn(keywarden)],
    ['ripgrep', formatMs(rg.medianMs), mbPerSecond(bytes, rg.medianMs), formatRss(rg.peakRssKb), runsColumn(rg)],
    [secretlintLabel, formatMs(secretlint.wholeTreeMs), mbPerSecond(bytes, secretlint.wholeTreeMs), formatRss(secretlint.peakRssKb), secretlint.whole ? runsColumn(secretlint.whole) : '-'],
  ]);
  const { dir, bytes: subsetBytes, measurement } = secretlint.subset;
  console.log(`secretlint on ${dir}/ alone: ${formatMs(measurement.medianMs)} for ${formatMb(subsetBytes)} (${mbPerSecond(subsetBytes, measurement.medianMs)}, peak RSS ${formatRss(measurement.peakRssKb)})`);
  if (secretlint.whole) {
    // secretlint's time grows faster than the bytes it reads; show what the ratio would be if it did not.
    const ratio = secretlint.projectedMs / keywarden.medianMs;
    console.log(`at that rate the tree would take ${formatMs(secretlint.projectedMs)} (secretlint/keywarden ${ratio.toFixed(1)}); measured ${formatMs(secretlint.whole.medianMs)}`);
  }
}

function printDetection(manifest: Manifest, report: KeywardenReport, rgKeys: { found: FoundSet; matches: number }, secretlint: SecretlintResult): void {
  const plain = manifest.planted.filter((key) => key.encoding === undefined);
  const encoded = manifest.planted.filter((key) => key.encoding !== undefined);
  const keywardenFound: FoundSet = new Set(report.findings.map((finding) => foundKey(finding.path, finding.secretHash)));
  const plantedHashes = new Set(manifest.planted.map((key) => key.secretHash));
  const others = report.findings.filter((finding) => !plantedHashes.has(finding.secretHash)).length;
  const stats = report.stats ?? {};
  console.log(
    `keywarden scanned ${stats.files ?? '?'} files (tree: ${manifest.files}, ${manifest.emptyFiles} of them empty), ` +
      `${stats.bytes === undefined ? '?' : formatMb(stats.bytes)}; stats.durationMs ${stats.durationMs ?? '?'} in the last run (the rest is start-up and report)`,
  );
  console.log(`keywarden found ${countFound(plain, keywardenFound)}/${plain.length} planted keys, base64 in YAML ${countFound(encoded, keywardenFound)}/${encoded.length}; ${others} other findings`);
  console.log(`ripgrep found ${countFound(plain, rgKeys.found)}/${plain.length} planted keys, ${rgKeys.matches} matches in all (the ${encoded.length} base64 key is out of its reach)`);
  console.log(`secretlint reported ${secretlint.found}/${secretlint.plantedInScope} of the planted files it scanned`);
}

function printVerdicts(manifest: Manifest, keywarden: Measurement, report: KeywardenReport, rg: Measurement, secretlint: SecretlintResult): void {
  const found = countFound(manifest.planted, new Set(report.findings.map((finding) => foundKey(finding.path, finding.secretHash))));
  const checks = [
    verdict('keywarden/rg time', keywarden.medianMs / rg.medianMs, '<=', targets.keywardenOverRg),
    verdict('secretlint/keywarden time', secretlint.wholeTreeMs / keywarden.medianMs, '>=', targets.secretlintOverKeywarden, secretlint.whole ? '' : '(secretlint extrapolated)'),
  ];
  for (const check of checks) console.log(check.line);
  console.log(`${found === manifest.planted.length ? 'PASS' : 'FAIL'}  planted keys found by keywarden = ${found}/${manifest.planted.length} (target: all)`);
}

export async function runTreeBenchmark(): Promise<void> {
  ensureGnuTime();
  ensureAptTool('rg', 'ripgrep');
  ensureSecretlint();
  const cli = keywardenCli();
  // Load before timing starts: well above 0, another process is sharing the CPUs and the figures are noisy.
  const load = loadavg()[0] ?? 0;
  const manifest = readManifest() ?? buildTree();
  log(`tree ready: ${formatMb(manifest.sourceBytes)} in ${treeDir}`);

  const reportFile = join(workDir, 'keywarden-report.json');
  rmSync(reportFile, { force: true });
  log(`keywarden (${cli}): 1 warm-up + ${timing.runs} or more runs …`);
  const keywarden = await measure(keywardenCommand(cli, reportFile), timing);
  const report = pathsBelow(readKeywardenReport(reportFile), treeDir);

  log(`ripgrep: 1 warm-up + ${timing.runs} or more runs …`);
  const rg = await measure(rgCommand(['-c'], join(workDir, 'rg-counts.txt')), timing);
  const rgKeys = rgFoundKeys();

  const secretlint = await timeSecretlint(manifest);

  console.log(`tree: ${formatMb(manifest.sourceBytes)} of source in ${manifest.files} files (${manifest.copies.length} copies of node_modules, binaries left out), ${manifest.planted.length} planted keys`);
  console.log(`machine: ${process.platform} ${process.arch}, ${availableParallelism()} CPUs, node ${process.version}, 1-min load before the run ${load.toFixed(2)}; warm cache, 1 warm-up, median of ≥ ${timing.runs} runs (secretlint: 1 run, no warm-up on the tree)`);
  console.log('');
  printTimings(manifest, keywarden, rg, secretlint);
  console.log('');
  printDetection(manifest, report, rgKeys, secretlint);
  console.log('');
  printVerdicts(manifest, keywarden, report, rg, secretlint);
  // Figures only (no keys), for whoever writes them up.
  writeFileSync(join(workDir, 'tree-results.json'), `${JSON.stringify({ manifest: { ...manifest, planted: manifest.planted.length }, keywarden, rg, secretlint, keywardenStats: report.stats }, null, 2)}\n`);
}
