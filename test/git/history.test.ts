/**
 * `keywarden history`: every blob of the history read once, each key reported once per
 * path and attributed to the commit that first put it there. Real repositories in temp
 * directories; the pipeline is called directly here, the CLI in history-cli.test.ts.
 */
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import { historySource, rangeSource } from '../../src/run/history.js';
import { openRepository } from '../../src/sources/history.js';
import { runThrough } from '../helpers/run.js';
import { git, importHistory, TestRepo, type ImportedCommit } from '../helpers/history-repos.js';
import { keyFactory } from '../helpers/keys.js';
import { cleanTmpDirs, makeFileTmpDir, makeTmpDir } from '../helpers/tmp.js';

// The pipeline runs git in this process: keep the machine's git config out of it.
cleanTmpDirs('all');

const keys = keyFactory(3003);

interface AuditOptions {
  revisions?: string[];
  since?: string;
  maxBlobSize?: number;
  exclude?: string[];
}

async function audit(dir: string, options: AuditOptions = {}) {
  const repo = await openRepository(dir);
  const source = historySource({
    repo,
    selection: { revisions: options.revisions ?? [], ...(options.since !== undefined ? { since: options.since } : {}) },
    maxBlobSize: options.maxBlobSize ?? 100 * 1024 * 1024,
  });
  return runThrough(source, { suppressions: { ignore: { fingerprints: new Set(), pathPatterns: options.exclude ?? [] } } });
}

async function auditRange(dir: string, range: string, since?: string) {
  const repo = await openRepository(dir);
  return runThrough(rangeSource({ repo, range, ...(since !== undefined ? { since } : {}) }));
}

/** What a test compares: where, which key, which commit. */
function where(findings: readonly Finding[]) {
  return findings.map((finding) => {
    const origin = finding.origin.kind === 'history' ? finding.origin : undefined;
    return { path: finding.origin.path, key: finding.secret.reveal(), line: finding.line, commit: origin?.commit };
  });
}

/** An empty repository, made once and copied for each test (a copy costs no git run). */
let template: string | undefined;

function newRepo(label = 'history'): TestRepo {
  template ??= TestRepo.init(makeFileTmpDir('history-template')).dir;
  const dir = makeTmpDir(label);
  cpSync(template, dir, { recursive: true });
  return new TestRepo(dir);
}

/** A new repository holding `commits` on main (one fast-import, dates as TestRepo's), and their ids in order. */
function linearRepo(commits: readonly ImportedCommit[], label = 'history'): { dir: string; ids: string[] } {
  const { dir } = newRepo(label);
  return { dir, ids: importHistory(dir, commits) };
}

