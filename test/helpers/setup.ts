/**
 * Runs before every test file (vitest's setupFiles): the hooks that close what helpers open.
 * Here rather than in the helpers themselves, because test files share one module cache per
 * worker (vitest.config.ts: `isolate: false`): a hook a helper registered when first imported
 * would belong to the first file that imported it, and no later one.
 */
import { afterAll, afterEach } from 'vitest';
import { closeGitHubApis } from './github-api.js';
import { closeStandIns } from './providers.js';
import { removeFileTmpDirs } from './tmp.js';

afterEach(async () => {
  await Promise.all([closeStandIns(), closeGitHubApis()]);
});

afterAll(removeFileTmpDirs);
