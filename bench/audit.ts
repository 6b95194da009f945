/**
 * `npm run bench -- audit`: an organisation audit of 40 local repositories (sizes from a few
 * dozen to ~1,500 commits, a few with keys), listed by the GitHub API stand-in and cloned from
 * local bare repositories. Timed against the plain way to do the same: for each repository in
 * turn, `git clone --mirror` and `keywarden history` of the mirror. Target: the audit
 * (`--concurrency 2`, fresh cache) takes at most 0.8 of that sum, with a peak RSS of at most
 * 400 MB; both report the same findings.
 */
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../src/rules/examples.js';
import { defaultToken, startGitHubApi } from '../test/helpers/github-api.js';
import { generateKeys } from './keys.js';
import { HarnessError, ensureDir, ensureGnuTime, formatMs, formatRss, keywardenCli, log, printTable, readKeywardenReport, runOnce, verdict, workDir, type Command } from './lib.js';
import { git, gitEnv } from './repo-build.js';

const seed = 20261205;
const repositoryCount = 40;
const reposDir = join(workDir, 'audit-repos');
const manifestFile = join(reposDir, `manifest-${seed}-${repositoryCount}.txt`);

/** Commits of repository `i`: most small, a few large, as an organisation's are. */
function commitsOf(i: number, random: () => number): number {
  return i % 10 === 0 ? 1_000 + Math.floor(random() * 500) : 20 + Math.floor(random() * 300);
}

/** One bare repository written by `git fast-import`: `commits` commits of 3 files each, a key in some. */
function buildRepository(dir: string, commits: number, key: string | undefined, random: () => number): void {
  git(reposDir, ['init', '-q', '--bare', dir]);
  const lines: string[] = [];
  const file = (path: string, content: string) => lines.push(`M 100644 inline ${path}`, `data ${Buffer.byteLength(content)}`, content);
  for (let c = 1; c <= commits; c++) {
    const when = 1_600_000_000 + c * 3_600;
    lines.push('commit refs/heads/main', `author Dev <dev@example.test> ${when} +0000`, `committer Dev <dev@example.test> ${when} +0000`, 'data 0');
    for (let f = 0; f < 3; f++) {
      const body = Array.from({ length: 20 + Math.floor(random() * 60) }, (_, line) => `export const value${line} = ${Math.floor(random() * 1e9)}; // commit ${c}`).join('\n');
      file(`src/module${(c * 3 + f) % 50}.ts`, `${body}\n`);
    }
    if (key !== undefined && c === Math.ceil(commits / 2)) file('config/.env', `API_KEY=${key}\n`);
  }
  const stream = join(reposDir, 'import.txt');
  writeFileSync(stream, `${lines.join('\n')}\n`);
  git(dir, ['fast-import', '--quiet'], { stdinFile: stream });
  rmSync(stream);
}

/** The 40 repositories, built once (cached by seed and count). */
function repositories(): { name: string; dir: string }[] {
  const random = seededRandom(seed);
  const keys = generateKeys(seed, repositoryCount);
  const repos = Array.from({ length: repositoryCount }, (_, i) => ({ name: `repo-${String(i).padStart(2, '0')}`, dir: join(reposDir, `repo-${String(i).padStart(2, '0')}.git`), commits: commitsOf(i, random), key: i % 7 === 0 ? keys[i]?.key : undefined }));
  if (!existsSync(manifestFile)) {
    rmSync(reposDir, { recursive: true, force: true });
    ensureDir(reposDir);
    log(`building ${repositoryCount} repositories (once)…`);
    for (const repo of repos) buildRepository(repo.dir, repo.commits, repo.key, random);
    writeFileSync(manifestFile, repos.map((repo) => `${repo.name} ${repo.commits}`).join('\n'));
  }
  return repos;
}

export async function runAuditBenchmark(): Promise<void> {
  ensureGnuTime();
  const cli = keywardenCli();
  const repos = repositories();
  const scratch = mkdtempSync(join(ensureDir(workDir), 'audit-run-'));
  const api = await startGitHubApi();
  try {
    api.seedRepositories(repos.map((repo) => ({ fullName: `acme/${repo.name}`, cloneUrl: repo.dir })));
    const env = { ...gitEnv, GITHUB_API_URL: api.apiUrl, GITHUB_TOKEN: defaultToken };

    // The plain way: each repository mirrored, then its history read, one after another.
    let plainMs = 0;
    let plainPeakKb = 0;
    let plainFindings = 0;
    for (const repo of repos) {
      const mirror = join(scratch, 'plain', `${repo.name}.git`);
      const clone: Command = { label: 'git clone --mirror', file: 'git', args: ['clone', '-q', '--mirror', repo.dir, mirror], env: gitEnv };
      const report = join(scratch, 'plain', `${repo.name}.json`);
      const history: Command = { label: 'keywarden history', file: process.execPath, args: [cli, 'history', mirror, '--format', 'json', '--output', report], env: gitEnv, okExitCodes: [0, 1] };
      for (const command of [clone, history]) {
        const sample = await runOnce(command);
        plainMs += sample.ms;
        plainPeakKb = Math.max(plainPeakKb, sample.peakRssKb);
      }
      plainFindings += readKeywardenReport(report).findings.length;
    }

    const auditReport = join(scratch, 'audit.json');
    const audit: Command = {
      label: 'keywarden audit --org',
      file: process.execPath,
      args: [cli, 'audit', '--org', 'acme', '--cache', join(scratch, 'cache'), '--concurrency', '2', '--no-verify', '--quiet', '--format', 'json', '--output', auditReport],
      env,
      okExitCodes: [0, 1],
    };
    const sample = await runOnce(audit);
    const auditFindings = readKeywardenReport(auditReport).findings.length;
    if (auditFindings !== plainFindings) throw new HarnessError(`the audit found ${auditFindings} keys, the repositories one by one ${plainFindings}`);

    printTable([
      ['', 'wall', 'peak RSS', 'findings'],
      [`git clone --mirror + keywarden history, ${repos.length} repositories in turn`, formatMs(plainMs), formatRss(plainPeakKb), String(plainFindings)],
      ['keywarden audit --org acme --concurrency 2 (fresh cache)', formatMs(sample.ms), formatRss(sample.peakRssKb), String(auditFindings)],
    ]);
    const results = [verdict('audit/(clone --mirror + history) time', sample.ms / plainMs, '<=', 0.8), verdict('audit peak RSS MB', sample.peakRssKb / 1024, '<=', 400)];
    for (const result of results) process.stdout.write(`${result.line}\n`);
  } finally {
    await api.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}