describe('history: attribution', () => {
  it('attributes a key to the commit that introduced it, with author, email and ISO 8601 date', async () => {
    const key = keys.openrouter();
    const alice = { name: 'Alice Example', email: 'alice@example.test' };
    const { dir, ids } = linearRepo([
      { files: { 'README.md': '# app\n' }, message: 'start' },
      { files: { 'config/.env': `DEBUG=1\nOPENROUTER_API_KEY=${key}\n` }, message: 'add config', author: alice },
      { files: { 'config/.env': `DEBUG=0\nOPENROUTER_API_KEY=${key}\nPORT=80\n` }, message: 'tweak config' },
      { files: { 'src/main.ts': 'console.log(1);\n' }, message: 'unrelated' },
    ]);
    const introduced = ids[1];
    // The second commit's: one hour after the first.
    const date = '2021-01-01T01:00:00+00:00';

    const result = await audit(dir);
    expect(where(result.findings)).toEqual([{ path: 'config/.env', key, line: 2, commit: introduced }]);
    const [finding] = result.findings;
    expect(finding?.origin).toEqual({ kind: 'history', path: 'config/.env', commit: introduced, author: alice.name, email: alice.email, date });
    expect(finding?.column).toBe('OPENROUTER_API_KEY='.length + 1);
    expect(result.warnings).toEqual([]);
  });

  it('finds a key that was added and later deleted', async () => {
    const key = keys.tokenrouterLive();
    const { dir, ids } = linearRepo([
      { files: { 'a.txt': 'a\n' } },
      { files: { 'settings.json': `{"token": "${key}"}\n` }, message: 'oops' },
      { files: { 'settings.json': null }, message: 'remove the key' },
      { files: { 'a.txt': 'b\n' } },
    ]);
    expect(where((await audit(dir)).findings)).toEqual([{ path: 'settings.json', key, line: 1, commit: ids[1] }]);
  });

  it('finds a key that only ever existed on a side branch', async () => {
    const repo = newRepo();
    const key = keys.agentrouter();
    repo.commit({ 'a.txt': 'a\n' });
    repo.git('checkout', '-q', '-b', 'experiment');
    const side = repo.commit({ 'try.py': `KEY = "${key}"\n` }, 'experiment');
    repo.git('checkout', '-q', 'main');
    repo.commit({ 'a.txt': 'b\n' });
    expect(where((await audit(repo.dir)).findings)).toEqual([{ path: 'try.py', key, line: 1, commit: side }]);
  });

  it('reports a key once per path however many later commits carry it', async () => {
    const key = keys.openrouter();
    const { dir, ids } = linearRepo([
      { files: { 'app.env': `KEY=${key}\ncounter=0\n` }, message: 'first' },
      ...Array.from({ length: 25 }, (_, i) => ({ files: { 'app.env': `KEY=${key}\ncounter=${i + 1}\n` }, message: `bump ${i + 1}` })),
      // Moving the key down a line in a later blob does not move the report.
      { files: { 'app.env': `# header\nKEY=${key}\n` }, message: 'header' },
    ]);
    const result = await audit(dir);
    expect(where(result.findings)).toEqual([{ path: 'app.env', key, line: 1, commit: ids[0] }]);
    expect(result.stats.files).toBe(27);
  });

  it('reports the same key at two paths twice, each with its own introducing commit', async () => {
    const key = keys.openrouter();
    const { dir, ids } = linearRepo([{ files: { 'a/.env': `KEY=${key}\n` } }, { files: { 'other.txt': 'x\n' } }, { files: { 'b/.env': `KEY=${key}\n` } }]);
    expect(where((await audit(dir)).findings)).toEqual([
      { path: 'a/.env', key, line: 1, commit: ids[0] },
      { path: 'b/.env', key, line: 1, commit: ids[2] },
    ]);
  });

  it('reports a renamed file at its new path from the commit that renamed it', async () => {
    const repo = newRepo();
    const key = keys.tokenrouterTest();
    const added = repo.commit({ 'old-name.yaml': `token: ${key}\n` });
    repo.git('mv', 'old-name.yaml', 'new-name.yaml');
    const renamed = repo.commitStaged('rename');
    expect(where((await audit(repo.dir)).findings)).toEqual([
      { path: 'old-name.yaml', key, line: 1, commit: added },
      { path: 'new-name.yaml', key, line: 1, commit: renamed },
    ]);
  });

  it('keeps the earliest commit when the same key returns at a path in a different blob', async () => {
    const key = keys.openrouter();
    const { dir, ids } = linearRepo([{ files: { 'k.txt': `${key}\n` } }, { files: { 'k.txt': 'gone\n' } }, { files: { 'k.txt': `back again\n${key}\n` } }]);
    expect(where((await audit(dir)).findings)).toEqual([{ path: 'k.txt', key, line: 1, commit: ids[0] }]);
  });
});

