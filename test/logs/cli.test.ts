/**
 * `keywarden logs`: files plain and gzip (by content), rotated sets as globs, stdin, lines that
 * colour codes, CRLF, NUL bytes and invalid UTF-8 must not hide a key in, one huge line, and
 * each key checked once. What a run reads, finds and checks runs in this process, as the
 * command builds its run (test/helpers/in-process.ts, `cwd` standing for where the bin
 * starts); the built CLI keeps stdin and `-` from argv, the human report printed as found,
 * usage errors and exit codes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { logWindowSize } from '../../src/run/logs.js';
import { windowOverlap } from '../../src/sources/windows.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { logs as logsRun, verify, type InProcessRun } from '../helpers/in-process.js';
import { keyFactory } from '../helpers/keys.js';
import { logFiller } from '../helpers/logs.js';
import { agentRouterLike, openRouterLike, startStandIn, tokenRouterLike } from '../helpers/providers.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';
import type { ReportFinding } from '../../src/report/model.js';

cleanTmpDirs();

const keys = keyFactory(0x636c6921);

/** The json report's findings, as the reporter defines them. */
type JsonFinding = ReportFinding;

const logsCli = (args: string[], options: Parameters<typeof runCli>[1]) => runCli(['logs', ...args], options);
/** `keywarden logs FLAGS` in this process. */
const logs = (cwd: string, flags: NonNullable<Parameters<typeof logsRun>[1]>, env: Record<string, string> = {}) => logsRun(cwd, flags, env);
/** stdout of the bin, or the report of a run in process. */
const outputOf = (run: CliRun | InProcessRun) => ('stdout' in run ? run.stdout : run.report);
const jsonFindings = (run: CliRun | InProcessRun) => (JSON.parse(outputOf(run)) as { findings: JsonFinding[] }).findings;
const jsonlFindings = (run: CliRun | InProcessRun) =>
  outputOf(run)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as JsonFinding);
const places = (findings: readonly JsonFinding[]) => findings.map((f) => [f.path, f.line, f.column, f.secret]);

describe('keys in log lines that would hide them from a line-based scanner', () => {
  it('ANSI colour codes, CRLF, NUL bytes, invalid UTF-8 and a line without a newline: each key found at its line and column', async () => {
    const [a, b, c, d, e, f] = [keys.openrouter(), keys.agentrouter(), keys.tokenrouterLive(), keys.tokenrouterTest(), keys.openrouter(), keys.agentrouter(64)];
    const lines: Buffer[] = [
      Buffer.from(`2026-11-24T10:00:00Z \x1b[32mINFO\x1b[0m key=\x1b[1;31m${a}\x1b[0m\r\n`),
      Buffer.from(`2026-11-24T10:00:01Z WARN header Authorization: Bearer ${b}\r\n`),
      Buffer.concat([Buffer.from('binary\0junk\0'), Buffer.from(`\0${c}\0`), Buffer.from('\n')]),
      Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x80]), Buffer.from(` token ${d}\n`)]),
      Buffer.from(`\x1b[33m${e}\x1b[K\n`),
      Buffer.from(`last line, no newline ${f}`),
    ];
    const dir = writeTree(makeTmpDir('logs-cli'), { 'app.log': Buffer.concat(lines) });
    const run = await logs(dir, { files: ['app.log'], format: 'json', showSecrets: true });
    expect(run.code, run.error).toBe(1);
    // Columns of the keys: the bytes before them on their line are ASCII (colour codes and NULs included).
    const column = (line: Buffer, key: string) => line.indexOf(key) + 1;
    expect(places(jsonFindings(run))).toEqual([
      ['app.log', 1, column(lines[0] as Buffer, a), a],
      ['app.log', 2, column(lines[1] as Buffer, b), b],
      ['app.log', 3, column(lines[2] as Buffer, c), c],
      ['app.log', 4, expect.any(Number), d],
      ['app.log', 5, column(lines[4] as Buffer, e), e],
      ['app.log', 6, column(lines[5] as Buffer, f), f],
    ]);
    expect(jsonFindings(run).every((finding) => finding.source === 'log')).toBe(true);
  });
});

