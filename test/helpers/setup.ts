/**
 * Runs before every test file (vitest's setupFiles): the hooks that close what helpers open.
 * Here rather than in the helpers themselves, because test files share one module cache per
 * worker (vitest.config.ts: `isolate: false`): a hook a helper registered when first imported
 * would belong to the first file that imported it, and no later one.
 */
import { afterAll, afterEach } from 'vitest';
import { closeGitHubApis } from './github-api.js';
import { isolatedGitEnv } from './history-repos.js';
import { closeStandIns } from './providers.js';
import { removeFileTmpDirs } from './tmp.js';

// Every git run of every file, the test's own and keywarden's in this process, sees no user or
// system config: set once per worker, since files share it (a file that set it itself would
// leak it into the files after it anyway).
Object.assign(process.env, isolatedGitEnv);
// Every chunk of a child's output that keywarden lends is overwritten once its handler returns
// (src/sources/lent-output.ts), here and in the CLIs the tests start: keeping one fails at once.
process.env['KEYWARDEN_TEST_POISON_LENT'] = '1';

afterEach(async () => {
  await Promise.all([closeStandIns(), closeGitHubApis()]);
});

afterAll(removeFileTmpDirs);