describe('history: what is reachable', () => {
  it('finds keys in a commit reachable only from a tag', async () => {
    const repo = newRepo();
    const key = keys.openrouter();
    repo.commit({ 'a.txt': 'a\n' });
    repo.git('checkout', '-q', '--detach');
    const tagged = repo.commit({ 'release.env': `KEY=${key}\n` }, 'release only');
    repo.git('tag', '-a', '-m', 'v1', 'v1.0.0');
    repo.git('checkout', '-q', 'main');
    expect(where((await audit(repo.dir)).findings)).toEqual([{ path: 'release.env', key, line: 1, commit: tagged }]);
  });

  it('finds keys in stashes: the newest, older entries, and untracked files stashed with -u', async () => {
    const repo = newRepo();
    const [older, newer, untracked] = [keys.openrouter(), keys.agentrouter(), keys.tokenrouterLive()];
    repo.commit({ 'app.env': 'KEY=\n' });
    writeFileSync(join(repo.dir, 'app.env'), `KEY=${older}\n`);
    repo.git('stash', 'push', '-q');
    writeFileSync(join(repo.dir, 'app.env'), `KEY=${newer}\n`);
    writeFileSync(join(repo.dir, 'notes.txt'), `${untracked}\n`);
    repo.git('stash', 'push', '-q', '-u');
    expect(git(repo.dir, ['stash', 'list']).split('\n')).toHaveLength(2);

    const found = where((await audit(repo.dir)).findings).map((f) => [f.path, f.key]);
    expect(found).toHaveLength(3);
    expect(found).toEqual(
      expect.arrayContaining([
        ['app.env', older],
        ['app.env', newer],
        ['notes.txt', untracked],
      ]),
    );
  });

  it('finds older stash entries wherever the repository is opened from: a linked worktree, inside .git, a path with a line break', async () => {
    const parent = makeTmpDir('history-stash-paths');
    const dir = join(parent, 'main\nrepo');
    cpSync(newRepo().dir, dir, { recursive: true });
    const repo = new TestRepo(dir);
    const [older, newer] = [keys.openrouter(), keys.agentrouter()];
    repo.commit({ 'app.env': 'KEY=\n' });
    writeFileSync(join(dir, 'app.env'), `KEY=${older}\n`);
    repo.git('stash', 'push', '-q');
    writeFileSync(join(dir, 'app.env'), `KEY=${newer}\n`);
    repo.git('stash', 'push', '-q');
    const linked = join(parent, 'linked\ntree');
    repo.git('worktree', 'add', '-q', '-b', 'side', linked);
    for (const from of [dir, linked, join(dir, '.git'), join(dir, '.git', 'refs')]) {
      expect(await openRepository(from)).toMatchObject({ olderStashes: true });
      expect(where((await audit(from)).findings).map((f) => f.key).sort()).toEqual([older, newer].sort());
    }
    // Without a stash there is no reflog to read, and no git run for it.
    expect(await openRepository(newRepo().dir)).toMatchObject({ olderStashes: false });
  });

  it('attributes a key merged in from a branch to the branch commit, and a key added by the merge itself to the merge', async () => {
    const repo = newRepo();
    const [fromBranch, fromMerge] = [keys.openrouter(), keys.agentrouter()];
    repo.commit({ 'shared.txt': 'base\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const feature = repo.commit({ 'feature.env': `KEY=${fromBranch}\n` }, 'feature');
    repo.git('checkout', '-q', 'main');
    repo.commit({ 'main.txt': 'main\n' });
    repo.git('merge', '-q', '--no-ff', '--no-commit', 'feature');
    // An "evil merge": content that is in neither parent.
    writeFileSync(join(repo.dir, 'shared.txt'), `base\nkey: ${fromMerge}\n`);
    repo.git('add', 'shared.txt');
    const merge = repo.commitStaged('merge feature');
    expect(git(repo.dir, ['rev-list', '--parents', '-n1', 'HEAD']).split(' ')).toHaveLength(3);
    expect(where((await audit(repo.dir)).findings)).toEqual([
      { path: 'feature.env', key: fromBranch, line: 1, commit: feature },
      { path: 'shared.txt', key: fromMerge, line: 2, commit: merge },
    ]);
  });

  it('skips binary blobs, and warns about blobs over the size limit', async () => {
    const [inBinary, inLarge, inSmall] = [keys.openrouter(), keys.openrouter(), keys.openrouter()];
    const { dir } = linearRepo([
      {
        files: {
          'image.bin': Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(inBinary)]),
          'big.txt': `${inLarge}\n${'x'.repeat(5000)}\n`,
          'small.txt': `${inSmall}\n`,
        },
      },
    ]);
    const result = await audit(dir, { maxBlobSize: 1000 });
    expect(where(result.findings).map((f) => f.key)).toEqual([inSmall]);
    expect(result.warnings).toEqual([{ path: 'big.txt', message: expect.stringContaining('larger than the size limit') as unknown as string }]);
  });

  it('never reads blobs at excluded paths', async () => {
    const [kept, dropped] = [keys.openrouter(), keys.openrouter()];
    const { dir } = linearRepo([{ files: { 'src/a.txt': `${kept}\n`, 'fixtures/b.txt': `${dropped}\n` } }]);
    const result = await audit(dir, { exclude: ['fixtures/'] });
    expect(where(result.findings).map((f) => f.key)).toEqual([kept]);
    expect(result.stats.files).toBe(1);
  });

  it('scans an empty repository (no commits) as clean', async () => {
    const repo = newRepo();
    const result = await audit(repo.dir);
    expect(result.findings).toEqual([]);
  });
});

