import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KeywardenError } from '../../src/core/errors.js';
import { ensureRange, remoteBranchTip } from '../../src/sources/fetch.js';
import { git, TestRepo } from '../helpers/history-repos.js';
import { cleanTmpDirs, makeFileTmpDir, makeTmpDir } from '../helpers/tmp.js';

cleanTmpDirs();

/** An upstream with `main` (20 commits) and a branch `feature` 3 commits ahead: built once, as only checkouts of it change. */
let upstream: { repo: TestRepo; base: string; head: string };
beforeAll(() => {
  const repo = TestRepo.init(makeFileTmpDir('fetch-upstream'));
  for (let i = 0; i < 20; i++) repo.commit({ [`file${i}.txt`]: `line ${i}\n` }, `main ${i}`);
  const base = repo.head();
  git(repo.dir, ['checkout', '-q', '-b', 'feature']);
  for (let i = 0; i < 3; i++) repo.commit({ [`feature${i}.txt`]: `feature ${i}\n` }, `feature ${i}`);
  const head = repo.head();
  git(repo.dir, ['checkout', '-q', 'main']);
  repo.commit({ 'later.txt': 'main moved on\n' }, 'main later');
  // Fetching a commit by id, as the action does, needs the server to allow it (GitHub does).
  git(repo.dir, ['config', 'uploadpack.allowAnySHA1InWant', 'true']);
  upstream = { repo, base, head };
});

/** The upstream, and a fresh depth-1 clone of its feature branch. */
function shallowCheckout() {
  const root = makeTmpDir('fetch');
  const checkout = join(root, 'checkout');
  git(root, ['clone', '-q', '--depth=1', '--branch', 'feature', `file://${upstream.repo.dir}`, checkout]);
  return { upstream: upstream.repo, checkout, base: upstream.base, head: upstream.head };
}

const commitCount = (dir: string, range: string) => Number(git(dir, ['rev-list', '--count', range]));

describe('ensureRange: a shallow checkout made whole enough for base..head', () => {
  it('fetches the base and the history down to the merge base, so the range holds the 3 branch commits only', async () => {
    const { checkout, base, head } = shallowCheckout();
    expect(git(checkout, ['rev-parse', '--is-shallow-repository'])).toBe('true');
    const steps = await ensureRange(checkout, base, head);
    expect(steps.join('\n')).toMatch(/fetched/);
    expect(commitCount(checkout, `${base}..${head}`)).toBe(3);
    expect(git(checkout, ['merge-base', base, head])).toBe(base);
  });

  it('does nothing when both commits and their merge base are there', async () => {
    const { upstream, base, head } = shallowCheckout();
    expect(await ensureRange(upstream.dir, base, head)).toEqual([]);
  });

  it('says to set fetch-depth when a commit cannot be fetched', async () => {
    const { checkout, head } = shallowCheckout();
    const missing = 'c'.repeat(40);
    const attempt = ensureRange(checkout, missing, head);
    await expect(attempt).rejects.toThrow(KeywardenError);
    await expect(ensureRange(checkout, missing, head)).rejects.toThrow(/fetch-depth: 0/);
  });
});

describe('remoteBranchTip', () => {
  it("fetches the default branch's tip for a new branch's comparison", async () => {
    const { upstream, checkout } = shallowCheckout();
    expect(await remoteBranchTip(checkout, 'main')).toBe(git(upstream.dir, ['rev-parse', 'main']));
  });

  it('is undefined for a branch the remote does not have', async () => {
    const { checkout } = shallowCheckout();
    expect(await remoteBranchTip(checkout, 'no-such-branch')).toBeUndefined();
  });
});
