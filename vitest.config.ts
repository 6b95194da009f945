import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Much test time is spent waiting for child processes (the built CLI, git), each of which keeps
 * a core busy while its test's worker idles. vitest's default of one worker per core minus one
 * (a single worker on a 2-core machine) runs the files one after another and leaves a core
 * unused; one more worker than cores keeps both busy through the tests' sleeps and timeouts.
 * Forks rather than threads: node starts a child by fork(), which copies the page tables of
 * the whole parent, and with threads the parent holds every worker's heap (~700 MB): a git or
 * CLI spawn then cost ~20 ms of system time in the parent, against a few ms from a fork of its
 * own (measured: the git and CLI tests took a fifth less CPU as forks; unit tests the same).
 * KEYWARDEN_TEST_WORKERS overrides the count.
 *
 * Files share their worker's module cache (`isolate: false`): a fresh process per test file
 * cost each of the ~90 files ~1–2 s of CPU to start vitest and import the same modules again.
 * What helpers open is closed by the hooks in test/helpers/setup.ts, which runs before each file.
 */
const maxWorkers = Number(process.env['KEYWARDEN_TEST_WORKERS']) || availableParallelism() + 1;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    setupFiles: ['test/helpers/setup.ts'],
    pool: 'forks',
    isolate: false,
    maxWorkers,
    // Generous: a limit on how long a test may hang, not on how fast it is (bench/ measures that).
    // A CLI test runs several processes, each of which can take seconds to start on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