describe('history: a larger history (fast-import)', () => {
  it('reads 4,000 blobs once each and still attributes to the introducing commits', async () => {
    const dir = makeTmpDir('history-big');
    git(dir, ['init', '-q', '--bare', '.']);
    const [persistent, sideOnly] = [keys.openrouter(), keys.agentrouter()];
    const lines: string[] = [];
    const file = (path: string, content: string) => lines.push(`M 100644 inline ${path}`, `data ${Buffer.byteLength(content)}`, content);
    for (let c = 1; c <= 1000; c++) {
      lines.push(`commit refs/heads/main`, `mark :${c}`, `author Big <big@example.test> ${1_600_000_000 + c * 60} +0000`, `committer Big <big@example.test> ${1_600_000_000 + c * 60} +0000`, 'data 0', '');
      for (let f = 0; f < 4; f++) file(`src/f${(c * 4 + f) % 97}.txt`, `commit ${c} file ${f}\n`);
      // The key sits in config.env from commit 100 to 600, in 500 different blobs.
      if (c >= 100 && c <= 600) file('config.env', `KEY=${persistent}\nrevision=${c}\n`);
      if (c === 601) lines.push('D config.env');
    }
    lines.push('commit refs/heads/side', 'mark :9999', `author Side <side@example.test> 1700000000 +0000`, `committer Side <side@example.test> 1700000000 +0000`, 'data 0', 'from :800');
    file('side.txt', `${sideOnly}\n`);
    const marks = join(dir, 'marks');
    git(dir, ['fast-import', '--quiet', `--export-marks=${marks}`], { input: `${lines.join('\n')}\n` });
    const commitOf = new Map(
      readFileSync(marks, 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split(' ') as [string, string]),
    );

    const result = await audit(dir);
    expect(where(result.findings)).toEqual([
      { path: 'config.env', key: persistent, line: 1, commit: commitOf.get(':100') },
      { path: 'side.txt', key: sideOnly, line: 1, commit: commitOf.get(':9999') },
    ]);
    expect(result.stats.files).toBe(4_000 + 501 + 1);
    // A generous limit for a busy machine (how fast is bench/'s question: `npm run bench -- history`).
  }, 120_000);
});

describe('history: a walk read in pieces', () => {
  // git flushes its output after each commit, so a read usually ends at a line's end; a commit
  // that changes hundreds of long paths is written in 4 KiB pieces that cut lines, and the
  // reader (whose buffer the next read reuses) must keep the cut line's start.
  it('keeps every line cut between two reads of the walk', async () => {
    const folder = 'services/payments/internal/adapters/outbound/providers/router-gateway/configuration';
    const planted = [keys.openrouter(), keys.agentrouter(), keys.tokenrouterLive()];
    const commits: ImportedCommit[] = Array.from({ length: 12 }, (_, c) => ({
      files: Object.fromEntries(Array.from({ length: 250 }, (_, f) => [`${folder}/module-${String(f).padStart(3, '0')}-settings.env`, `commit ${c} file ${f}\n${f === 100 + c * 7 ? `KEY=${planted[c % 3]}\n` : ''}`])),
    }));
    const { dir, ids } = linearRepo(commits, 'history-pieces');
    const result = await audit(dir);
    expect(result.stats.files).toBe(12 * 250);
    expect(where(result.findings)).toEqual(
      commits.map((_, c) => ({ path: `${folder}/module-${String(100 + c * 7).padStart(3, '0')}-settings.env`, key: planted[c % 3], line: 2, commit: ids[c] })),
    );
  }, 60_000);
});

