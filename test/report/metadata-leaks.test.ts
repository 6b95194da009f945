import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/core/secret.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { keyFactory, prefixes } from '../helpers/keys.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';

/**
 * A key that is not a finding — in a file or directory name, a git author, a branch name, an
 * unknown flag, the `--output` path — is metadata every format prints. It must come out masked
 * like a finding's key, in every format, on stdout and stderr alike: the whole output is checked.
 */
cleanTmpDirs();
const keys = keyFactory(0x6d657461);

const formats = ['human', 'json', 'jsonl', 'sarif', 'markdown', 'html'] as const;
type Format = (typeof formats)[number];

/** git for these tests: no config of this machine's, and no author from the environment, so `-c user.name=…` decides. */
function gitIn(cwd: string, args: string[]): string {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  for (const name of ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL', 'GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete env[name];
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }).trim();
}

/** A repository with one commit of `files`, made by `name <email>`. */
function repoBy(name: string, email: string, files: Record<string, string>): string {
  const dir = writeTree(makeTmpDir('meta-git'), files);
  gitIn(dir, ['init', '-q', '-b', 'main', '.']);
  gitIn(dir, ['add', '-A']);
  gitIn(dir, ['-c', `user.name=${name}`, '-c', `user.email=${email}`, 'commit', '-q', '-m', 'settings']);
  return dir;
}

const cliEnv = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

/**
 * No part of the key in `text` that its masked form does not show: not the key, not its body
 * in any case (yargs echoes `--sk-or-v1-…` as `skOrV1…`), only the prefix and four characters
 * at each end of the body.
 */
function expectHidden(text: string, key: string): void {
  const prefix = Object.values(prefixes).find((candidate) => key.startsWith(candidate)) ?? '';
  const hiddenPart = key.slice(prefix.length + 4, -4).toLowerCase();
  expect(text).not.toContain(key);
  expect(text.toLowerCase()).not.toContain(hiddenPart);
}

const maskedOf = (key: string) => redact(key, prefixes.openrouter);
const envFile = () => `OPENROUTER_API_KEY=${keys.openrouter()}\n`;

interface Place {
  name: string;
  /** The key hidden in the place, the directory to run in and the command. */
  setup: () => { key: string; cwd: string; args: string[] };
  /** Formats that do not print this place at all (SARIF has no author). */
  notPrintedIn?: Format[];
}

const places: Place[] = [
  {
    name: 'a directory name',
    setup: () => {
      const key = keys.openrouter();
      return { key, cwd: writeTree(makeTmpDir('meta'), { [`${key}/app.env`]: envFile() }), args: ['scan', '.'] };
    },
  },
  {
    name: 'a file name, glued to a word (backup-sk-or-v1-…)',
    setup: () => {
      const key = keys.openrouter();
      return { key, cwd: writeTree(makeTmpDir('meta'), { [`backup-${key}.env`]: envFile() }), args: ['scan', '.'] };
    },
  },
  {
    name: 'a file name that also holds keywarden:allow',
    setup: () => {
      const key = keys.openrouter();
      return { key, cwd: writeTree(makeTmpDir('meta'), { [`keywarden:allow ${key}.env`]: envFile() }), args: ['scan', '.'] };
    },
  },
  {
    name: 'the scanned directory, named from outside it (paths and the .keywardenignore hint)',
    setup: () => {
      const key = keys.openrouter();
      const cwd = makeTmpDir('meta');
      writeTree(cwd, { [`${key}/app.env`]: envFile() });
      return { key, cwd, args: ['scan', key] };
    },
    notPrintedIn: ['json', 'jsonl', 'sarif'],
  },
  {
    name: 'a file that is not scanned (its warning)',
    setup: () => {
      const key = keys.openrouter();
      return { key, cwd: writeTree(makeTmpDir('meta'), { 'app.env': envFile(), [`dump-${key}.txt`]: 'x'.repeat(4000) }), args: ['scan', '.', '--max-file-size', '1k'] };
    },
  },
  {
    name: 'a git author name',
    setup: () => {
      const key = keys.openrouter();
      return { key, cwd: repoBy(`dev ${key}`, 'dev@example.test', { 'app.env': envFile() }), args: ['history', '.'] };
    },
    notPrintedIn: ['sarif'],
  },
  {
    name: 'a git author email',
    setup: () => {
      const key = keys.openrouter();
      return { key, cwd: repoBy('dev', `${key}@example.test`, { 'app.env': envFile() }), args: ['history', '.'] };
    },
    notPrintedIn: ['human', 'sarif', 'markdown', 'html'],
  },
  {
    name: 'the --output path (echoed on stderr)',
    setup: () => {
      const key = keys.openrouter();
      return { key, cwd: writeTree(makeTmpDir('meta'), { 'app.env': envFile() }), args: ['scan', 'app.env', '--output', `report-${key}.out`] };
    },
  },
];

const cases = places.flatMap((place) => formats.map((format) => ({ ...place, format })));

describe('a key in metadata is masked in every format', () => {
  it.each(cases)('$name, --format $format', async ({ setup, format, notPrintedIn }) => {
    const { key, cwd, args } = setup();
    const run = await runCli([...args, '--format', format], { cwd, env: cliEnv });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.code, output).toBe(1);
    expectHidden(output, key);
    // The place was printed, masked (in a SARIF URI, percent-encoded): the test sees the text it is about.
    if (!notPrintedIn?.includes(format)) expect([maskedOf(key), encodeURIComponent(maskedOf(key))].some((masked) => output.includes(masked)), output).toBe(true);
  });
});

