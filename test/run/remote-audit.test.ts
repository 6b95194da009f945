/**
 * The parts of a remote audit (SPEC §8) one at a time: GitHub's listing (pages, forks,
 * archived, --exclude, a repository that is not there), the mirror in the cache (cloned once,
 * fetched after), and the token kept out of URLs, arguments and the mirror's config.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloneToken, isExcludedRepository, planRemoteAudit, remoteAuditSource } from '../../src/run/remote-audit.js';
import { defaultCacheDir, mirrorDir, remoteGitEnv, updateMirror } from '../../src/sources/mirror.js';
import { startGitHubApi } from '../helpers/github-api.js';
import { git, TestRepo } from '../helpers/history-repos.js';
import { runThrough } from '../helpers/run.js';
import { makeTmpDir } from '../helpers/tmp.js';

const request = { repos: [] as string[], orgs: [] as string[], users: [] as string[], includeForks: false, includeArchived: false, exclude: [] as string[] };

describe('listing the repositories to audit', () => {
  it('reads every page of an organization past 100 repositories, and leaves out forks and archived ones unless asked', async () => {
    const api = await startGitHubApi();
    api.seedRepositories(Array.from({ length: 130 }, (_, i) => ({ fullName: `acme/repo-${i}`, fork: i === 3, archived: i === 120 })));
    api.seedRepositories([{ fullName: 'other/thing' }]);
    const settings = { apiUrl: api.apiUrl, token: api.token };
    const plan = await planRemoteAudit({ ...request, orgs: ['acme'] }, settings);
    expect(plan.repositories).toHaveLength(128);
    expect(plan.repositories.map((r) => r.fullName)).not.toContain('acme/repo-3');
    expect(plan.repositories.map((r) => r.fullName)).not.toContain('acme/repo-120');
    expect(api.requestsTo('GET', '/orgs/acme/repos').map((r) => [r.query.page ?? '1', r.query.type])).toEqual([
      ['1', 'all'],
      ['2', 'all'],
    ]);
    const all = await planRemoteAudit({ ...request, users: ['acme'], includeForks: true, includeArchived: true }, settings);
    expect(all.repositories).toHaveLength(130);
  });

  it('looks each --repo up, a missing one noted with why, each repository once, --exclude globs on OWNER/NAME', async () => {
    const api = await startGitHubApi();
    api.seedRepositories([{ fullName: 'acme/widgets' }, { fullName: 'acme/old-tool' }, { fullName: 'acme/gadgets' }]);
    const plan = await planRemoteAudit({ ...request, orgs: ['acme'], repos: ['acme/widgets', 'acme/gone'], exclude: ['acme/old-*'] }, { apiUrl: api.apiUrl, token: api.token });
    expect(plan.repositories.map((r) => r.fullName)).toEqual(['acme/widgets', 'acme/gadgets']);
    expect(plan.notScanned).toEqual([{ repository: 'acme/gone', reason: 'GitHub API: 404 Not Found' }]);
  });

  it('reads a fork or an archived repository named with --repo: naming it is asking for it', async () => {
    const api = await startGitHubApi();
    api.seedRepositories([{ fullName: 'acme/fork', fork: true }, { fullName: 'acme/attic', archived: true }]);
    const plan = await planRemoteAudit({ ...request, orgs: ['acme'], repos: ['acme/fork'] }, { apiUrl: api.apiUrl, token: api.token });
    expect(plan.repositories.map((r) => r.fullName)).toEqual(['acme/fork']);
  });

  it.each([
    ['acme/old-*', 'acme/old-tool', true],
    ['acme/old-*', 'acme/tool-old', false],
    ['*/widgets', 'ACME/Widgets', true],
    ['acme/*', 'acme/a.b', true],
    ['acme/wid?ets', 'acme/widgets', true],
    ['acme/w.dgets', 'acme/widgets', false],
    ['acme', 'acme/widgets', false],
  ])('--exclude %s on %s: %s', (pattern, name, excluded) => {
    expect(isExcludedRepository(name, [pattern])).toBe(excluded);
  });

  it('lists without a token (public repositories), sending no Authorization header', async () => {
    const api = await startGitHubApi();
    api.override({ path: '/orgs/acme/repos' }, { status: 200, body: [{ full_name: 'acme/public', clone_url: '/srv/public.git' }] });
    const plan = await planRemoteAudit({ ...request, orgs: ['acme'] }, { apiUrl: api.apiUrl, token: '' });
    expect(plan.repositories.map((r) => r.fullName)).toEqual(['acme/public']);
    expect(api.requests.map((r) => r.headers.authorization)).toEqual([undefined]);
  });

  it('stops with a safe message when an organization cannot be listed', async () => {
    const api = await startGitHubApi();
    await expect(planRemoteAudit({ ...request, orgs: ['nobody'] }, { apiUrl: api.apiUrl, token: 'wrong-token-123' })).rejects.toThrow(/^cannot list the repositories of nobody: GitHub API: 401 Bad credentials$/);
  });
});

