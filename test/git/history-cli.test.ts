/**
 * `keywarden history` against real repositories. Formats, ranges, narrowing, suppressions and
 * git's failures run in this process, as the command builds its run (test/helpers/in-process.ts;
 * the pipeline alone is in history.test.ts); the built CLI keeps the repository argument,
 * GIT_DIR, stderr, the exit codes and the checks made before the run starts.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { git, isolatedGitEnv, TestRepo } from '../helpers/history-repos.js';
import { history as historyRun } from '../helpers/in-process.js';
import { keyFactory } from '../helpers/keys.js';
import { cleanTmpDirs, makeTmpDir } from '../helpers/tmp.js';

cleanTmpDirs('all');
// History runs git in this process too: keep the machine's git config out of it.

const keys = keyFactory(3004);
const historyCli = (args: string[], cwd: string) => runCli(['history', ...args], { cwd, env: isolatedGitEnv });
/** `keywarden history FLAGS` in this process, as json unless `format` says otherwise. */
const history = (cwd: string, flags: NonNullable<Parameters<typeof historyRun>[1]> = {}) => historyRun(cwd, { format: 'json', ...flags });

interface JsonFinding {
  source: string;
  path: string;
  line: number;
  commit?: string;
  author?: string;
  email?: string;
  date?: string;
  fingerprint: string;
  secret?: string;
}