describe('a key in an error message is masked, however it was given', () => {
  const key = keys.openrouter();
  it.each([
    { name: 'an unknown flag', args: (dir: string) => ['scan', dir, `--${key}`] },
    { name: 'an unknown flag glued to a word (yargs also echoes it camelCased)', args: (dir: string) => ['scan', dir, `--x-${key}`] },
    { name: 'an unknown negated flag', args: (dir: string) => ['scan', dir, `--no-${key}`] },
    { name: 'a --format value glued to a word', args: (dir: string) => ['scan', dir, '--format', `x-${key}`] },
    { name: 'a branch name', args: (dir: string) => ['history', dir, '--branch', `nope-${key}`] },
    { name: 'a range', args: (dir: string) => ['history', dir, '--range', `x${key}..HEAD`] },
  ])('$name', async ({ args }) => {
    const dir = repoBy('dev', 'dev@example.test', { 'a.txt': 'x\n' });
    const run: CliRun = await runCli(args(dir), { cwd: dir, env: cliEnv });
    expect(run.code, run.stderr).toBe(2);
    expectHidden(`${run.stdout}\n${run.stderr}`, key);
    expect(run.stderr).toContain(maskedOf(key));
  });
});

describe('machine formats: the path is still the path, with the key masked, and says so', () => {
  it('json: redactedFields names what was masked; a finding with nothing masked has none', async () => {
    const key = keys.openrouter();
    const root = writeTree(makeTmpDir('meta'), { [`${key}/app.env`]: envFile(), 'plain.env': envFile() });
    const run = await runCli(['scan', '.', '--format', 'json'], { cwd: root });
    const report = JSON.parse(run.stdout) as { findings: { path: string; fingerprint: string; redactedFields?: string[] }[] };
    const masked = report.findings.find((finding) => finding.path !== 'plain.env');
    expect(masked?.path).toBe(`${maskedOf(key)}/app.env`);
    expect(masked?.fingerprint.startsWith(`${maskedOf(key)}/app.env:openrouter.api-key:`)).toBe(true);
    expect(masked?.redactedFields).toEqual(['path', 'fingerprint']);
    expect(report.findings.find((finding) => finding.path === 'plain.env')).not.toHaveProperty('redactedFields');
  });

  it('sarif: the result says so in its properties', async () => {
    const key = keys.openrouter();
    const root = writeTree(makeTmpDir('meta'), { [`${key}/app.env`]: envFile() });
    const run = await runCli(['scan', '.', '--format', 'sarif'], { cwd: root });
    const log = JSON.parse(run.stdout) as { runs: { results: { properties: { redactedFields?: string[] } }[] }[] };
    expect(log.runs[0]?.results[0]?.properties.redactedFields).toEqual(['path', 'fingerprint']);
  });

  it('a baseline made from such a report, and the fingerprint the human report prints, still suppress the finding', async () => {
    const key = keys.openrouter();
    const root = writeTree(makeTmpDir('meta'), { [`${key}/app.env`]: envFile() });
    const base = join(makeTmpDir('meta-baseline'), 'base.json');
    expect((await runCli(['scan', '.', '--format', 'json', '--output', base], { cwd: root })).code).toBe(1);
    expect(readFileSync(base, 'utf8')).toContain(maskedOf(key));
    const baseline = await runCli(['scan', '.', '--baseline', base], { cwd: root });
    expect(baseline.code, baseline.stdout).toBe(0);

    const human = await runCli(['scan', '.'], { cwd: root });
    const fingerprint = /or "([^"]+)" to \.keywardenignore/.exec(human.stdout)?.[1] ?? '';
    expect(fingerprint).toContain(maskedOf(key));
    writeTree(root, { '.keywardenignore': `${fingerprint}\n` });
    const ignored = await runCli(['scan', '.'], { cwd: root });
    expect(ignored.code, ignored.stdout).toBe(0);
    expect(ignored.stdout).toMatch(/1 suppressed/);
  });
});

describe('bidi and control characters in a path', () => {
  it.each(['human', 'markdown'])('are shown as ? by --format %s, the fingerprint as the human report prints it', async (format) => {
    const root = writeTree(makeTmpDir('meta'), { 'cfg/\u202eevil\u2066\u0007.env': envFile() });
    const run = await runCli(['scan', '.', '--format', format], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(run.stdout).toMatch(/cfg\/\?evil\?\?\.env:openrouter\\?\.api-key:/);
  });
});

it('the fingerprint of such a path, as printed, still suppresses it in .keywardenignore', async () => {
  const root = writeTree(makeTmpDir('meta'), { 'cfg/\u202eevil\u0007.env': envFile() });
  const human = await runCli(['scan', '.'], { cwd: root });
  const fingerprint = /or "([^"]+)" to \.keywardenignore/.exec(human.stdout)?.[1] ?? '';
  expect(fingerprint).toMatch(/^cfg\/\?evil\?\.env:openrouter\.api-key:[0-9a-f]{16}$/);
  writeTree(root, { '.keywardenignore': `${fingerprint}\n` });
  const ignored = await runCli(['scan', '.'], { cwd: root });
  expect(ignored.code, ignored.stdout).toBe(0);
});
