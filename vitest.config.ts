import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Most test time is spent waiting for child processes (the built CLI, git), each of which keeps
 * a core busy while its test's worker idles. vitest's default of one worker per core minus one
 * (a single worker on a 2-core machine) runs the files one after another and leaves a core
 * unused; one more worker than cores keeps both busy through the tests' sleeps and timeouts.
 * Threads rather than forks: a worker thread starts cheaper than a process, and no test changes
 * the process's working directory. Files stay isolated from each other (helpers register hooks
 * when first imported). KEYWARDEN_TEST_WORKERS overrides the count.
 */
const maxWorkers = Number(process.env['KEYWARDEN_TEST_WORKERS']) || availableParallelism() + 1;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    pool: 'threads',
    maxWorkers,
    // Generous: a limit on how long a test may hang, not on how fast it is (bench/ measures that).
    // A CLI test runs several processes, each of which can take seconds to start on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
