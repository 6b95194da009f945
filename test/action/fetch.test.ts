import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KeywardenError } from '../../src/core/errors.js';
import { ensureRange, remoteBranchTip } from '../../src/sources/fetch.js';
import { git, importHistory, TestRepo } from '../helpers/history-repos.js';
import { cleanTmpDirs, makeFileTmpDir, makeTmpDir } from '../helpers/tmp.js';

cleanTmpDirs();

/** An upstream with `main` (20 commits) and a branch `feature` 3 commits ahead: built once, as only checkouts of it change. */
let upstream: { repo: TestRepo; base: string; head: string };
beforeAll(() => {
  const repo = TestRepo.init(makeFileTmpDir('fetch-upstream'));
  // main's 20 commits in one fast-import (a commit by TestRepo is a spawn each); -f then checks them out.
  const base = importHistory(repo.dir, Array.from({ length: 20 }, (_, i) => ({ files: { [`file${i}.txt`]: `line ${i}\n` }, message: `main ${i}` }))).at(-1) ?? '';
  git(repo.dir, ['checkout', '-q', '-f', '-b', 'feature']);
  for (let i = 0; i < 3; i++) repo.commit({ [`feature${i}.txt`]: `feature ${i}\n` }, `feature ${i}`);
  const head = repo.head();
  git(repo.dir, ['checkout', '-q', 'main']);
  repo.commit({ 'later.txt': 'main moved on\n' }, 'main later');
  // Fetching a commit by id, as the action does, needs the server to allow it (GitHub does).
  git(repo.dir, ['config', 'uploadpack.allowAnySHA1InWant', 'true']);
  upstream = { repo, base, head };
});

/** The upstream, and a fresh depth-1 clone of its feature branch. */
function shallowCheckout(root = makeTmpDir('fetch')) {
  const checkout = join(root, 'checkout');
  git(root, ['clone', '-q', '--depth=1', '--branch', 'feature', `file://${upstream.repo.dir}`, checkout]);
  return { upstream: upstream.repo, checkout, base: upstream.base, head: upstream.head };
}

const commitCount = (dir: string, range: string) => Number(git(dir, ['rev-list', '--count', range]));

/**
 * One clone for the tests that only fetch what is missing into it or fail to: none of them
 * depends on what another fetched (a commit no one has, a branch no one has, main's tip).
 */
let shared: ReturnType<typeof shallowCheckout>;
beforeAll(() => {
  shared = shallowCheckout(makeFileTmpDir('fetch'));
});

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
    const { repo, base, head } = upstream;
    expect(await ensureRange(repo.dir, base, head)).toEqual([]);
  });

  it('says to set fetch-depth when a commit cannot be fetched', async () => {
    const { checkout, head } = shared;
    const missing = 'c'.repeat(40);
    const attempt = ensureRange(checkout, missing, head);
    await expect(attempt).rejects.toThrow(KeywardenError);
    await expect(ensureRange(checkout, missing, head)).rejects.toThrow(/fetch-depth: 0/);
  });
});

describe('remoteBranchTip', () => {
  it("fetches the default branch's tip for a new branch's comparison", async () => {
    const { upstream, checkout } = shared;
    expect(await remoteBranchTip(checkout, 'main')).toBe(git(upstream.dir, ['rev-parse', 'main']));
  });

  it('is undefined for a branch the remote does not have', async () => {
    const { checkout } = shared;
    expect(await remoteBranchTip(checkout, 'no-such-branch')).toBeUndefined();
  });
});