describe('files, gzip and rotated sets', () => {
  it('a rotated set given as a quoted glob is read in version order, gzip by content whatever the name, multi-member too', async () => {
    const key = (n: number) => `line one\nkey ${n}: ${keys.of(n % 2 ? 'openrouter' : 'tokenrouterLive')}\n`;
    const dir = writeTree(makeTmpDir('logs-cli'), {
      'app.log': key(0),
      'app.log.1': gzipSync(key(1)), // gzip without the suffix
      'app.log.2.gz': Buffer.concat([gzipSync('line one\n'), gzipSync(key(2).slice('line one\n'.length))]),
      'app.log.10.gz': gzipSync(key(10)),
      'other.log': key(3),
    });
    const run = await logs(dir, { files: ['app.log*'], format: 'jsonl' });
    expect(run.code, run.error).toBe(1);
    expect(jsonlFindings(run).map((f) => [f.path, f.line, f.column])).toEqual([
      ['app.log', 2, 8],
      ['app.log.1', 2, 8],
      ['app.log.2.gz', 2, 8],
      ['app.log.10.gz', 2, 9],
    ]);
  });

  it('a missing path is a usage error (exit 2); a glob matching nothing is a warning; a corrupt gzip fails closed (exit 2)', async () => {
    const dir = writeTree(makeTmpDir('logs-cli'), { 'ok.log': 'fine\n', 'broken.gz': Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]) });
    const missing = await logsCli(['ok.log', 'missing.log'], { cwd: dir });
    expect([missing.code, missing.stderr]).toEqual([2, "keywarden: no such file: missing.log\nRun 'keywarden logs --help' for usage.\n"]);
    const run = await logs(dir, { files: ['ok.log', 'nothing*.log', 'broken.gz'] });
    // Nothing found, but not everything read: an operational error, not a pass (SPEC §2).
    expect(run.code).toBe(2);
    expect(run.why).toContain('not every log could be read to its end');
    expect((await logs(dir, { files: ['ok.log', 'nothing*.log'] })).code).toBe(0);
    expect(run.warnings).toContain('nothing*.log: no file matches this pattern');
    expect(run.warnings.join('\n')).toMatch(/^broken\.gz: not scanned: (corrupt gzip data|the gzip data ends early)/m);
    expect(run.report).toContain('2 files');
  });

  it('a directory is a usage error that suggests a glob', async () => {
    const dir = writeTree(makeTmpDir('logs-cli'), { 'var/app.log': 'x\n' });
    const run = await logs(dir, { files: ['var'] });
    expect(run.code).toBe(2);
    expect(run.error).toContain('var is a directory');
  });

  it('human output names each finding path:line:col as it is found, then the summary (end to end)', async () => {
    const key = keys.openrouter();
    const dir = writeTree(makeTmpDir('logs-cli'), { 'app.log': `a\nb Bearer ${key}\n` });
    const run = await logsCli(['app.log'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^app\.log:2:10 {2}OpenRouter API key {2}high {2}sk-or-v1-/);
    expect(run.stdout).toMatch(/\n\n✖ 1 leaked key in 1 file · 1 file \(\d+ B\) scanned in [\d.]+ s\n$/);
    expect(run.stdout).not.toContain(key);
  });

  it('inline allow markers, .keywardenignore fingerprints and path globs, and --baseline apply to logs', async () => {
    const [a, b, c] = [keys.openrouter(), keys.openrouter(), keys.openrouter()];
    const dir = writeTree(makeTmpDir('logs-cli'), { 'app.log': `${a} keywarden:allow\n${b}\n${c}\n`, 'skip.log': `${a}\n` });
    const first = jsonlFindings(await logs(dir, { files: ['app.log'], format: 'jsonl' }));
    expect(first.map((f) => f.line)).toEqual([2, 3]);
    const [second] = first;
    writeFileSync(join(dir, '.keywardenignore'), `skip.log\n${(second as unknown as { fingerprint: string }).fingerprint}\n`);
    const run = await logs(dir, { files: ['app.log', 'skip.log'], format: 'jsonl' });
    expect(jsonlFindings(run).map((f) => [f.path, f.line])).toEqual([['app.log', 3]]);
    writeFileSync(join(dir, 'baseline.json'), (await logs(dir, { files: ['app.log'], format: 'json' })).report);
    const baselined = await logs(dir, { files: ['app.log'], baseline: 'baseline.json' });
    expect([baselined.code, baselined.report]).toEqual([0, expect.stringMatching(/^✔ no leaked keys · 1 file \(\d+ B\) scanned in [\d.]+ s, 2 suppressed\n$/)]);
  });
});