describe('history: narrowing', () => {
  it('--branch walks only what the named refs reach', async () => {
    const repo = newRepo();
    const [onMain, onSide] = [keys.openrouter(), keys.agentrouter()];
    const mainCommit = repo.commit({ 'm.txt': `${onMain}\n` });
    repo.git('checkout', '-q', '-b', 'side');
    const sideCommit = repo.commit({ 's.txt': `${onSide}\n` });
    repo.git('checkout', '-q', 'main');
    expect(where((await audit(repo.dir, { revisions: ['main'] })).findings)).toEqual([{ path: 'm.txt', key: onMain, line: 1, commit: mainCommit }]);
    expect(where((await audit(repo.dir, { revisions: ['side'] })).findings)).toEqual([
      { path: 'm.txt', key: onMain, line: 1, commit: mainCommit },
      { path: 's.txt', key: onSide, line: 1, commit: sideCommit },
    ]);
  });

  it('--since considers only the commits after the date', async () => {
    const [old, recent] = [keys.openrouter(), keys.openrouter()];
    // At 2021-01-01T00:00, 01:00 and 02:00.
    const { dir, ids } = linearRepo([{ files: { 'old.txt': `${old}\n` } }, { files: { 'x.txt': 'x\n' } }, { files: { 'new.txt': `${recent}\n` } }]);
    const result = await audit(dir, { since: '2021-01-01T01:30:00Z' });
    expect(where(result.findings)).toEqual([{ path: 'new.txt', key: recent, line: 1, commit: ids[2] }]);
  });
});

describe('history: --range', () => {
  it('reports only the keys on lines the range added, attributed to the commit that added them', async () => {
    const [inBase, inRange, laterDeleted, otherFile] = [keys.openrouter(), keys.agentrouter(), keys.tokenrouterLive(), keys.openrouter()];
    const { dir, ids } = linearRepo([
      { files: { 'app.env': `A=${inBase}\n`, 'readme.md': 'hi\n' }, message: 'base' },
      { files: { 'app.env': `A=${inBase}\nB=${inRange}\n` }, message: 'add B' },
      { files: { 'tmp.txt': `${laterDeleted}\n`, 'readme.md': `hi\nsee ${otherFile}\n` }, message: 'add tmp' },
      { files: { 'tmp.txt': null }, message: 'remove tmp' },
    ]);
    const [base, first, second] = ids;
    const result = await auditRange(dir, `${base}..main`);
    expect(where(result.findings)).toEqual([
      { path: 'app.env', key: inRange, line: 2, commit: first },
      { path: 'readme.md', key: otherFile, line: 2, commit: second },
      { path: 'tmp.txt', key: laterDeleted, line: 1, commit: second },
    ]);
    expect(result.findings.every((f) => f.origin.kind === 'history' && f.origin.author === 'Test Author')).toBe(true);
  });

  it('blames the earliest commit of the range when a key is added twice at one path', async () => {
    const key = keys.openrouter();
    const { dir, ids } = linearRepo([{ files: { 'a.txt': 'a\n' } }, { files: { 'a.txt': `a\n${key}\n` } }, { files: { 'a.txt': 'a\n' } }, { files: { 'a.txt': `${key}\na\n` } }]);
    const [base, first] = ids;
    expect(where((await auditRange(dir, `${base}..HEAD`)).findings)).toEqual([{ path: 'a.txt', key, line: 2, commit: first }]);
  });

  it('is empty when the range adds no key', async () => {
    const { dir, ids } = linearRepo([{ files: { 'a.txt': `${keys.openrouter()}\n` } }, { files: { 'b.txt': 'b\n' } }]);
    expect((await auditRange(dir, `${ids[0]}..HEAD`)).findings).toEqual([]);
  });

  it('fails with a KeywardenError (exit 2) on a bad range', async () => {
    const { dir } = linearRepo([{ files: { 'a.txt': 'a\n' } }]);
    await expect(auditRange(dir, 'nope..HEAD')).rejects.toMatchObject({ name: 'KeywardenError', exitCode: 2 });
  });
});

