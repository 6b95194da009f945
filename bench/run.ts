/**
 * `npm run bench -- NAME`: run one benchmark. Each benchmark lives in its own file and is
 * loaded only when asked for, so one benchmark's setup never slows another down.
 * Exit status: 0 when the benchmark ran (missed targets are stated in its output, not
 * in the status), 1 on a harness error, 2 on usage errors.
 */
import { HarnessError } from './lib.js';

const benchmarks: Record<string, { describe: string; run: () => Promise<void> }> = {
  tree: {
    describe: 'scan a ≥ 200 MB tree of third-party source against ripgrep and secretlint',
    run: async () => (await import('./tree.js')).runTreeBenchmark(),
  },
  history: {
    describe: 'audit every blob of a ≥ 10,000-commit repository against git cat-file and git log -p',
    run: async () => (await import('./history.js')).runHistoryBenchmark(),
  },
  logs: {
    describe: 'a 1 GB generated log: keywarden logs and redact against ripgrep searching and masking the same patterns',
    run: async () => (await import('./logs.js')).runLogsBenchmark(),
  },
  verify: {
    describe: 'live-check 1,000 distinct keys against a local stand-in answering in 50 ms',
    run: async () => (await import('./verify.js')).runVerifyBenchmark(),
  },
  'verify-stream': {
    describe: 'pipe 60,000 distinct keys into verify: peak RSS, time to the first answer, wall time against the ideal',
    run: async () => (await import('./verify-stream.js')).runVerifyStreamBenchmark(),
  },
  revoke: {
    describe: 'revoke --yes 500 live keys among 20,000 account keys against a management API stand-in answering in 50 ms',
    run: async () => (await import('./revoke.js')).runRevokeBenchmark(),
  },
  startup: {
    describe: "the CLI's start-up on empty input (version, scan, staged, redact, rules list) against node -e 0",
    run: async () => (await import('./startup.js')).runStartupBenchmark(),
  },
  audit: {
    describe: 'an organisation audit of 40 local repositories through the GitHub API stand-in, against git clone --mirror + keywarden history of each in turn',
    run: async () => (await import('./audit.js')).runAuditBenchmark(),
  },
  serve: {
    describe: 'keywarden serve --revoke: 2,000 signed alerts of 5 live keys from 32 clients against stand-ins answering in 50 ms, then a kill -9 and a restart',
    run: async () => (await import('./serve.js')).runServeBenchmark(),
  },
  staged: {
    describe: 'the pre-commit guard on 20 staged files of a 5,000-file repository against node -e 0',
    run: async () => (await import('./staged.js')).runStagedBenchmark(),
  },
};

/** `all`: the engine's benchmarks (issue 17), one after another, each against its baseline in the same run. */
const engineBenchmarks = ['startup', 'staged', 'tree', 'logs', 'history'] as const;

function usage(): string {
  const lines = [...Object.entries(benchmarks).map(([name, benchmark]) => `  ${name.padEnd(13)} ${benchmark.describe}`), `  ${'all'.padEnd(13)} ${engineBenchmarks.join(', ')} in turn (history also on BENCH_REPO when set)`];
  return `usage: npm run bench -- NAME\n\nbenchmarks:\n${lines.join('\n')}\n`;
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'all' && rest.length === 0) return runAll();
  const benchmark = name === undefined ? undefined : benchmarks[name];
  if (!benchmark || rest.length > 0) {
    process.stderr.write(usage());
    return name === undefined || name === '--help' || name === '-h' ? 0 : 2;
  }
  try {
    await benchmark.run();
    return 0;
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof HarnessError ? error.message : String((error as Error).stack ?? error)}\n`);
    return 1;
  }
}

/** Each engine benchmark in turn; one that fails to run is said and the others still run. */
async function runAll(): Promise<number> {
  let failed = 0;
  for (const name of engineBenchmarks) {
    process.stdout.write(`\n== ${name}: ${benchmarks[name]?.describe ?? ''}\n`);
    try {
      await benchmarks[name]?.run();
    } catch (error) {
      failed++;
      process.stderr.write(`bench ${name}: ${error instanceof HarnessError ? error.message : String((error as Error).stack ?? error)}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
