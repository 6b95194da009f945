/**
 * `keywarden audit --resume` after a real kill (issue 14 item 5): the built CLI is SIGKILLed in
 * the middle of an audit, and run again with `--resume` it reports what an uninterrupted audit
 * reports, its keys live-checked as if scanned now, without cloning or fetching the repositories
 * the killed run finished; then its state is gone. And what the audit says of its state, and its
 * progress (never on a pipe).
 */
import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditStateNote } from '../../src/cli/audit.js';
import { auditEta, auditProgress, auditProgressText, formatDuration, progressBar } from '../../src/cli/progress.js';
import type { ReportFinding } from '../../src/report/schema.js';
import { runCli, startCli } from '../helpers/cli.js';
import { startGitHubApi } from '../helpers/github-api.js';
import { isolatedGitEnv, TestRepo } from '../helpers/history-repos.js';
import { keyFactory } from '../helpers/keys.js';
import { openRouterLike, startStandIn } from '../helpers/providers.js';
import { makeTmpDir } from '../helpers/tmp.js';

const keys = keyFactory(20261407);

/** A git server on loopback that, until `answer()`, takes requests and never replies (a clone stuck on the network), then answers 404. */
async function stuckGitServer(): Promise<{ url: string; asked: Promise<void>; answer: () => void; close: () => Promise<void> }> {
  let hanging = true;
  let asked!: () => void;
  const wasAsked = new Promise<void>((resolve) => (asked = resolve));
  const server: Server = createServer((_request, response) => {
    asked();
    if (!hanging) response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/acme/stuck.git`,
    asked: wasAsked,
    answer: () => {
      hanging = false;
      // The killed run's git is still waiting: let it fail now.
      server.closeAllConnections();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Report {
  findings: ReportFinding[];
  repositories?: { scanned: string[]; notScanned: { repository: string }[] };
}

const places = (report: Report) => report.findings.map((f) => [f.repository, f.path, f.commit, f.secretHash, f.verification?.status].join(' ')).sort();

describe('keywarden audit --resume', () => {
  it('after a SIGKILL, reports what an uninterrupted audit does without fetching the finished repositories again, then drops its state', async () => {
    const shared = keys.openrouter();
    const api = await startGitHubApi();
    const stuck = await stuckGitServer();
    const sources = ['one', 'two', 'three'].map((name) => {
      const repo = TestRepo.init(makeTmpDir(`kill-${name}`));
      repo.commit({ 'app.env': `OPENROUTER_API_KEY=${shared}\n`, [`${name}.env`]: `KEY=${keys.openrouter()}\n` }, 'keys');
      return { name, repo };
    });
    api.seedRepositories([...sources.map(({ name, repo }) => ({ fullName: `acme/${name}`, cloneUrl: repo.dir })), { fullName: 'acme/stuck', cloneUrl: stuck.url }]);
    const provider = await startStandIn(openRouterLike({ live: [shared] }));
    const env = { ...isolatedGitEnv, GITHUB_API_URL: api.apiUrl, GITHUB_TOKEN: api.token, OPENROUTER_BASE_URL: `${provider.origin}/api/v1` };
    const args = (cache: string, more: string[] = []) => ['audit', '--org', 'acme', '--concurrency', '1', '--format', 'json', '--cache', cache, ...more];

    const cache = makeTmpDir('kill-cache');
    const killed = startCli(args(cache), { cwd: makeTmpDir('kill-cwd'), env });
    // The stuck repository is last: once git asks for it, the three before it are finished.
    await stuck.asked;
    const [stateFile] = readdirSync(join(cache, 'audits'));
    const state = JSON.parse(readFileSync(join(cache, 'audits', stateFile ?? ''), 'utf8')) as { finished: { repository: string }[] };
    expect(state.finished.map((entry) => entry.repository)).toEqual(['acme/one', 'acme/two', 'acme/three']);
    const exited = new Promise((resolve) => killed.on('close', resolve));
    killed.kill('SIGKILL');
    await exited;
    stuck.answer();

    const whole = await runCli(args(makeTmpDir('kill-whole')), { cwd: makeTmpDir('kill-cwd'), env });
    const checksBefore = provider.requestsFor(shared).length;
    // Gone from where they were cloned: a clone or fetch of a finished repository would fail, and say so.
    for (const { repo } of sources) renameSync(repo.dir, `${repo.dir}-gone`);
    const resumed = await runCli(args(cache, ['--resume']), { cwd: makeTmpDir('kill-cwd'), env });
    await stuck.close();

    expect(resumed.stderr).toContain('resuming: 3 of 4 repositories already scanned');
    expect([resumed.code, whole.code]).toEqual([1, 1]);
    const [before, after] = [JSON.parse(whole.stdout) as Report, JSON.parse(resumed.stdout) as Report];
    expect(places(after)).toEqual(places(before));
    expect(places(after).filter((place) => place.endsWith(' live'))).toHaveLength(3);
    // The resumed run checked the recovered key again, once for its three places.
    expect(provider.requestsFor(shared).length - checksBefore).toBe(1);
    expect(after.repositories).toEqual(before.repositories);
    expect(after.repositories?.notScanned.map((n) => n.repository)).toEqual(['acme/stuck']);
    expect(resumed.stderr).not.toMatch(/not scanned: acme\/(one|two|three)/);
    // Not a terminal: no progress drawn.
    expect(resumed.stderr).not.toContain('\r');
    expect(readdirSync(join(cache, 'audits'))).toEqual([]);
    expect(resumed.stdout + resumed.stderr).not.toContain(shared);
    expect(existsSync(join(cache, 'mirrors', 'local', 'acme', 'one.git'))).toBe(true);
  });
});

describe('what the audit says of its state', () => {
  it('refuses --resume for a local PATH: there is no remote audit to resume', async () => {
    const run = await runCli(['audit', '.', '--resume'], { cwd: makeTmpDir('resume-local'), env: isolatedGitEnv });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--resume needs --repo, --org or --user');
  });

  it.each([
    [{ resume: true, found: 312, done: 312, total: 500 }, 'resuming: 312 of 500 repositories already scanned\n'],
    [{ resume: true, found: 0, done: 0, total: 1 }, 'resuming: 0 of 1 repository already scanned\n'],
    [{ resume: false, found: 12, done: 0, total: 40 }, 'keywarden: an interrupted run of this audit can be resumed (12 repositories finished): starting afresh; --resume continues it\n'],
    [{ resume: false, found: 0, done: 0, total: 40 }, ''],
  ])('%j → %j', (state, note) => {
    expect(auditStateNote(state)).toBe(note);
  });
});

describe("the audit's progress", () => {
  it.each([
    [0, '0s'],
    [44_600, '45s'],
    [200_000, '3m 20s'],
    [7_500_000, '2h 05m'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each([
    [{ done: 0, total: 10, resumed: 0, elapsedMs: 5000 }, undefined],
    [{ done: 2, total: 10, resumed: 0, elapsedMs: 20_000 }, 80_000],
    // Two finished by an earlier run took no time here: the time per repository is from the other two.
    [{ done: 4, total: 10, resumed: 2, elapsedMs: 20_000 }, 60_000],
    [{ done: 2, total: 10, resumed: 2, elapsedMs: 1000 }, undefined],
    [{ done: 10, total: 10, resumed: 0, elapsedMs: 1000 }, undefined],
  ])('estimates the time left of %j as %s ms', (progress, eta) => {
    expect(auditEta(progress)).toBe(eta);
  });

  it.each([
    [{ step: 'mirroring' as const }, undefined, 'acme/w: mirroring'],
    [{ step: 'mirroring' as const, transfer: { stage: 'receiving objects', percent: 45 } }, 200_000, 'acme/w: mirroring (receiving objects 45%), ~3m 20s left'],
    [{ step: 'scanning' as const, scan: { done: 120, total: 300 } }, 45_000, 'acme/w: scanning (120/300 blobs), ~45s left'],
    [{ step: 'resumed' as const }, undefined, 'acme/w: resumed'],
    [{ step: 'done' as const }, 1000, undefined],
  ])('describes %j (ETA %s) as %s', (more, eta, text) => {
    expect(auditProgressText({ done: 3, total: 10, repository: 'acme/w', ...more }, eta)).toBe(text);
  });

  it('draws repositories done of all and the time left on a terminal, and nothing on a pipe', () => {
    const written: string[] = [];
    let now = 0;
    const terminal = { isTTY: true, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    const show = auditProgress(progressBar('audit', terminal), () => now);
    now = 30_000;
    show({ done: 1, total: 4, repository: 'acme/b', step: 'mirroring', transfer: { stage: 'receiving objects', percent: 50 } });
    expect(written.at(-1)).toBe(`\raudit [########......................] 1/4 acme/b: mirroring (receiving objects 50%), ~1m 30s left\x1b[K`);
    const piped: string[] = [];
    const pipe = { isTTY: false, write: (text: string) => piped.push(text) } as unknown as NodeJS.WriteStream;
    const silent = auditProgress(progressBar('audit', pipe), () => now);
    silent({ done: 1, total: 4, repository: 'acme/b', step: 'scanning' });
    progressBar('audit', pipe).done();
    expect(piped).toEqual([]);
  });
});