describe('history: bare, shallow and partial clones', () => {
  let origin: TestRepo;
  let keyOld: string;
  let keyHead: string;
  let introduced: string;
  let leaked: string;
  let headCommit: string;
  let deletedKey: string;

  beforeAll(() => {
    origin = TestRepo.init(makeTmpDir('origin'));
    keyOld = keys.openrouter();
    keyHead = keys.agentrouter();
    deletedKey = keys.tokenrouterLive();
    const ids = importHistory(origin.dir, [
      { files: { 'gone.txt': `${deletedKey}\n` }, message: 'leak' },
      { files: { 'gone.txt': null }, message: 'unleak' },
      { files: { 'conf/app.env': `OLD=${keyOld}\n` }, message: 'add conf' },
      ...Array.from({ length: 5 }, (_, i) => ({ files: { 'notes.txt': `note ${i}\n` } })),
      { files: { 'conf/head.env': `HEAD=${keyHead}\n` }, message: 'head' },
    ]);
    [leaked, introduced, headCommit] = [ids[0] ?? '', ids[2] ?? '', ids[8] ?? ''];
    git(origin.dir, ['config', 'uploadpack.allowFilter', 'true']);
  });

  it('scans a bare repository', async () => {
    const bare = makeTmpDir('bare');
    git(bare, ['clone', '-q', '--bare', origin.dir, '.']);
    const result = await audit(bare);
    expect(where(result.findings)).toEqual([
      { path: 'gone.txt', key: deletedKey, line: 1, commit: leaked },
      { path: 'conf/app.env', key: keyOld, line: 1, commit: introduced },
      { path: 'conf/head.env', key: keyHead, line: 1, commit: headCommit },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('scans a shallow clone: what is there, attributed to the oldest commit present, with a warning', async () => {
    const shallow = makeTmpDir('shallow');
    git(shallow, ['clone', '-q', '--depth', '2', `file://${origin.dir}`, '.']);
    const boundary = git(shallow, ['rev-parse', 'HEAD~1']);
    const result = await audit(shallow);
    expect(where(result.findings).map((f) => [f.path, f.commit])).toEqual([
      ['conf/app.env', boundary],
      ['conf/head.env', git(shallow, ['rev-parse', 'HEAD'])],
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringContaining('shallow clone')]);
  });

  it('scans a partial clone without fetching: missing blobs are counted in a warning', async () => {
    const partial = makeTmpDir('partial');
    git(partial, ['clone', '-q', '--filter=blob:none', `file://${origin.dir}`, '.']);
    const missingBefore = git(partial, ['rev-list', '--objects', '--all', '--missing=print']).split('\n').filter((l) => l.startsWith('?'));
    expect(missingBefore.length).toBeGreaterThan(0);

    const result = await audit(partial);
    // The checked-out blobs are present and scanned; history's older blobs are not.
    expect(where(result.findings).map((f) => f.path)).toEqual(['conf/app.env', 'conf/head.env']);
    expect(result.warnings.map((w) => w.message)).toEqual([
      `${missingBefore.length} objects missing (partial or shallow clone); their content was not scanned`,
    ]);
    // Nothing was fetched, although the promisor remote is right there.
    const missingAfter = git(partial, ['rev-list', '--objects', '--all', '--missing=print']).split('\n').filter((l) => l.startsWith('?'));
    expect(missingAfter).toEqual(missingBefore);

    // And with the promisor remote gone, the scan still finishes.
    const moved = `${origin.dir}-moved`;
    renameSync(origin.dir, moved);
    try {
      const again = await audit(partial);
      expect(again.findings).toHaveLength(2);
      expect(again.warnings).toHaveLength(1);
    } finally {
      renameSync(moved, origin.dir);
    }
    expect(existsSync(origin.dir)).toBe(true);
  });
});

describe('history: errors', () => {
  it('refuses a directory that is not a git repository', async () => {
    await expect(openRepository(makeTmpDir('plain'))).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('not a git repository') as unknown as string });
  });

  it('refuses a path that does not exist', async () => {
    await expect(openRepository(join(makeTmpDir('plain'), 'nope'))).rejects.toMatchObject({ exitCode: 2 });
  });

  it('counts a blob missing from an ordinary repository as a warning and scans the rest', async () => {
    const [lost, found] = [keys.openrouter(), keys.openrouter()];
    const { dir } = linearRepo([{ files: { 'lost.txt': `${lost}\n`, 'found.txt': `${found}\n` } }]);
    const blob = git(dir, ['rev-parse', 'HEAD:lost.txt']);
    rmSync(join(dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    const result = await audit(dir);
    expect(where(result.findings).map((f) => f.key)).toEqual([found]);
    expect(result.warnings).toEqual([{ message: '1 object missing (the repository is incomplete or damaged); their content was not scanned' }]);
  });

  it('fails with exit 2 on an unknown --branch', async () => {
    const { dir } = linearRepo([{ files: { 'a.txt': 'a\n' } }]);
    await expect(audit(dir, { revisions: ['no-such-branch'] })).rejects.toMatchObject({ exitCode: 2 });
  });
});