const findingsOf = (stdout: string) => (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;

describe('keywarden history (CLI)', () => {
  let repo: TestRepo;
  let deleted: string;
  let kept: string;
  let addCommit: string;
  let keepCommit: string;
  let base: string;

  beforeAll(() => {
    repo = TestRepo.init(makeTmpDir('history-cli'));
    deleted = keys.openrouter();
    kept = keys.tokenrouterLive();
    base = repo.commit({ 'README.md': '# app\n' }, 'start');
    addCommit = repo.commit({ 'secrets/dev.env': `KEY=${deleted}\n` }, 'add dev env', { author: { name: 'Dana Dev', email: 'dana@example.test' } });
    repo.commit({ 'secrets/dev.env': null }, 'remove dev env');
    keepCommit = repo.commit({ 'src/client.ts': `export const key = "${kept}";\n` }, 'client');
  });

  it('exits 1 and reports each key with the commit that introduced it (json)', async () => {
    const run = await history(repo.dir);
    expect(run.code).toBe(1);
    const findings = findingsOf(run.report);
    expect(findings.map((f) => [f.source, f.path, f.line, f.commit])).toEqual([
      ['history', 'secrets/dev.env', 1, addCommit],
      ['history', 'src/client.ts', 1, keepCommit],
    ]);
    expect(findings[0]).toMatchObject({ author: 'Dana Dev', email: 'dana@example.test', date: '2021-01-01T01:00:00+00:00' });
    const printed = [run.report, ...run.warnings].join('\n');
    expect(printed).not.toContain(deleted);
    expect(printed).not.toContain(kept);
  });

  it.each(['human', 'jsonl', 'sarif', 'markdown'] as const)('names the commit in the %s report and keeps raw keys out', async (format) => {
    const run = await history(repo.dir, { format });
    expect(run.code).toBe(1);
    expect(run.report).toContain(addCommit.slice(0, 12));
    const printed = [run.report, ...run.warnings].join('\n');
    expect(printed).not.toContain(deleted);
    expect(printed).not.toContain(kept);
    const shown = await history(repo.dir, { format, showSecrets: true });
    expect(shown.report).toContain(deleted);
  });

  it('draws no progress bar when stderr is not a terminal, and exits 1 with no raw key printed', async () => {
    const run = await historyCli([], repo.dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain(deleted);
    expect(run.stdout).not.toContain(kept);
  });

  it('scans the repository given as an argument, from anywhere, with repository paths', async () => {
    const run = await history(makeTmpDir('elsewhere'), { REPO: repo.dir });
    expect(findingsOf(run.report).map((f) => f.path)).toEqual(['secrets/dev.env', 'src/client.ts']);
  });

  it('reads the repository it is given, not the one a calling hook points GIT_DIR at', async () => {
    const other = TestRepo.init(makeTmpDir('history-other'));
    other.commit({ 'a.txt': 'nothing here\n' });
    const run = await runCli(['history', repo.dir, '--format', 'json'], { cwd: other.dir, env: { ...isolatedGitEnv, GIT_DIR: join(other.dir, '.git') } });
    expect(run.code).toBe(1);
    expect(findingsOf(run.stdout).map((f) => f.path)).toEqual(['secrets/dev.env', 'src/client.ts']);
  });

  it('--range reports only what the range added', async () => {
    const run = await history(repo.dir, { range: `${addCommit}..HEAD` });
    expect(run.code).toBe(1);
    expect(findingsOf(run.report).map((f) => [f.path, f.commit])).toEqual([['src/client.ts', keepCommit]]);
    const none = await history(repo.dir, { range: `${base}..${base}`, format: 'human' });
    expect(none.code).toBe(0);
  });

  it('--branch and --since narrow the walk', async () => {
    const since = await history(repo.dir, { since: '2021-01-01T02:30:00Z' });
    expect(findingsOf(since.report).map((f) => f.path)).toEqual(['src/client.ts']);
    const branch = await history(repo.dir, { branch: [base] });
    expect(branch.code).toBe(0);
  });

  it('honours .keywardenignore at the work tree root, --config excludes and --baseline', async () => {
    const scratch = makeTmpDir('history-cli-suppress');
    const clone = join(scratch, 'clone');
    git(scratch, ['clone', '-q', repo.dir, clone]);
    const all = findingsOf((await history(clone)).report);
    const fingerprint = all.find((f) => f.path === 'src/client.ts')?.fingerprint ?? '';

    writeFileSync(join(clone, '.keywardenignore'), `# reviewed\n${fingerprint}\n`);
    const ignored = await history(join(clone, 'src'));
    expect(findingsOf(ignored.report).map((f) => f.path)).toEqual(['secrets/dev.env']);

    writeFileSync(join(clone, '.keywardenignore'), 'secrets/\n');
    expect(findingsOf((await history(clone)).report).map((f) => f.path)).toEqual(['src/client.ts']);

    writeFileSync(join(clone, '.keywardenignore'), '');
    writeFileSync(join(scratch, 'config.yaml'), 'exclude: ["src/**"]\n');
    const configured = await history(clone, { config: join(scratch, 'config.yaml') });
    expect(findingsOf(configured.report).map((f) => f.path)).toEqual(['secrets/dev.env']);

    const report = join(scratch, 'baseline.json');
    writeFileSync(report, (await history(clone)).report);
    const baselined = await history(clone, { baseline: report, format: 'human' });
    expect(baselined.code).toBe(0);
  });

  it('exits 0 on a clean history', async () => {
    const clean = TestRepo.init(makeTmpDir('history-clean'));
    clean.commit({ 'a.txt': 'OPENROUTER_API_KEY=sk-or-v1-your_key_here\n' });
    const run = await history(clean.dir, { format: 'human' });
    expect(run.code).toBe(0);
    expect(run.report).toContain('no leaked keys');
  });

  it('scans a bare repository', async () => {
    const bare = makeTmpDir('history-bare');
    git(bare, ['clone', '-q', '--bare', repo.dir, '.']);
    const run = await history(bare);
    expect(run.code).toBe(1);
    expect(findingsOf(run.report)).toHaveLength(2);
  });

  it.each([
    ['a directory that is not a repository', () => ({ REPO: makeTmpDir('not-a-repo') }), /not a git repository/],
    ['a path that does not exist', () => ({ REPO: join(makeTmpDir('gone'), 'nope') }), /not a directory/],
    ['a bad range', () => ({ range: 'no-such..HEAD' }), /bad revision/],
    ['an unknown branch', () => ({ branch: ['no-such-branch'] }), /bad revision/],
  ])('exits 2 on %s', async (_name, flags, message) => {
    const run = await history(repo.dir, flags());
    expect(run.code).toBe(2);
    expect(run.error).toMatch(message);
  });

  // What the command checks before the run starts: the bin only.
  it.each([
    ['a branch that looks like an option', ['history', '--branch=--output=x'], /not a revision/],
    ['--range with --branch', ['history', '--range', 'HEAD~1..HEAD', '--branch', 'main'], /cannot be combined/],
  ])('exits 2 on %s (end to end)', async (_name, args, message) => {
    const run = await runCli(args, { cwd: repo.dir, env: isolatedGitEnv });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('exits 2, not 0, when git itself fails mid-scan (a corrupt object)', async () => {
    const broken = TestRepo.init(makeTmpDir('history-broken'));
    broken.commit({ 'a.txt': 'a\n' });
    const tree = git(broken.dir, ['rev-parse', 'HEAD^{tree}']);
    const objects = join(broken.dir, '.git', 'objects', tree.slice(0, 2));
    mkdirSync(objects, { recursive: true });
    rmSync(join(objects, tree.slice(2)), { force: true });
    writeFileSync(join(objects, tree.slice(2)), 'not a zlib stream');
    const run = await history(broken.dir, { format: 'human' });
    expect(run.code).toBe(2);
  });
});
