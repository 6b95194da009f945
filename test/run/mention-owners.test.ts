import { beforeAll, describe, expect, it } from 'vitest';
import type { NoticeFinding } from '../../src/respond/notify/notice.js';
import { mentionOwners } from '../../src/run/mention-owners.js';
import { TestRepo } from '../helpers/history-repos.js';
import { cleanTmpDirs, makeFileTmpDir, makeTmpDir } from '../helpers/tmp.js';

/**
 * --mention-owners on a real repository whose CODEOWNERS changes from commit to commit: each
 * history finding gets the owners of its own commit, the others those of HEAD (or the commit
 * given), and the commit's author stands in when CODEOWNERS names no one to mention.
 */

cleanTmpDirs();

const base = {
  ruleId: 'acme.api-key',
  provider: 'acme',
  severity: 'high',
  secretHash: `sha256:${'0'.repeat(64)}`,
  redacted: 'acme_…0000',
  line: 3,
  column: 1,
  endColumn: 20,
} as const;

const inCommit = (commit: string, path: string): NoticeFinding => ({
  ...base,
  fingerprint: `${commit}:${path}`,
  source: 'history',
  path,
  commit,
  author: 'A. Author',
  email: 'author@example.test',
  date: '2021-01-01T00:00:00+00:00',
});
const inWorkTree = (path: string): NoticeFinding => ({ ...base, fingerprint: path, source: 'file', path });

/** The GitHub logins of the commits' authors, as GitHub would answer; records what was asked. */
function authors(logins: Record<string, string | undefined>) {
  const asked: string[] = [];
  const authorLogin = (commit: string) => {
    asked.push(commit);
    return Promise.resolve(logins[commit]);
  };
  return { asked, authorLogin };
}

describe('mentionOwners', () => {
  let repo: TestRepo;
  const c: string[] = [];
  beforeAll(() => {
    repo = TestRepo.init(makeFileTmpDir('mention-owners'));
    c.push(repo.commit({ 'README.md': 'hello\n' }));
    c.push(repo.commit({ CODEOWNERS: '* @alice\n/src/ @acme/backend\n' }));
    // .github/CODEOWNERS comes first: the root file stays but no longer counts.
    c.push(repo.commit({ '.github/CODEOWNERS': '* @bob\n/src/ @acme/platform @carol\n/src/generated/\n*.md ops@example.com\n' }));
    c.push(repo.commit({ 'notes.txt': 'unrelated\n' }));
  });

  it('takes the owners at each finding’s commit, and the author’s login when no one is named there', async () => {
    const { asked, authorLogin } = authors({ [c[0] ?? '']: 'zoe', [c[2] ?? '']: 'dependabot[bot]', [c[3] ?? '']: 'dave' });
    const findings = [
      inCommit(c[0] ?? '', 'config/.env'), // no CODEOWNERS yet: the author
      inCommit(c[0] ?? '', 'config/other.env'), // the same commit: GitHub is asked once
      inCommit(c[1] ?? '', 'src/keys.ts'), // root CODEOWNERS
      inCommit(c[2] ?? '', 'src/keys.ts'), // .github/CODEOWNERS
      inCommit(c[2] ?? '', 'src/generated/k.ts'), // un-owned; the author is an app: no one
      inCommit(c[3] ?? '', 'README.md'), // owned by an address only: the author
      inWorkTree('src/keys.ts'), // HEAD's CODEOWNERS
      inWorkTree('lib/x.ts'), // HEAD's catch-all
    ];
    const owners = (await mentionOwners(findings, { repoDir: repo.dir, authorLogin })).map((finding) => finding.owners);
    expect(owners).toEqual([['@zoe'], ['@zoe'], ['@acme/backend'], ['@acme/platform', '@carol'], [], ['@dave'], ['@acme/platform', '@carol'], ['@bob']]);
    expect(asked.sort()).toEqual([c[0], c[2], c[3]].sort());
  });

  it('reads CODEOWNERS for findings in no commit at fallbackCommit, and never asks for an author there', async () => {
    const { asked, authorLogin } = authors({});
    const findings: NoticeFinding[] = [inWorkTree('src/keys.ts'), { ...inWorkTree('src/staged.ts'), source: 'staged' }, { ...base, fingerprint: 'input', source: 'input' }];
    const atFirst = await mentionOwners(findings, { repoDir: repo.dir, fallbackCommit: c[1] ?? '', authorLogin });
    expect(atFirst.map((finding) => finding.owners)).toEqual([['@acme/backend'], ['@acme/backend'], []]);
    const atNone = await mentionOwners(findings, { repoDir: repo.dir, fallbackCommit: c[0] ?? '', authorLogin });
    expect(atNone.map((finding) => finding.owners)).toEqual([[], [], []]);
    expect(asked).toEqual([]);
  });

  it('keeps every other field and the order', async () => {
    const findings = [inCommit(c[2] ?? '', 'src/a.ts'), inWorkTree('b.txt')];
    const filled = await mentionOwners(findings, { repoDir: repo.dir });
    expect(filled).toEqual([
      { ...findings[0], owners: ['@acme/platform', '@carol'] },
      { ...findings[1], owners: ['@bob'] },
    ]);
  });
});

describe('mentionOwners when something cannot be read', () => {
  it('warns once a file about the lines GitHub skips, and uses the rest', async () => {
    const repo = TestRepo.init(makeTmpDir('mention-owners'));
    const first = repo.commit({ '.github/CODEOWNERS': '* @everyone\n!secret.env @nobody\n*.[ch] @c-dev\n' });
    const second = repo.commit({ 'a.txt': 'same CODEOWNERS\n' });
    const warnings: string[] = [];
    const filled = await mentionOwners([inCommit(first, 'secret.env'), inCommit(second, 'main.c')], { repoDir: repo.dir, warn: (message) => warnings.push(message) });
    expect(filled.map((finding) => finding.owners)).toEqual([['@everyone'], ['@everyone']]);
    expect(warnings).toEqual([expect.stringMatching(/^\.github\/CODEOWNERS \(blob [0-9a-f]{7}\): GitHub skips line 2, 3, and so does --mention-owners$/)]);
  });

  it('falls back to authors when the directory is no repository, and to no one when GitHub cannot be asked', async () => {
    const warnings: string[] = [];
    const commit = 'a'.repeat(40);
    const other = 'b'.repeat(40);
    const authorLogin = (asked: string) => (asked === commit ? Promise.resolve('erin') : Promise.reject(new Error('GitHub answered 503')));
    const filled = await mentionOwners([inCommit(commit, 'x.env'), inCommit(other, 'y.env')], {
      repoDir: makeTmpDir('mention-owners-plain'),
      authorLogin,
      warn: (message) => warnings.push(message),
    });
    expect(filled.map((finding) => finding.owners)).toEqual([['@erin'], []]);
    expect(warnings).toEqual([
      expect.stringMatching(/^CODEOWNERS could not be read, so owners come from commit authors only: git cat-file failed: fatal: not a git repository/),
      'the author of commit bbbbbbb could not be looked up on GitHub: GitHub answered 503',
    ]);
  });
});