describe('mirrors in the cache', () => {
  it('clones a bare mirror the first time and fetches into it after, the clone URL recorded as given', async () => {
    const source = TestRepo.init(makeTmpDir('mirror-source'));
    const first = source.commit({ 'a.txt': 'one\n' });
    const cache = makeTmpDir('mirror-cache');
    const cloned = await updateMirror({ cache, fullName: 'acme/widgets', cloneUrl: source.dir, token: 'ghp-not-a-real-token' });
    expect(cloned).toMatchObject({ dir: mirrorDir(cache, 'acme/widgets', source.dir), how: 'clone', empty: false });
    expect(git(cloned.dir, ['rev-parse', 'refs/heads/main'])).toBe(first);
    const second = source.commit({ 'a.txt': 'two\n' });
    const fetched = await updateMirror({ cache, fullName: 'acme/widgets', cloneUrl: source.dir, token: 'ghp-not-a-real-token' });
    expect(fetched).toMatchObject({ dir: cloned.dir, how: 'fetch' });
    expect(git(cloned.dir, ['rev-parse', 'refs/heads/main'])).toBe(second);
    const config = readFileSync(join(cloned.dir, 'config'), 'utf8');
    expect(config).toContain(`url = ${source.dir}`);
    expect(config).not.toContain('ghp-not-a-real-token');
    expect(config).not.toContain(Buffer.from('x-access-token:ghp-not-a-real-token').toString('base64'));
  });

  it('says an empty repository is empty, and a failing clone leaves nothing half made', async () => {
    const cache = makeTmpDir('mirror-cache');
    const empty = TestRepo.init(makeTmpDir('mirror-empty'), { bare: true });
    expect(await updateMirror({ cache, fullName: 'acme/empty', cloneUrl: empty.dir })).toMatchObject({ how: 'clone', empty: true });
    const missing = join(makeTmpDir('mirror-missing'), 'nothing.git');
    await expect(updateMirror({ cache, fullName: 'acme/missing', cloneUrl: missing })).rejects.toThrow(/git clone .*failed/);
    expect(() => readFileSync(join(mirrorDir(cache, 'acme/missing', missing), 'config'))).toThrow();
  });

  it('puts the token only in the environment, as an http.extraHeader, and allows https and local sources (http to loopback only)', () => {
    const env = remoteGitEnv('ghp-secret-token', 'https://github.com/acme/widgets.git');
    expect([env.GIT_CONFIG_COUNT, env.GIT_CONFIG_KEY_0]).toEqual(['1', 'http.extraHeader']);
    expect(env.GIT_CONFIG_VALUE_0).toBe(`Authorization: Basic ${Buffer.from('x-access-token:ghp-secret-token').toString('base64')}`);
    expect(env.GIT_ALLOW_PROTOCOL).toBe('https:file');
    expect(remoteGitEnv(undefined, '/srv/x.git').GIT_CONFIG_COUNT).toBe('0');
    expect(remoteGitEnv(undefined, 'http://127.0.0.1:8080/x.git').GIT_ALLOW_PROTOCOL).toBe('https:http:file');
    expect(remoteGitEnv(undefined, 'http://git.example/x.git').GIT_ALLOW_PROTOCOL).toBe('https:file');
  });

  it('sends the token to the git server as a header, in no URL', async () => {
    const seen: { url: string; authorization: string | undefined }[] = [];
    const server = createServer((req, res) => {
      seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const cloneUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/acme/widgets.git`;
      await expect(updateMirror({ cache: makeTmpDir('mirror-cache'), fullName: 'acme/widgets', cloneUrl, token: 'ghp-wire-token' })).rejects.toThrow(/git clone/);
    } finally {
      server.close();
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]?.authorization).toBe(`Basic ${Buffer.from('x-access-token:ghp-wire-token').toString('base64')}`);
    for (const request of seen) expect(request.url).not.toContain('ghp-wire-token');
  });

  it.each([
    ['https://github.com/acme/w.git', 'https://api.github.com', 'tok'],
    ['https://ghe.example/acme/w.git', 'https://ghe.example/api/v3', 'tok'],
    ['https://elsewhere.example/acme/w.git', 'https://api.github.com', undefined],
    ['file:///srv/w.git', 'https://api.github.com', undefined],
    ['/srv/w.git', 'https://api.github.com', undefined],
  ])('clones %s (API %s) with token %s', (cloneUrl, apiUrl, expected) => {
    expect(cloneToken(cloneUrl, apiUrl, 'tok')).toBe(expected);
  });

  it.each([
    ['https://github.com/acme/widgets.git', 'acme/widgets', ['mirrors', 'github.com', 'acme', 'widgets.git']],
    ['/srv/git/widgets.git', 'acme/widgets', ['mirrors', 'local', 'acme', 'widgets.git']],
  ])('keeps the mirror of %s under the cache by host, owner and name', (url, name, parts) => {
    expect(mirrorDir('/cache', name, url)).toBe(join('/cache', ...parts));
  });

  it.each(['acme/..', '../x', 'acme/a/b', 'acme'])('refuses %s as a repository name (it would become a path)', (name) => {
    expect(() => mirrorDir('/cache', name, '/srv/x.git')).toThrow(/not a repository name/);
  });

  it('defaults the cache to $XDG_CACHE_HOME/keywarden, else ~/.cache/keywarden', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/xdg' })).toBe(join('/xdg', 'keywarden'));
    expect(defaultCacheDir({})).toMatch(/[/\\]\.cache[/\\]keywarden$/);
  });
});

describe('the remote audit source', () => {
  it("tells its progress: each repository mirrored (with git's own progress) then scanned (blobs read of found), and the coverage once read", async () => {
    const [a, b] = [TestRepo.init(makeTmpDir('progress-a')), TestRepo.init(makeTmpDir('progress-b'))];
    a.commit({ 'a.txt': 'a\n' });
    b.commit({ 'b.txt': 'b\n', 'c.txt': 'c\n' });
    const plan = {
      repositories: [
        { fullName: 'acme/a', cloneUrl: a.dir, fork: false, archived: false, named: false, size: 1 },
        // Through git's transport (file://), which tells its progress as a remote clone does.
        { fullName: 'acme/b', cloneUrl: `file://${b.dir}`, fork: false, archived: false, named: false, size: 1 },
      ],
      notScanned: [],
    };
    const seen: string[] = [];
    const source = remoteAuditSource(plan, {
      cache: makeTmpDir('progress-cache'),
      apiUrl: 'https://api.github.com',
      maxBlobSize: 1 << 20,
      onProgress: (p) => seen.push(`${p.done}/${p.total} ${p.repository} ${p.step}${p.transfer ? ` ${p.transfer.stage} ${p.transfer.percent}%` : ''}${p.scan ? ` ${p.scan.done}/${p.scan.total}` : ''}`),
    });
    const result = await runThrough(source);
    const steps = seen.map((line) => line.split(' ').slice(0, 3).join(' ')).filter((line, i, all) => line !== all[i - 1]);
    expect(steps).toEqual(['0/2 acme/a mirroring', '0/2 acme/a scanning', '1/2 acme/b mirroring', '1/2 acme/b scanning', '2/2 acme/b done']);
    expect(seen).toContain('1/2 acme/b mirroring receiving objects 100%');
    // Each repository's last scan progress: every blob of its history read.
    expect(seen.filter((line) => line.startsWith('0/2 acme/a scanning ')).at(-1)).toBe('0/2 acme/a scanning 1/1');
    expect(seen.filter((line) => line.startsWith('1/2 acme/b scanning ')).at(-1)).toBe('1/2 acme/b scanning 2/2');
    expect(result.repositories).toEqual({ scanned: ['acme/a', 'acme/b'], notScanned: [] });
    expect(result.verdict.exitCode).toBe(0);
  });
});
