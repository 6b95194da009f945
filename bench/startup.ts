/**
 * `npm run bench -- startup`: the CLI's start-up, the cost every hook, pipeline and test pays
 * before any work. Each command runs on nothing (an empty directory, an empty repository,
 * empty stdin), so what is timed is loading, parsing and reporting. Against `node -e 0`,
 * node's own start-up; the target (issue 17) is ≤ 2× for each. Many runs taking turns, medians.
 * KEYWARDEN_CLI points the bench at another build (to compare a change with the one before it).
 */
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { ensureDir, ensureGnuTime, formatMs, formatRss, keywardenCli, log, measureInterleaved, printTable, runsColumn, verdict, workDir, type Command } from './lib.js';
import { git, gitEnv } from './repo-build.js';

const timing = { runs: 20, warmups: 3, minTotalMs: 4000, maxRuns: 60 } as const;
const target = 2.0;

export async function runStartupBenchmark(): Promise<void> {
  ensureGnuTime();
  const cli = keywardenCli();
  const load = loadavg()[0] ?? 0;
  const empty = join(workDir, 'startup', 'empty');
  const repo = join(workDir, 'startup', 'repo');
  ensureDir(empty);
  ensureDir(repo);
  git(repo, ['init', '--quiet']);
  const keywarden = (label: string, args: string[], cwd = empty): Command => ({ label, file: process.execPath, args: [cli, ...args], cwd, env: gitEnv });
  const commands: Command[] = [
    { label: 'node -e 0', file: process.execPath, args: ['-e', '0'], cwd: empty },
    keywarden('keywarden --version', ['--version']),
    keywarden('keywarden scan . (empty directory)', ['scan', '.']),
    keywarden('keywarden scan . --format json', ['scan', '.', '--format', 'json']),
    keywarden('keywarden staged (empty repository)', ['staged'], repo),
    keywarden('keywarden redact (empty stdin)', ['redact']),
    keywarden('keywarden rules list', ['rules', 'list']),
  ];
  log(`${cli}: ${commands.length} commands, ${timing.warmups} warm-ups each, then ≥ ${timing.runs} runs each, taking turns …`);
  const measured = await measureInterleaved(commands, timing);
  const node = measured[0];
  if (!node) throw new Error('node -e 0 was not measured');
  console.log(
    `machine: ${process.platform} ${process.arch}, ${availableParallelism()} CPUs, node ${process.version}, ` +
      `1-min load ${load.toFixed(2)} before the run, ${(loadavg()[0] ?? 0).toFixed(2)} after; runs taking turns, median of ≥ ${timing.runs} runs`,
  );
  console.log('');
  printTable([
    ['command', 'median', 'vs node -e 0', 'peak RSS', 'runs'],
    ...measured.map((m) => [m.label, formatMs(m.medianMs), `${(m.medianMs / node.medianMs).toFixed(2)}×`, formatRss(m.peakRssKb), runsColumn(m)]),
  ]);
  console.log('');
  for (const m of measured.slice(1)) console.log(verdict(`${m.label}/node -e 0 time`, m.medianMs / node.medianMs, '<=', target).line);
}
