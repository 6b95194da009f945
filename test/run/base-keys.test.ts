/**
 * A range (a pull request, a push) is blamed only for keys it brings: `withoutKeysInBase` over
 * the findings of the range, in real repositories, as the Action settles them. The Action's run
 * of the first case, with its workflow commands and its "left out" line, is in
 * test/action/action.test.ts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutKeysInBase } from '../../src/run/base-keys.js';
import { rangeSource } from '../../src/run/history.js';
import { openRepository } from '../../src/sources/history.js';
import { git, isolatedGitEnv, TestRepo } from '../helpers/history-repos.js';
import { keyFactory } from '../helpers/keys.js';
import { runThrough } from '../helpers/run.js';
import { cleanTmpDirs, makeTmpDir } from '../helpers/tmp.js';

// The range is read by git in this process: keep the machine's git config out of it.
Object.assign(process.env, isolatedGitEnv);
cleanTmpDirs();

const envFile = (key: string) => `# local settings\nDEBUG=0\nOPENROUTER_API_KEY=${key}\n`;

/** A repository whose `main` holds `files`, with branch `feature` checked out from it. */
function withBase(files: Record<string, string>): { repo: TestRepo; base: string } {
  const repo = TestRepo.init(makeTmpDir('base-keys'));
  const base = repo.commit(files, 'main');
  git(repo.dir, ['checkout', '-q', '-b', 'feature']);
  return { repo, base };
}

/** What the range base..head is blamed for, by path, and how many of its findings were left out. */
async function blamed(repo: TestRepo, base: string, head: string): Promise<{ paths: string[]; inBase: number }> {
  const { findings } = await runThrough(rangeSource({ repo: await openRepository(repo.dir), range: `${base}..${head}` }));
  const { kept, inBase } = await withoutKeysInBase(findings, repo.dir, base, head);
  return { paths: kept.map((finding) => finding.origin.path), inBase };
}

describe('a key the base branch already had', () => {
  it('is not blamed on a range that edits its line or removes and re-adds it; a new key beside it still is', async () => {
    const [old1, old2, fresh] = [keyFactory(201).openrouter(), keyFactory(202).tokenrouterLive(), keyFactory(203).openrouter()];
    const { repo, base } = withBase({ 'config/prod.env': envFile(old1), 'config/tr.env': `TOKENROUTER=${old2}\n` });
    repo.commit({ 'config/prod.env': `# local settings\nDEBUG=1\nOPENROUTER_API_KEY=${old1} # prod\n` }, 'touch the line');
    repo.commit({ 'config/tr.env': '\n' }, 'drop it');
    repo.commit({ 'config/tr.env': `TOKENROUTER=${old2}\n` }, 'bring it back');
    const head = repo.commit({ 'config/new.env': `KEY=${fresh}\n` }, 'a new key');
    expect(await blamed(repo, base, head)).toEqual({ paths: ['config/new.env'], inBase: 2 });
  });

  it('is not blamed on a range that moves its file and edits the line on the way', async () => {
    const old = keyFactory(204).openrouter();
    const settings = Array.from({ length: 12 }, (_, i) => `SETTING_${i}=${i}\n`).join('');
    const { repo, base } = withBase({ 'config/prod.env': `${settings}OPENROUTER_API_KEY=${old}\n` });
    mkdirSync(join(repo.dir, 'deploy'));
    git(repo.dir, ['mv', 'config/prod.env', 'deploy/prod.env']);
    const head = repo.commit({ 'deploy/prod.env': `${settings}export OPENROUTER_API_KEY=${old}\n` }, 'move the settings');
    expect(await blamed(repo, base, head)).toEqual({ paths: [], inBase: 1 });
  });

  it('is not blamed when it sits base64-encoded (a Kubernetes Secret) and the range edits its line', async () => {
    const old = keyFactory(205).openrouter();
    const encoded = Buffer.from(old).toString('base64');
    const { repo, base } = withBase({ 'k8s/secret.yaml': `kind: Secret\ndata:\n  OPENROUTER_API_KEY: ${encoded}\n` });
    const head = repo.commit({ 'k8s/secret.yaml': `kind: Secret\ndata:\n  OPENROUTER_API_KEY: ${encoded} # prod\n` }, 'annotate');
    expect(await blamed(repo, base, head)).toEqual({ paths: [], inBase: 1 });
  });

  it('is still blamed when the range copies it into another file and leaves the original (a new place for it to leak from)', async () => {
    const old = keyFactory(206).openrouter();
    const { repo, base } = withBase({ 'config/prod.env': envFile(old) });
    const head = repo.commit({ 'scripts/run.sh': `export OPENROUTER_API_KEY=${old}\n` }, 'copy');
    expect(await blamed(repo, base, head)).toEqual({ paths: ['scripts/run.sh'], inBase: 0 });
  });
});
