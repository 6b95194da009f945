/**
 * `keywarden verify` re-checks keys piped in or read back from a json report, against real
 * stand-ins for the providers on 127.0.0.1. What it recovers, checks and decides runs in this
 * process, as the command builds its run (test/helpers/in-process.ts); stdin, stdout, stderr,
 * --report/--root from argv and exit codes through the built CLI (the last describe).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';
import { isolatedGitEnv, TestRepo } from '../helpers/history-repos.js';
import { history, scan, verify as verifyRun, type InProcessRun } from '../helpers/in-process.js';
import { keyFactory } from '../helpers/keys.js';
import { agentRouterLike, openRouterLike, startStandIn, tokenRouterLike, type StandIn } from '../helpers/providers.js';
import { cleanTmpDirs, makeTmpDir, writeTree, type Tree } from '../helpers/tmp.js';
import type { ReportFinding } from '../../src/report/model.js';

cleanTmpDirs('all');
// History runs git in this process: keep the machine's git config out of it.

const keys = keyFactory(20261125);

/** The json report's findings, as the reporter defines them. */
type JsonFinding = ReportFinding;

const findingsOf = (stdout: string) => (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;
/** stdout of the bin, or the report of a run in process. */
const outputOf = (run: CliRun | InProcessRun) => ('stdout' in run ? run.stdout : run.report);
const statuses = (run: CliRun | InProcessRun) => findingsOf(outputOf(run)).map((f) => [f.ruleId, f.verification?.status]);

interface Providers {
  openrouter: StandIn;
  tokenrouter: StandIn;
  agentrouter: StandIn;
  env: Record<string, string>;
}

/** All three providers, answering `live` for the keys given and 401/403 for any other. */
async function providers(live: string[] = []): Promise<Providers> {
  const [openrouter, tokenrouter, agentrouter] = await Promise.all([
    startStandIn(openRouterLike({ live })),
    startStandIn(tokenRouterLike({ live })),
    startStandIn(agentRouterLike({ live })),
  ]);
  const env = {
    OPENROUTER_BASE_URL: `${openrouter.origin}/api/v1`,
    TOKENROUTER_BASE_URL: tokenrouter.origin,
    AGENTROUTER_BASE_URL: agentrouter.origin,
    ...isolatedGitEnv,
  };
  return { openrouter, tokenrouter, agentrouter, env };
}

const verifyCli = (args: string[], options: { cwd: string; env: Record<string, string>; input?: string }) => runCli(['verify', ...args], options);

/** `keywarden verify FLAGS` in this process, as json unless `format` says otherwise. */
const verify = (cwd: string, flags: NonNullable<Parameters<typeof verifyRun>[1]>, env: Record<string, string> = {}) => verifyRun(cwd, { format: 'json', ...flags }, env);

/** Everything a run printed: stdout and stderr, or in process the report, the warnings and the error. */
const printed = (run: CliRun | InProcessRun) => ('stdout' in run ? run.stdout + run.stderr : [run.report, ...run.warnings, run.why ?? '', run.error ?? ''].join('\n'));

function expectNoRawKey(run: CliRun | InProcessRun, secrets: string[]) {
  for (const secret of secrets) expect(printed(run)).not.toContain(secret);
}

const tree = (files: Tree) => writeTree(makeTmpDir('verify'), files);

/** `scan -f json` of a tree, written to `report.json` beside it (not inside, so it is not scanned). */
async function scanReport(root: string, flags: { showSecrets?: boolean } = {}): Promise<string> {
  const report = join(makeTmpDir('verify-report'), 'report.json');
  const run = await scan(root, { format: 'json', ...flags });
  expect(run.code).toBe(1);
  writeFileSync(report, run.report);
  return report;
}

describe('keywarden verify, keys on stdin', () => {
  it('checks each key with its own provider, once, and keeps junk lines out of every output', async () => {
    const live = keys.openrouter();
    const dead = keys.tokenrouterLive();
    const junk = `password=${keys.chars('alnum', 24)}`;
    const p = await providers([live]);
    const input = [live, junk, '', `  ${dead}  `, live, ''].join('\n');
    const run = await verify(makeTmpDir('verify'), { stdin: input }, p.env);

    expect(run.code).toBe(1); // a live key, under the default --fail-on live
    const findings = findingsOf(run.report);
    expect(findings.map((f) => [f.ruleId, f.source, f.line, f.column, f.verification?.status])).toEqual([
      ['openrouter.api-key', 'input', 1, 1, 'live'],
      ['tokenrouter.live-key', 'input', 4, 3, 'invalid'],
    ]);
    for (const finding of findings) expect(finding).not.toHaveProperty('path');
    expect(findings[0]?.verification?.detail).toMatchObject({ usage: 12.5, is_management_key: false });

    // The duplicate was checked once, and each key went only to the provider whose rule matched it.
    expect(p.openrouter.requests.map((r) => r.key)).toEqual([live]);
    expect(p.tokenrouter.requests.map((r) => r.key)).toEqual([dead]);
    expect(p.agentrouter.requests).toEqual([]);

    expect(run.warnings).toContain('line 2: no key found');
    expect(run.warnings.join('\n')).not.toContain('line 3');
    expect(printed(run)).not.toContain(junk.slice('password='.length));
    expectNoRawKey(run, [live, dead]);
  });

  it.each([
    { what: 'only dead keys, default --fail-on live', flags: {}, code: 0 },
    { what: 'only dead keys, --fail-on any', flags: { failOn: 'any' as const }, code: 1 },
  ])('exits $code with $what', async ({ flags, code }) => {
    const dead = [keys.openrouter(), keys.tokenrouterTest()];
    const p = await providers();
    const run = await verify(makeTmpDir('verify'), { ...flags, stdin: `${dead.join('\n')}\n` }, p.env);
    expect(run.code).toBe(code);
    expect(statuses(run)).toEqual([
      ['openrouter.api-key', 'invalid'],
      ['tokenrouter.test-key', 'invalid'],
    ]);
  });

  it('exits 0 when no line holds a key, and asks no provider', async () => {
    const p = await providers();
    const run = await verify(makeTmpDir('verify'), { stdin: 'hello\nsk-or-v1-your_key_here\n' }, p.env);
    expect(run.code).toBe(0);
    expect(findingsOf(run.report)).toEqual([]);
    expect(run.warnings).toContain('line 1: no key found');
    expect(run.warnings).toContain('line 2: no key found');
    expect(p.openrouter.requests).toEqual([]);
  });

  it('prints raw keys only with --show-secrets', async () => {
    const live = keys.openrouter();
    const p = await providers([live]);
    const run = await verify(makeTmpDir('verify'), { showSecrets: true, stdin: `${live}\n` }, p.env);
    expect(findingsOf(run.report)[0]?.secret).toBe(live);
  });

  it('reports only the outcomes asked for with --results', async () => {
    const live = keys.openrouter();
    const dead = keys.openrouter();
    const p = await providers([live]);
    const run = await verify(makeTmpDir('verify'), { results: 'invalid', stdin: `${live}\n${dead}\n` }, p.env);
    expect(statuses(run)).toEqual([['openrouter.api-key', 'invalid']]);
    expect(run.code).toBe(1); // --results chooses what is shown, never the verdict: the live key left out still fails the run
  });
});

describe('keywarden verify --report', () => {
  it('re-reads keys from the files a report without secrets points at, keeping every other field', async () => {
    const live = keys.openrouter();
    const dead = keys.agentrouter();
    const root = tree({ '.env': `# keys\nOPENROUTER_API_KEY=${live}\n`, 'src/agent.ts': `export const key = "${dead}";\nexport const again = "${live}";\n` });
    const report = await scanReport(root);
    const before = findingsOf(readFileSync(report, 'utf8'));
    expect(before.every((f) => f.secret === undefined)).toBe(true);

    const p = await providers([live]);
    const run = await verify(root, { report }, p.env);
    expect(run.code).toBe(1);
    const after = findingsOf(run.report);
    // Live first; otherwise what the scan said, field for field.
    expect(after.map((f) => [f.path, f.line, f.verification?.status])).toEqual([
      ['.env', 2, 'live'],
      ['src/agent.ts', 2, 'live'],
      ['src/agent.ts', 1, 'invalid'],
    ]);
    for (const finding of after) expect(before).toContainEqual({ ...finding, verification: undefined });
    expect(p.openrouter.requestsFor(live)).toHaveLength(1);
    expect(p.agentrouter.requestsFor(dead)).toHaveLength(1);
    expectNoRawKey(run, [live, dead]);
  });

  it('uses the keys a --show-secrets report holds, even when the files are gone, from any directory', async () => {
    const live = keys.tokenrouterLive();
    const root = tree({ 'app.env': `TOKENROUTER_KEY=${live}\n` });
    const report = await scanReport(root, { showSecrets: true });
    writeFileSync(join(root, 'app.env'), 'TOKENROUTER_KEY=\n');

    const p = await providers([live]);
    const run = await verify(makeTmpDir('elsewhere'), { report }, p.env);
    expect(run.code).toBe(1);
    expect(statuses(run)).toEqual([['tokenrouter.live-key', 'live']]);
    expect(p.tokenrouter.requestsFor(live)).toHaveLength(1);
    expectNoRawKey(run, [live]); // the report held it; this run was not asked to print it
  });

  it('skips, with the reason, a key whose file no longer has it; never an error for the run', async () => {
    const gone = keys.openrouter();
    const stays = keys.openrouter();
    const root = tree({ '.env': `A=${gone}\n`, 'b.env': `B=${stays}\n` });
    const report = await scanReport(root);
    writeFileSync(join(root, '.env'), `A=${keys.openrouter()}\n`);

    const p = await providers([stays]);
    const run = await verify(root, { report }, p.env);
    expect(run.code).toBe(1); // b.env's key is live
    const findings = findingsOf(run.report);
    expect(findings.map((f) => [f.path, f.verification?.status])).toEqual([
      ['b.env', 'live'],
      ['.env', 'skipped'],
    ]);
    expect(findings[1]?.verification).toEqual({
      status: 'skipped',
      detail: {},
      reason: 'the report holds no key (make it with --show-secrets) and .env:1 no longer has it',
    });
    expect(findings[1]?.redacted).toBe(`sk-or-v1-${gone.slice(9, 13)}…${gone.slice(-4)}`);
    expect(p.openrouter.requests.map((r) => r.key)).toEqual([stays]);

    // Showing only the skipped one does not hide the live one from the verdict.
    const onlyGone = await verify(root, { report, results: 'skipped' }, p.env);
    expect(onlyGone.code).toBe(1);
    expect(findingsOf(onlyGone.report).map((f) => f.path)).toEqual(['.env']);
    const any = await verify(root, { report, failOn: 'any', results: 'skipped', format: 'human' }, p.env);
    expect(any.code).toBe(1);
    expectNoRawKey(run, [gone, stays]);
  });

  it.each([
    ['a path out of --root', (outside: string) => `../${outside}/k.env`, 1],
    ['an absolute path', (outside: string) => `/tmp/${outside}/k.env`, 1],
    ['a symlink out of --root', () => 'link/k.env', 1],
    ['a FIFO, which would never end', () => 'fifo', 1],
    ['a device that never ends', () => '/dev/zero', 2],
    ['an endless device, far down', () => '/dev/urandom', 1_000_000_000],
  ])('reads nothing through %s in a report, and skips the key quickly', async (_what, pathOf, line) => {
    const key = keys.openrouter();
    const base = makeTmpDir('verify-contain');
    const outsideName = base.split('/').pop() ?? '';
    // The key really is there, outside the root: a hostile report must still not make keywarden read it.
    writeTree(base, { 'k.env': `K=${key}\n`, 'root/README.md': 'nothing\n' });
    const root = join(base, 'root');
    symlinkSync(base, join(root, 'link'));
    execFileSync('mkfifo', [join(root, 'fifo')]);
    mkdirSync(join(root, 'sub'));
    const scanned = await scanReport(base);
    const report = JSON.parse(readFileSync(scanned, 'utf8')) as { findings: JsonFinding[] };
    const finding = report.findings[0];
    if (!finding) throw new Error('the scan found no key');
    finding.path = pathOf(`${outsideName}`).replace(`/tmp/${outsideName}`, base);
    finding.line = line;
    const hostile = join(makeTmpDir('verify-report'), 'hostile.json');
    writeFileSync(hostile, JSON.stringify(report));

    const p = await providers([key]);
    const started = Date.now();
    const run = await verify(root, { report: hostile, root }, p.env);
    // A FIFO or an endless device read would never end: generous for a busy machine, not a speed limit.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(findingsOf(run.report)[0]?.verification?.status).toBe('skipped');
    expect(p.openrouter.requests).toEqual([]);
    expect(run.code).toBe(1); // skipped keys fail --fail-on live: never checked
  });

  it('never prints a tampered redacted form: not a raw key, not a terminal escape, even with --show-secrets', async () => {
    const key = keys.openrouter();
    const root = tree({ 'k.env': `K=${key}\n` });
    const report = JSON.parse(readFileSync(await scanReport(root), 'utf8')) as { findings: JsonFinding[] };
    const finding = report.findings[0];
    if (!finding) throw new Error('the scan found no key');
    finding.redacted = `\u001b[2J${key}`;
    writeFileSync(join(root, 'k.env'), 'K=\n'); // gone, so the redacted form is all there is
    const tampered = join(makeTmpDir('verify-report'), 'tampered.json');
    writeFileSync(tampered, JSON.stringify(report));
    const p = await providers([key]);
    for (const format of ['human', 'json'] as const) {
      const run = await verify(root, { report: tampered, showSecrets: true, format }, p.env);
      expect(printed(run)).not.toContain(key);
      expect(printed(run)).not.toContain('\u001b');
    }
    expect(p.openrouter.requests).toEqual([]);
  });

  it('reads --root for the paths, not the current directory', async () => {
    const live = keys.openrouter();
    const root = tree({ 'sub/k.env': `K=${live}\n` });
    const report = await scanReport(root);
    const p = await providers([live]);
    const run = await verify(makeTmpDir('elsewhere'), { report, root }, p.env);
    expect(statuses(run)).toEqual([['openrouter.api-key', 'live']]);
  });

  it('never sends a secret the report holds that does not match its secretHash', async () => {
    const real = keys.openrouter();
    const planted = keys.openrouter();
    const root = tree({ 'k.env': `K=${real}\n` });
    const report = await scanReport(root, { showSecrets: true });
    const text = readFileSync(report, 'utf8');
    writeFileSync(report, text.replace(real, planted));
    writeFileSync(join(root, 'k.env'), 'K=\n');

    const p = await providers([planted, real]);
    const run = await verify(root, { report }, p.env);
    expect(run.code).toBe(1); // never checked, so it may still work: --fail-on live passes only keys known dead
    expect(findingsOf(run.report)[0]?.verification).toMatchObject({ status: 'skipped', reason: expect.stringContaining('does not match its secretHash') as string });
    expect(p.openrouter.requests).toEqual([]);
  });

  it('re-reads keys of a history report from the commits that hold them', async () => {
    const removed = keys.openrouter();
    const dead = keys.tokenrouterLive();
    const repo = TestRepo.init(makeTmpDir('verify-history'));
    repo.commit({ 'README.md': '# app\n' }, 'start');
    const added = repo.commit({ 'secrets/dev.env': `# dev\nKEY=${removed}\n`, 'src/client.ts': `const key = "${dead}";\n` }, 'add keys');
    repo.commit({ 'secrets/dev.env': null, 'src/client.ts': 'const key = process.env.KEY;\n' }, 'remove keys');

    const report = join(makeTmpDir('verify-report'), 'history.json');
    const scanned = await history(repo.dir, { format: 'json' });
    expect(scanned.code).toBe(1);
    writeFileSync(report, scanned.report);

    const p = await providers([removed]);
    const run = await verify(makeTmpDir('elsewhere'), { report, root: repo.dir }, p.env);
    expect(run.code).toBe(1);
    expect(findingsOf(run.report).map((f) => [f.source, f.path, f.line, f.commit, f.verification?.status])).toEqual([
      ['history', 'secrets/dev.env', 2, added, 'live'],
      ['history', 'src/client.ts', 1, added, 'invalid'],
    ]);
    expect(p.openrouter.requestsFor(removed)).toHaveLength(1);
    expectNoRawKey(run, [removed, dead]);
  });

  it('skips a history finding whose commit the repository does not have', async () => {
    const key = keys.openrouter();
    const repo = TestRepo.init(makeTmpDir('verify-history'));
    repo.commit({ 'k.env': `K=${key}\n` }, 'add');
    const report = join(makeTmpDir('verify-report'), 'history.json');
    writeFileSync(report, (await history(repo.dir, { format: 'json' })).report);

    const other = TestRepo.init(makeTmpDir('verify-other'));
    other.commit({ 'README.md': 'x\n' });
    const p = await providers([key]);
    const run = await verify(other.dir, { report, root: other.dir }, p.env);
    expect(run.code).toBe(1); // skipped: never checked, so it fails --fail-on live
    expect(findingsOf(run.report)[0]?.verification?.reason).toMatch(/^the report holds no key \(make it with --show-secrets\) and k\.env:1 in commit [0-9a-f]{12} no longer has it$/);
    expect(p.openrouter.requests).toEqual([]);
  });

  it.each([
    { what: 'not JSON', content: (key: string) => `{"findings": [{"secret": "${key}", ` },
    { what: 'not a report', content: (key: string) => JSON.stringify([{ secret: key }]) },
    { what: 'a finding with a bad field', content: (key: string) => JSON.stringify({ version: 1, findings: [{ ruleId: 'openrouter.api-key', secret: key, line: key }] }) },
  ])('fails with exit 2 on a report that is $what, quoting none of it', async ({ content }) => {
    const key = keys.openrouter();
    const dir = makeTmpDir('verify-bad');
    writeFileSync(join(dir, 'report.json'), content(key));
    const p = await providers([key]);
    const run = await verify(dir, { report: 'report.json', format: 'human' }, p.env);
    expect(run.code).toBe(2);
    // The bin names the file as given; in process it was resolved against the directory the bin would start in.
    expect(run.error).toContain(`--report ${join(dir, 'report.json')}: `);
    expect(run.report).toBe('');
    expectNoRawKey(run, [key]);
    expect(p.openrouter.requests).toEqual([]);
  });

  it('fails with exit 2, naming the field, on a finding without a secretHash', async () => {
    const dir = makeTmpDir('verify-bad');
    writeFileSync(join(dir, 'report.json'), JSON.stringify({ version: 1, findings: [{ ruleId: 'openrouter.api-key', provider: 'openrouter', severity: 'high' }] }));
    const run = await verify(dir, { report: 'report.json' });
    expect(run.code).toBe(2);
    expect(run.error).toContain('findings[0].secretHash is missing');
  });
});

/** The built bin: keys on stdin, --report and --root from argv, the human report, messages on stderr, and each exit code. */
describe('keywarden verify, end to end', () => {
  it('prints the human report with the redacted key and its status (exit 1: a live key)', async () => {
    const live = keys.agentrouter();
    const p = await providers([live]);
    const run = await verifyCli([], { cwd: makeTmpDir('verify'), env: p.env, input: `${live}\n` });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`sk-ar-${live.slice(6, 10)}…${live.slice(-4)}`);
    expectNoRawKey(run, [live]);
  });

  it('says so when stdin holds nothing at all (exit 0)', async () => {
    const run = await verifyCli([], { cwd: makeTmpDir('verify'), env: {}, input: '\n\n' });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('no keys on stdin');
  });

  it('--report FILE --root DIR from another directory: the report\'s keys checked where --root says', async () => {
    const live = keys.openrouter();
    const root = tree({ 'sub/k.env': `K=${live}\n` });
    const report = await scanReport(root);
    const p = await providers([live]);
    const run = await verifyCli(['--report', report, '--root', root, '--format', 'json'], { cwd: makeTmpDir('elsewhere'), env: p.env });
    expect(run.code).toBe(1);
    expect(statuses(run)).toEqual([['openrouter.api-key', 'live']]);
    expectNoRawKey(run, [live]);
  });

  it('fails with exit 2 on a report that does not exist', async () => {
    const run = await verifyCli(['--report', 'missing.json'], { cwd: makeTmpDir('verify'), env: {} });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--report missing.json: cannot read it (ENOENT)');
  });
});
