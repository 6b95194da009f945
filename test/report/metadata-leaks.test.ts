import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { redact } from '../../src/core/secret.js';
import type { Format } from '../../src/report/index.js';
import { runCli } from '../helpers/cli.js';
import { commandLine, history, scan, type InProcessRun } from '../helpers/in-process.js';
import { keyFactory, prefixes } from '../helpers/keys.js';
import { cleanTmpDirs, makeFileTmpDir, makeTmpDir, writeTree } from '../helpers/tmp.js';

/**
 * A key that is not a finding — in a file or directory name, a git author, a branch name, an
 * unknown flag, the `--output` path — is metadata every format prints. It must come out masked
 * like a finding's key, in every format, on stdout and stderr alike: the whole output is checked.
 *
 * The table of places × formats runs in this process (test/helpers/in-process.ts): the report
 * as the bin prints it, its warnings, its why-line and its error, masked as printRun masks them.
 * A few runs of the built bin keep the end-to-end check that nothing else the bin prints — the
 * report on stdout, whole or streamed, a warning and the `--output` line on stderr, an argv error
 * that echoes a flag — carries metadata unmasked. Fixtures that tests only read are built once.
 */
cleanTmpDirs('all');
const keys = keyFactory(0x6d657461);

const formats = ['human', 'json', 'jsonl', 'sarif', 'markdown', 'html'] as const satisfies readonly Format[];
type PrintedFormat = (typeof formats)[number];

/** git with no config of this machine's and no author from the environment, so `-c user.name=…` decides. */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  for (const name of ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL', 'GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete env[name];
  return env;
}