describe('stdin', () => {
  const key = keys.tokenrouterTest();
  const text = `first\nsecond ${key}\n`;

  it.each([
    ['-', ['-'], Buffer.from(text)],
    ['gzip piped in', [], gzipSync(text)],
  ])('%s: findings name <stdin>', async (_name, files, stdin) => {
    const run = await logs(makeTmpDir('logs-cli'), { files, stdin, format: 'json' });
    expect(run.code, run.error).toBe(1);
    expect(jsonFindings(run).map((f) => [f.source, f.path, f.line, f.column])).toEqual([['log', '<stdin>', 2, 8]]);
  });

  // The bin reads its own stdin when no FILE is given, and a lone `-` must survive yargs.
  it('piped, no FILE: findings name <stdin> (end to end)', async () => {
    const run = await logsCli(['--format', 'json'], { cwd: makeTmpDir('logs-cli'), input: text });
    expect(run.code, run.stderr).toBe(1);
    expect(jsonFindings(run).map((f) => [f.source, f.path, f.line, f.column])).toEqual([['log', '<stdin>', 2, 8]]);
  });

  it('- among files is read where it stands (end to end)', async () => {
    const dir = writeTree(makeTmpDir('logs-cli'), { 'a.log': `${keys.openrouter()}\n` });
    const run = await logsCli(['a.log', '-', '--format', 'jsonl'], { cwd: dir, input: text });
    expect(jsonlFindings(run).map((f) => f.path)).toEqual(['a.log', '<stdin>']);
  });
});

// Peak RSS is measured by bench/logs.ts (target: under 150 MB on a 1 GB log), not here: under a
// loaded test run V8 lets the heap grow further before collecting, so a limit here fails by load.
describe('a log of one long line', () => {
  it('a 50 MB log of one line, plain and as gzip on stdin: every key found, at its place, across window edges', async () => {
    const dir = makeTmpDir('logs-cli');
    const planted = [keys.openrouter(), keys.agentrouter(100), keys.tokenrouterLive(), keys.openrouter()];
    const size = 50 * 1024 * 1024;
    // Across an edge where ownership passes from one window to the next, and across where a window ends.
    const step = logWindowSize - windowOverlap;
    const offsets = [1000, 3 * step + windowOverlap / 2 - 40, 7 * step + windowOverlap - 60, size - 500];
    const line = Buffer.alloc(size, 'a b c d ');
    planted.forEach((key, i) => line.write(` ${key} `, offsets[i] ?? 0, 'latin1'));
    writeFileSync(join(dir, 'one-line.log'), line);
    const plain = await logs(dir, { files: ['one-line.log'], format: 'jsonl', showSecrets: true });
    expect(jsonlFindings(plain).map((f) => [f.line, f.column, f.secret])).toEqual(planted.map((key, i) => [1, (offsets[i] ?? 0) + 2, key]));
    const gzipped = await logs(dir, { format: 'jsonl', showSecrets: true, stdin: gzipSync(line, { level: 1 }) });
    expect(jsonlFindings(gzipped).map((f) => [f.path, f.secret])).toEqual(planted.map((key) => ['<stdin>', key]));
  }, 60_000);
});

