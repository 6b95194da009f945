/**
 * `keywarden audit --org/--user/--repo` end to end (SPEC §8): GitHub's listing from the API
 * stand-in, local bare repositories as clone sources, mirrors in a temporary cache, one report
 * for every repository, each key checked once, and each repository that could not be read a
 * warning while the audit goes on.
 */
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportFinding } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli.js';
import { startGitHubApi, type GitHubApi } from '../helpers/github-api.js';
import { isolatedGitEnv, TestRepo } from '../helpers/history-repos.js';
import { keyFactory } from '../helpers/keys.js';
import { openRouterLike, startStandIn } from '../helpers/providers.js';
import { makeTmpDir } from '../helpers/tmp.js';

const keys = keyFactory(20261205);

interface Report {
  findings: ReportFinding[];
  repositories?: { scanned: string[]; notScanned: { repository: string; reason: string }[] };
}

/** Two repositories holding the same key at the same path (and one key each of their own), an empty one, one whose clone fails, a fork. */
function organization(api: GitHubApi) {
  const [shared, own] = [keys.openrouter(), keys.agentrouter()];
  const widgets = TestRepo.init(makeTmpDir('org-widgets'));
  widgets.commit({ 'app.env': `KEY=${shared}\n` }, 'key');
  const gadgets = TestRepo.init(makeTmpDir('org-gadgets'));
  gadgets.commit({ 'app.env': `KEY=${shared}\n`, 'own.env': `KEY=${own}\n` }, 'keys');
  const forked = TestRepo.init(makeTmpDir('org-fork'));
  forked.commit({ 'app.env': `KEY=${keys.tokenrouterLive()}\n` }, 'key');
  const empty = TestRepo.init(makeTmpDir('org-empty'), { bare: true });
  api.seedRepositories([
    { fullName: 'acme/widgets', cloneUrl: widgets.dir },
    { fullName: 'acme/gadgets', cloneUrl: `file://${gadgets.dir}` },
    { fullName: 'acme/empty', cloneUrl: empty.dir },
    { fullName: 'acme/broken', cloneUrl: join(makeTmpDir('org-broken'), 'nothing.git') },
    { fullName: 'acme/forked', cloneUrl: forked.dir, fork: true },
  ]);
  return { shared, own, widgets, gadgets };
}

async function audit(api: GitHubApi, args: string[], cache: string, provider?: { origin: string }) {
  const env = { ...isolatedGitEnv, GITHUB_API_URL: api.apiUrl, GITHUB_TOKEN: api.token, ...(provider ? { OPENROUTER_BASE_URL: `${provider.origin}/api/v1` } : {}) };
  return runCli(['audit', ...args, '--cache', cache], { cwd: makeTmpDir('audit-cwd'), env });
}

describe('keywarden audit --org/--repo', () => {
  it('reads every repository into one report, each finding with its repository, each key checked once, and each repository not read a warning', async () => {
    const api = await startGitHubApi();
    const { shared, own } = organization(api);
    const provider = await startStandIn(openRouterLike({ live: [shared] }));
    const run = await audit(api, ['--org', 'acme', '--repo', 'acme/gone', '--format', 'json'], makeTmpDir('audit-cache'), provider);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings.map((f) => [f.repository, f.path, f.verification?.status]).sort()).toEqual([
      ['acme/gadgets', 'app.env', 'live'],
      ['acme/gadgets', 'own.env', 'skipped'],
      ['acme/widgets', 'app.env', 'live'],
    ]);
    // The same key at the same path in two repositories: two findings, and one live check.
    expect(new Set(report.findings.map((f) => f.fingerprint)).size).toBe(3);
    expect(provider.requestsFor(shared)).toHaveLength(1);
    expect(report.repositories?.scanned.sort()).toEqual(['acme/gadgets', 'acme/widgets']);
    expect(report.repositories?.notScanned.map((n) => n.repository).sort()).toEqual(['acme/broken', 'acme/empty', 'acme/gone']);
    expect(run.stderr).toContain('not scanned: acme/gone: GitHub API: 404 Not Found');
    expect(run.stderr).toContain('not scanned: acme/empty: empty repository');
    expect(run.stderr).toMatch(/not scanned: acme\/broken: git clone .*failed/);
    expect(run.stderr).not.toContain('acme/forked');
    for (const secret of [shared, own, api.token]) expect(run.stdout + run.stderr).not.toContain(secret);
  });

  it('exits 2 when a repository could not be read and nothing was found, the last line saying why', async () => {
    const api = await startGitHubApi();
    const clean = TestRepo.init(makeTmpDir('clean'));
    clean.commit({ 'README.md': 'hello\n' });
    api.seedRepositories([{ fullName: 'acme/clean', cloneUrl: clean.dir }, { fullName: 'acme/broken', cloneUrl: join(makeTmpDir('gone'), 'x.git') }]);
    const run = await audit(api, ['--repo', 'acme/clean', '--repo', 'acme/broken', '--no-verify'], makeTmpDir('audit-cache'));
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/exit 2: not every repository/);
  });

  it('fetches into the mirror it made the first time, and finds what is new', async () => {
    const api = await startGitHubApi();
    const repo = TestRepo.init(makeTmpDir('again'));
    repo.commit({ 'a.env': `KEY=${keys.openrouter()}\n` });
    api.seedRepositories([{ fullName: 'acme/again', cloneUrl: repo.dir }]);
    const cache = makeTmpDir('audit-cache');
    const first = await audit(api, ['--user', 'acme', '--no-verify', '--format', 'json'], cache);
    expect((JSON.parse(first.stdout) as Report).findings.map((f) => f.path)).toEqual(['a.env']);
    const mirror = join(cache, 'mirrors', 'local', 'acme', 'again.git');
    // A mark a new clone would not have: the second audit must fetch into this very mirror.
    writeFileSync(join(mirror, 'keywarden-test-mark'), 'kept\n');
    repo.commit({ 'b.env': `KEY=${keys.agentrouter()}\n` });
    const second = await audit(api, ['--user', 'acme', '--no-verify', '--format', 'json'], cache);
    expect((JSON.parse(second.stdout) as Report).findings.map((f) => f.path).sort()).toEqual(['a.env', 'b.env']);
    expect(existsSync(join(mirror, 'keywarden-test-mark'))).toBe(true);
    expect(readFileSync(join(mirror, 'config'), 'utf8')).not.toContain(api.token);
  });

  it('stops (exit 2) when an organization cannot be listed: it would not know what it missed', async () => {
    const api = await startGitHubApi();
    api.fail({ path: '/orgs/acme/repos' }, 404);
    const run = await audit(api, ['--org', 'acme', '--no-verify'], makeTmpDir('audit-cache'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('keywarden: cannot list the repositories of acme: GitHub API: 404 Not Found');
    expect(run.stderr).not.toContain(api.token);
  });

  it.each([
    [['.', '--repo', 'acme/widgets'], /a local PATH or --repo\/--org\/--user, not both/],
    [['--repo', 'widgets'], /--repo takes OWNER\/NAME, not widgets/],
    [['.', '--include-forks'], /--include-forks needs --repo, --org or --user/],
    [['.', '--cache', '/tmp'], /--cache needs --repo, --org or --user/],
    [['--exclude', 'acme/*'], /--exclude needs --repo, --org or --user/],
    [['--org', 'acme', '--concurrency', '0'], /--concurrency: a whole number from 1 to 16, not 0/],
  ])('refuses %j', async (args, message) => {
    const api = await startGitHubApi();
    const run = await audit(api, args, makeTmpDir('audit-cache'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(api.requests).toHaveLength(0);
  });
});