/** A repository with one commit of `files`, made by `name <email>`: one shell for the three git commands. */
function repoBy(name: string, email: string, files: Record<string, string>): string {
  const dir = writeTree(makeFileTmpDir('meta-git'), files);
  // Name and email travel as positional parameters, never through the shell's parser.
  const script = 'git init -q -b main . && git add -A && git -c user.name="$1" -c user.email="$2" commit -q -m settings';
  execFileSync('sh', ['-c', script, 'sh', name, email], { cwd: dir, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
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
/** The masked key is in `text`, as is or percent-encoded (a SARIF URI): the test sees the text it is about. */
const showsMasked = (text: string, key: string) => [maskedOf(key), encodeURIComponent(maskedOf(key))].some((masked) => text.includes(masked));
const envFile = () => `OPENROUTER_API_KEY=${keys.openrouter()}\n`;

/** Everything an in-process run prints: the report (stdout), its warnings and why-line, its error (stderr). */
const printed = (run: InProcessRun) => [run.report, ...run.warnings, run.why ?? '', run.error ?? ''].join('\n');

interface Place {
  name: string;
  /** Builds the place (once: the runs only read it): the key hidden in it, and the run in a format. */
  build: () => { key: string; run: (format: PrintedFormat) => Promise<InProcessRun> };
  /** Formats that do not print this place at all (SARIF has no author). */
  notPrintedIn?: PrintedFormat[];
}

const inTree = (files: (key: string) => Record<string, string>, flags: Parameters<typeof scan>[1] = {}): Place['build'] => () => {
  const key = keys.openrouter();
  const dir = writeTree(makeFileTmpDir('meta'), files(key));
  return { key, run: (format) => scan(dir, { ...flags, format }) };
};

const places: Place[] = [
  { name: 'a directory name', build: inTree((key) => ({ [`${key}/app.env`]: envFile() })) },
  { name: 'a file name, glued to a word (backup-sk-or-v1-…)', build: inTree((key) => ({ [`backup-${key}.env`]: envFile() })) },
  { name: 'a file name that also holds keywarden:allow', build: inTree((key) => ({ [`keywarden:allow ${key}.env`]: envFile() })) },
  {
    name: 'the scanned directory, named from outside it (paths and the .keywardenignore hint)',
    build: () => {
      const key = keys.openrouter();
      const cwd = writeTree(makeFileTmpDir('meta'), { [`${key}/app.env`]: envFile() });
      return { key, run: (format) => scan(cwd, { paths: [key], format }) };
    },
    notPrintedIn: ['json', 'jsonl', 'sarif'],
  },
  {
    name: 'a file that is not scanned (its warning)',
    build: inTree((key) => ({ 'app.env': envFile(), [`dump-${key}.txt`]: 'x'.repeat(4000) }), { maxFileSize: '1k' }),
  },
  {
    name: 'a git author name',
    build: () => {
      const key = keys.openrouter();
      const dir = repoBy(`dev ${key}`, 'dev@example.test', { 'app.env': envFile() });
      return { key, run: (format) => history(dir, { format }) };
    },
    notPrintedIn: ['sarif'],
  },
  {
    name: 'a git author email',
    build: () => {
      const key = keys.openrouter();
      const dir = repoBy('dev', `${key}@example.test`, { 'app.env': envFile() });
      return { key, run: (format) => history(dir, { format }) };
    },
    notPrintedIn: ['human', 'sarif', 'markdown', 'html'],
  },
];

describe('a key in metadata is masked in every format', () => {
  const built = new Map<Place, ReturnType<Place['build']>>();
  const buildOnce = (place: Place) => {
    const made = built.get(place) ?? place.build();
    built.set(place, made);
    return made;
  };
  const cases = places.flatMap((place) => formats.map((format) => ({ place, name: place.name, format })));

  it.each(cases)('$name, --format $format', async ({ place, format }) => {
    const { key, run } = buildOnce(place);
    const done = await run(format);
    const output = printed(done);
    expect(done.code, output).toBe(1);
    expectHidden(output, key);
    if (!place.notPrintedIn?.includes(format)) expect(showsMasked(output, key), output).toBe(true);
  });
});

describe('the bin: nothing else it prints carries a key in metadata', () => {
  it.each(['human', 'jsonl'] as const)('a directory name and a file name on stdout, a skipped file in a warning on stderr (--format %s: the report whole, or streamed)', async (format) => {
    const [inDirectory, inFileName, inSkipped] = [keys.openrouter(), keys.openrouter(), keys.openrouter()];
    const cwd = writeTree(makeTmpDir('meta'), { [`${inDirectory}/app.env`]: envFile(), [`backup-${inFileName}.env`]: envFile(), [`dump-${inSkipped}.txt`]: 'x'.repeat(4000) });
    const run = await runCli(['scan', '.', '--max-file-size', '1k', '--format', format], { cwd, env: cliEnv });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.code, output).toBe(1);
    for (const key of [inDirectory, inFileName, inSkipped]) expectHidden(output, key);
    expect(showsMasked(run.stdout, inDirectory) && showsMasked(run.stdout, inFileName), run.stdout).toBe(true);
    expect(run.stderr).toContain(`warning: dump-${maskedOf(inSkipped)}.txt: not scanned`);
  });

  // The line that names the report's file is the bin's alone; the report is written whole (json) or as it goes (jsonl).
  it.each(['json', 'jsonl'] as const)('the --output path, echoed on stderr (--format %s)', async (format) => {
    const key = keys.openrouter();
    const cwd = writeTree(makeTmpDir('meta'), { 'app.env': envFile() });
    const run = await runCli(['scan', 'app.env', '--output', `report-${key}.out`, '--format', format], { cwd, env: cliEnv });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.code, output).toBe(1);
    expectHidden(output, key);
    expect(run.stderr).toContain(`report written to report-${maskedOf(key)}.out`);
    expect(readFileSync(join(cwd, `report-${key}.out`), 'utf8')).toContain('openrouter.api-key');
  });

  it('an unknown flag glued to a word, which yargs also echoes camelCased: exit 2, masked on stderr', async () => {
    const key = keys.openrouter();
    const dir = makeTmpDir('meta');
    const run = await runCli(['scan', dir, `--x-${key}`], { cwd: dir, env: cliEnv });
    expect(run.code, run.stderr).toBe(2);
    expectHidden(`${run.stdout}\n${run.stderr}`, key);
    expect(run.stderr).toContain(maskedOf(key));
  });
});

describe('a key in an error message is masked, however it was given', () => {
  const key = keys.openrouter();
  let dir = '';
  beforeAll(() => {
    dir = repoBy('dev', 'dev@example.test', { 'a.txt': 'x\n' });
  });

  // Read as the bin reads argv (the quick reader, else yargs) and run in this process: the error as the bin prints it.
  it.each([
    { name: 'an unknown flag', args: () => ['scan', dir, `--${key}`] },
    { name: 'an unknown flag glued to a word (yargs also echoes it camelCased)', args: () => ['scan', dir, `--x-${key}`] },
    { name: 'an unknown negated flag', args: () => ['scan', dir, `--no-${key}`] },
    { name: 'a --format value glued to a word', args: () => ['scan', dir, '--format', `x-${key}`] },
    { name: 'a branch name', args: () => ['history', dir, '--branch', `nope-${key}`] },
    { name: 'a range', args: () => ['history', dir, '--range', `x${key}..HEAD`] },
  ])('$name', async ({ args }) => {
    const run = await commandLine(dir, args());
    expect(run.code, run.error).toBe(2);
    expectHidden(printed(run), key);
    expect(run.error).toContain(maskedOf(key));
  });
});

describe('machine formats: the path is still the path, with the key masked, and says so', () => {
  const key = keys.openrouter();
  let root = '';
  beforeAll(() => {
    root = writeTree(makeFileTmpDir('meta'), { [`${key}/app.env`]: envFile(), 'plain.env': envFile() });
  });

  it('json: redactedFields names what was masked; a finding with nothing masked has none', async () => {
    const run = await scan(root, { format: 'json' });
    const report = JSON.parse(run.report) as { findings: { path: string; fingerprint: string; redactedFields?: string[] }[] };
    const masked = report.findings.find((finding) => finding.path !== 'plain.env');
    expect(masked?.path).toBe(`${maskedOf(key)}/app.env`);
    expect(masked?.fingerprint.startsWith(`${maskedOf(key)}/app.env:openrouter.api-key:`)).toBe(true);
    expect(masked?.redactedFields).toEqual(['path', 'fingerprint']);
    expect(report.findings.find((finding) => finding.path === 'plain.env')).not.toHaveProperty('redactedFields');
  });

  it('sarif: the result says so in its properties', async () => {
    const run = await scan(root, { format: 'sarif' });
    const log = JSON.parse(run.report) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; properties: { redactedFields?: string[] } }[] }[] };
    const masked = log.runs[0]?.results.find((result) => result.locations[0]?.physicalLocation.artifactLocation.uri !== 'plain.env');
    expect(masked?.properties.redactedFields).toEqual(['path', 'fingerprint']);
  });

  it('a baseline made from such a report, and the fingerprint the human report prints, still suppress the finding', async () => {
    const own = keys.openrouter();
    const dir = writeTree(makeTmpDir('meta'), { [`${own}/app.env`]: envFile() });
    const base = join(makeTmpDir('meta-baseline'), 'base.json');
    const made = await scan(dir, { format: 'json' });
    expect(made.code).toBe(1);
    writeFileSync(base, made.report);
    expect(made.report).toContain(maskedOf(own));
    const baseline = await scan(dir, { baseline: base });
    expect(baseline.code, baseline.report).toBe(0);

    const human = await scan(dir);
    const fingerprint = /or "([^"]+)" to \.keywardenignore/.exec(human.report)?.[1] ?? '';
    expect(fingerprint).toContain(maskedOf(own));
    writeTree(dir, { '.keywardenignore': `${fingerprint}\n` });
    const ignored = await scan(dir);
    expect(ignored.code, ignored.report).toBe(0);
    expect(ignored.report).toMatch(/1 suppressed/);
  });
});

describe('bidi and control characters in a path', () => {
  let root = '';
  beforeAll(() => {
    root = writeTree(makeFileTmpDir('meta'), { 'cfg/\u202eevil\u2066\u0007.env': envFile() });
  });

  it.each(['human', 'markdown'] as const)('are shown as ? by --format %s, the fingerprint as the human report prints it', async (format) => {
    const run = await scan(root, { format });
    expect(run.code).toBe(1);
    expect(printed(run)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(run.report).toMatch(/cfg\/\?evil\?\?\.env:openrouter\\?\.api-key:/);
  });
});

it('the fingerprint of such a path, as printed, still suppresses it in .keywardenignore', async () => {
  const root = writeTree(makeTmpDir('meta'), { 'cfg/\u202eevil\u0007.env': envFile() });
  const human = await scan(root);
  const fingerprint = /or "([^"]+)" to \.keywardenignore/.exec(human.report)?.[1] ?? '';
  expect(fingerprint).toMatch(/^cfg\/\?evil\?\.env:openrouter\.api-key:[0-9a-f]{16}$/);
  writeTree(root, { '.keywardenignore': `${fingerprint}\n` });
  const ignored = await scan(root);
  expect(ignored.code, ignored.report).toBe(0);
});