describe('--verify', () => {
  it('each distinct key is checked once, however often and in however many logs it appears; jsonl streams the answers', async () => {
    const live = keys.openrouter();
    const dead = keys.openrouter();
    const agent = keys.agentrouter();
    const tokens = keys.tokenrouterLive();
    const [openrouter, agentrouter, tokenrouter] = await Promise.all([
      startStandIn(openRouterLike({ live: [live] })),
      startStandIn(agentRouterLike({ live: [agent] })),
      startStandIn(tokenRouterLike()),
    ]);
    const env = { OPENROUTER_BASE_URL: `${openrouter.origin}/api/v1`, AGENTROUTER_BASE_URL: agentrouter.origin, TOKENROUTER_BASE_URL: tokenrouter.origin };
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `req ${i} key=${[live, dead, agent, tokens][i % 4]}\n`).join('');
    const dir = writeTree(makeTmpDir('logs-cli'), { 'app.log': lines(40), 'app.log.1': gzipSync(lines(40)) });
    const run = await logs(dir, { files: ['app.log*'], verify: true, format: 'jsonl', showSecrets: true }, env);
    expect(run.code, run.error).toBe(1);
    const found = jsonlFindings(run);
    expect(found).toHaveLength(80);
    // In the order found, each with its key's answer.
    expect(found.slice(0, 4).map((f) => [f.line, f.verification?.status])).toEqual([
      [1, 'live'],
      [2, 'invalid'],
      [3, 'live'],
      [4, 'invalid'],
    ]);
    expect(new Set(found.map((f) => `${f.secret}:${f.verification?.status}`)).size).toBe(4);
    expect([openrouter.requestsFor(live), openrouter.requestsFor(dead), agentrouter.requestsFor(agent), tokenrouter.requestsFor(tokens)].map((r) => r.length)).toEqual([1, 1, 1, 1]);
  });

  it('--results and --fail-on live work on a streamed report; json collects and verifies the same way', async () => {
    const dead = keys.openrouter();
    const openrouter = await startStandIn(openRouterLike());
    const env = { OPENROUTER_BASE_URL: `${openrouter.origin}/api/v1` };
    const dir = writeTree(makeTmpDir('logs-cli'), { 'app.log': `a ${dead}\nb ${dead}\n` });
    const streamed = await logsCli(['app.log', '--verify', '--fail-on', 'live', '--results', 'live', '--format', 'jsonl'], { cwd: dir, env });
    expect([streamed.code, streamed.stdout]).toEqual([0, '']);
    expect(streamed.stderr).toContain('--results live left out 2 invalid findings');
    const collected = await logs(dir, { files: ['app.log'], verify: true, format: 'json' }, env);
    expect(jsonFindings(collected).map((f) => f.verification?.status)).toEqual(['invalid', 'invalid']);
    expect(openrouter.requestsFor(dead)).toHaveLength(2); // one per run
  });

  it('verify --report recovers a key from a gzip log without the .gz suffix, by content', async () => {
    const key = keys.openrouter();
    const openrouter = await startStandIn(openRouterLike({ live: [key] }));
    const env = { OPENROUTER_BASE_URL: `${openrouter.origin}/api/v1` };
    const dir = writeTree(makeTmpDir('logs-cli'), { 'app.log.1': gzipSync(`${logFiller(10_000)}token ${key}\n`) });
    const report = await logs(dir, { files: ['app.log.1'], format: 'json' });
    expect(report.code).toBe(1);
    writeFileSync(join(dir, 'report.json'), report.report);
    const verified = await verify(dir, { report: 'report.json', format: 'json' }, env);
    expect(jsonFindings(verified).map((f) => [f.path, f.verification?.status])).toEqual([['app.log.1', 'live']]);
  });
});
