/**
 * The GitHub Action end to end: the COMMITTED bundle (`dist/action/index.js`, what
 * action.yml runs) spawned as the runner spawns it, in a real repository, with the runner's
 * environment (event file, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, INPUT_* with action.yml's
 * defaults), a GitHub API stand-in on 127.0.0.1 and providers pointed at a refused port.
 * No network beyond 127.0.0.1.
 *
 * stdout is read the way the runner reads it (see `runnerCommands`): that is what decides
 * whether a hostile file name could forge a workflow command.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { redact } from '../../src/core/secret.js';
import { repoRoot, withoutCaBundle } from '../helpers/cli.js';
import { closedPortUrl, defaultToken, startGitHubApi, type GitHubApi } from '../helpers/github-api.js';
import { git, importHistory, isolatedGitEnv, TestRepo } from '../helpers/history-repos.js';
import { keyFactory, prefixes } from '../helpers/keys.js';
import { createAccount } from '../helpers/openrouter-management.js';
import { openRouterLike, startStandIn } from '../helpers/providers.js';
import { cleanTmpDirs, makeFileTmpDir, makeTmpDir } from '../helpers/tmp.js';

cleanTmpDirs();

const bundle = join(repoRoot, 'dist', 'action', 'index.js');
const marker = '<!-- keywarden:pr-comment -->';
const zero = '0'.repeat(40);

/** action.yml's inputs and their defaults: the runner sets INPUT_<NAME> for every one of them. */
const actionInputs = (parseYaml(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }).inputs;

/** A provider base URL that refuses connections, for every provider unless a test sets a stand-in. */
let refused = '';
beforeAll(async () => {
  refused = await closedPortUrl();
});

// ---------------------------------------------------------------------------------------
// Running the bundle as the runner does
// ---------------------------------------------------------------------------------------

interface WorkflowCommand {
  name: string;
  properties: Record<string, string>;
  data: string;
  /** The physical line, as the runner split it. */
  line: string;
  legacy: boolean;
}

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout split as the runner splits it (\n, \r\n or a lone \r). */
  lines: string[];
  /** The workflow commands the runner would act on. */
  commands: WorkflowCommand[];
  outputs: Record<string, string>;
  outputFile: string;
  summary: string;
}

interface RunOptions {
  workspace: string;
  event: string;
  payload: object;
  /** By action.yml's name (`fail-on`); others get action.yml's default, as on the runner. */
  inputs?: Record<string, string>;
  /** Extra environment for the step (`env:` in the workflow), e.g. a provider stand-in. */
  env?: Record<string, string>;
  /** GITHUB_API_URL; a refused port when left out. */
  apiUrl?: string;
  runId?: string;
}

const unescapeData = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (text: string) => unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','));

function properties(text: string): Record<string, string> {
  const props: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const at = pair.indexOf('=');
    if (at > 0) props[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
  }
  return props;
}

/** `::name k=v,…::data` after leading whitespace (actions/runner ActionCommand.TryParseV2). */
function parseV2(line: string): WorkflowCommand | undefined {
  const message = line.trimStart();
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (name === '') return undefined;
  return { name, properties: space < 0 ? {} : properties(info.slice(space + 1)), data: unescapeData(message.slice(end + 2)), line, legacy: false };
}

/** The legacy `##[name k=v;]data`, which the runner finds ANYWHERE in a line (ActionCommand.TryParse). */
function parseLegacy(line: string): WorkflowCommand | undefined {
  const start = line.indexOf('##[');
  if (start < 0) return undefined;
  const end = line.indexOf(']', start);
  if (end < 0) return undefined;
  const info = line.slice(start + 3, end);
  const name = info.split(' ')[0] ?? '';
  return name === '' ? undefined : { name, properties: {}, data: line.slice(end + 1), line, legacy: true };
}

/**
 * The commands the runner would act on in `stdout`: lines split as .NET's ReadLine splits
 * them, V2 commands first then legacy ones, and nothing between `::stop-commands::TOKEN`
 * and `::TOKEN::` (the stop and resume lines themselves are not returned).
 */
function runnerCommands(lines: readonly string[]): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  let stopToken: string | undefined;
  for (const line of lines) {
    const command = parseV2(line) ?? parseLegacy(line);
    if (!command) continue;
    if (stopToken !== undefined) {
      if (command.name.toLowerCase() === stopToken.toLowerCase()) stopToken = undefined;
      continue;
    }
    if (command.name === 'stop-commands') {
      stopToken = command.data;
      continue;
    }
    commands.push(command);
  }
  return commands;
}

/** GITHUB_OUTPUT: `name=value` lines, or `name<<DELIM` … `DELIM` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter = ''] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
      outputs[name] = value.join('\n');
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

/** The environment a step gets from the runner, without anything of this machine's own run. */
function runnerEnv(options: RunOptions, files: { event: string; output: string; summary: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(withoutCaBundle(process.env))) {
    if (/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_|KEYWARDEN_|GIT_)|_BASE_URL$|^(NO_COLOR|FORCE_COLOR|CI)$/.test(name)) continue;
    env[name] = value;
  }
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(actionInputs)) inputs[name] = spec.default ?? '';
  inputs['github-token'] = defaultToken; // `${{ github.token }}`
  Object.assign(inputs, options.inputs);
  return {
    ...env,
    ...isolatedGitEnv,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    NO_COLOR: '1',
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_API_URL: options.apiUrl ?? refused,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_RUN_ID: options.runId ?? '4242',
    OPENROUTER_BASE_URL: `${refused}/api/v1`,
    AGENTROUTER_BASE_URL: refused,
    TOKENROUTER_BASE_URL: refused,
    // The runner's names keep the hyphen: `INPUT_FAIL-ON`, `INPUT_GITHUB-TOKEN`.
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value])),
    ...options.env,
  };
}

let runs = 0;

/** Spawn the committed bundle as the runner does (async: the API stand-in lives in this process). */
async function runAction(options: RunOptions): Promise<ActionRun> {
  const temp = makeTmpDir('runner-temp');
  const n = ++runs;
  const files = { event: join(temp, `event-${n}.json`), output: join(temp, `output-${n}`), summary: join(temp, `summary-${n}`) };
  writeFileSync(files.event, JSON.stringify(options.payload));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env = runnerEnv(options, files);
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [bundle], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (exit) => resolve({ code: exit, stdout: out, stderr: err }));
  });
  const lines = stdout.split(/\r\n|\r|\n/);
  const outputFile = readFileSync(files.output, 'utf8');
  return { code, stdout, stderr, lines, commands: runnerCommands(lines), outputs: parseOutputs(outputFile), outputFile, summary: readFileSync(files.summary, 'utf8') };
}

/** What went wrong, for a failed expectation. */
const show = (run: ActionRun) => `exit ${String(run.code)}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;

const redactedOf = (key: string) => redact(key, Object.values(prefixes).find((prefix) => key.startsWith(prefix)) ?? '');

/**
 * The commands the action means to emit and nothing else: `add-mask` of exactly a key
 * found, `error`/`warning` annotations on a file found (or with no file, keywarden's own
 * message), and no legacy command at all.
 */
function expectOnlyIntendedCommands(run: ActionRun, keys: readonly string[], files: readonly string[]): void {
  for (const command of run.commands) {
    expect(command.legacy, `legacy command in: ${JSON.stringify(command.line)}`).toBe(false);
    expect(['add-mask', 'error', 'warning'], JSON.stringify(command.line)).toContain(command.name);
    if (command.name === 'add-mask') expect(keys, JSON.stringify(command.line)).toContain(command.data);
    else if (command.properties.file !== undefined) expect(files, JSON.stringify(command.line)).toContain(command.properties.file);
    else expect(command.data, JSON.stringify(command.line)).toMatch(/^keywarden: /);
  }
}

/** The raw key in none of what people see: stdout (but its add-mask line), stderr, summary, outputs. */
function expectKeyHidden(run: ActionRun, key: string): void {
  const others = run.lines.filter((line) => line !== `::add-mask::${key}`);
  expect(others.join('\n')).not.toContain(key);
  expect(run.stderr).not.toContain(key);
  expect(run.summary).not.toContain(key);
  expect(run.outputFile).not.toContain(key);
}

// ---------------------------------------------------------------------------------------
// Repositories and events
// ---------------------------------------------------------------------------------------

/** main's files unless a test gives its own: that repository is made once and copied (a copy runs no git). */
const defaultFiles = { 'README.md': '# widgets\n', 'src/app.js': 'console.log("hi");\n' };
let defaultWorkspace: { dir: string; base: string } | undefined;

/** A repository in a temp dir (the workspace) with `main` at one commit of `files`; returns it and that commit. */
function workspaceRepo(files?: Record<string, string>, root = makeTmpDir('action')): { repo: TestRepo; base: string } {
  const dir = join(root, 'workspace');
  if (files === undefined) {
    defaultWorkspace ??= (({ repo, base }) => ({ dir: repo.dir, base }))(workspaceRepo(defaultFiles, makeFileTmpDir('action')));
    cpSync(defaultWorkspace.dir, dir, { recursive: true });
    return { repo: new TestRepo(dir), base: defaultWorkspace.base };
  }
  mkdirSync(dir);
  const repo = TestRepo.init(dir);
  const base = repo.commit(files, 'main');
  return { repo, base };
}

/**
 * Built once for the file, as each costs git spawns the runs themselves do not need:
 * `plain`, main and one more commit, for the steps that end before reading the repository
 * (a bad input, an unhandled event, a deleted branch), shared as they write nothing to it;
 * `leaky`, a PR branch `feature` that adds `a.env` with one key, copied (`leakyWorkspace`)
 * for each test, as a run may write its SARIF file into the workspace.
 */
let plain: { repo: TestRepo; base: string; after: string };
let leaky: { key: string; dir: string; base: string; head: string };
beforeAll(() => {
  const { repo, base } = workspaceRepo(undefined, makeFileTmpDir('action'));
  plain = { repo, base, after: repo.commit({ 'x.txt': 'x\n' }) };
  const key = keyFactory(601).openrouter();
  const template = workspaceRepo(undefined, makeFileTmpDir('action'));
  git(template.repo.dir, ['checkout', '-q', '-b', 'feature']);
  leaky = { key, dir: template.repo.dir, base: template.base, head: template.repo.commit({ 'a.env': envFile(key) }, 'settings') };
});

/** A workspace of its own holding a copy of `leaky` (a copy, not a clone: no process). */
function leakyWorkspace(): { key: string; repo: TestRepo; base: string; head: string } {
  const dir = join(makeTmpDir('action'), 'workspace');
  cpSync(leaky.dir, dir, { recursive: true });
  return { key: leaky.key, repo: new TestRepo(dir), base: leaky.base, head: leaky.head };
}

function prEvent(number: number, base: string, head: string): object {
  return {
    action: 'synchronize',
    number,
    pull_request: { number, base: { ref: 'main', sha: base }, head: { ref: 'feature', sha: head } },
    repository: { full_name: 'acme/widgets', default_branch: 'main' },
  };
}

function pushEvent(before: string, after: string, extra: object = {}): object {
  return { ref: 'refs/heads/feature', before, after, created: false, deleted: false, forced: false, repository: { full_name: 'acme/widgets', default_branch: 'main' }, ...extra };
}

const envFile = (key: string) => `# local settings\nDEBUG=0\nOPENROUTER_API_KEY=${key}\n`;

// ---------------------------------------------------------------------------------------
// 1–3. Pull requests and the one comment
// ---------------------------------------------------------------------------------------

/**
 * A pull request of two commits, the second adding a key, run with `sarif: keywarden.sarif`
 * and the comment: one run for the tests that read it (what the runner and the PR see; the
 * SARIF file), made by whichever comes first. Its workspace lives for the file.
 */
let keyAdded: ReturnType<typeof runPrWithKeyAdded> | undefined;
const prWithKeyAdded = () => (keyAdded ??= runPrWithKeyAdded());

async function runPrWithKeyAdded() {
  const key = keyFactory(101).openrouter();
  const { repo, base } = workspaceRepo(undefined, makeFileTmpDir('action'));
  git(repo.dir, ['checkout', '-q', '-b', 'feature']);
  repo.commit({ 'src/app.js': 'console.log("hello");\n' }, 'tweak');
  const head = repo.commit({ 'a.env': envFile(key) }, 'settings');
  const api = await startGitHubApi();
  const run = await runAction({ workspace: repo.dir, event: 'pull_request', payload: prEvent(7, base, head), apiUrl: api.apiUrl, inputs: { sarif: 'keywarden.sarif' } });
  return { key, repo, head, api, run };
}

describe('a pull request', () => {
  it('with a key added: masked first, annotated, summarised, counted, commented once, exit 1; the key shown nowhere', async () => {
    const { key, repo, head, api, run } = await prWithKeyAdded();

    expect(run.code, show(run)).toBe(1);
    const redacted = redactedOf(key);
    const mask = run.lines.indexOf(`::add-mask::${key}`);
    expect(mask, show(run)).toBeGreaterThanOrEqual(0);
    expect(run.lines.filter((line) => line.startsWith('::add-mask::'))).toEqual([`::add-mask::${key}`]);
    const firstMention = run.lines.findIndex((line) => line.includes(redacted) || (line.includes(key) && !line.startsWith('::add-mask::')));
    expect(firstMention).toBeGreaterThan(mask);

    const errors = run.commands.filter((command) => command.name === 'error' && command.properties.file !== undefined);
    expect(errors).toHaveLength(1);
    // Written by @actions/core, which orders the properties its own way: what counts is each one's value.
    expect(errors[0]?.properties).toEqual({ file: 'a.env', line: '3', col: '20', endColumn: '92', title: 'Leaked OpenRouter API key' });
    expect(errors[0]?.data).toContain(redacted);
    expect(run.commands.some((command) => command.name === 'error' && command.data.startsWith('keywarden: 1 leaked key'))).toBe(true);
    expectOnlyIntendedCommands(run, [key], ['a.env']);

    expect(run.summary).toMatch(new RegExp(`^\\| a\\.env \\| 3 \\| ${head.slice(0, 7)} .*\\| \`${redacted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\` \\|`, 'm'));
    expect(run.outputs).toMatchObject({ findings: '1', live: '0' });

    const posts = api.requestsTo('POST', '/repos/acme/widgets/issues/7/comments');
    expect(posts).toHaveLength(1);
    const body = (posts[0]?.body as { body: string }).body;
    expect(body.startsWith(marker)).toBe(true);
    expect(body).toContain(redacted);
    expect(body).toContain('https://github.example/acme/widgets/actions/runs/4242');
    expect(body).not.toContain(key);
    expect(api.requests.every((request) => request.token === defaultToken)).toBe(true);
    expect(api.requests.map((request) => request.rawBody).join('\n')).not.toContain(key);

    expectKeyHidden(run, key);
    expect(readFileSync(join(repo.dir, 'keywarden.sarif'), 'utf8')).not.toContain(key);
  });

  it('keeps one comment: edited in place on the next push, unchanged on a re-run, all-clear once the PR is clean', async () => {
    const [key1, key2] = [keyFactory(102).openrouter(), keyFactory(103).agentrouter()];
    const { repo, base } = workspaceRepo();
    git(repo.dir, ['checkout', '-q', '-b', 'feature']);
    const head1 = repo.commit({ 'a.env': envFile(key1) }, 'settings');
    const api = await startGitHubApi();
    // A person quoting an earlier comment of the bot (from another PR): theirs, not the bot's.
    const quote = `> ${marker}\n> ### keywarden: 1 leaked key\n\nIs this real?`;
    api.seed(7, ['Looks good to me', { body: quote, login: 'octocat' }]);
    const pr7 = (head: string, runId = '1') => ({ workspace: repo.dir, event: 'pull_request', payload: prEvent(7, base, head), apiUrl: api.apiUrl, runId });

    const first = await runAction(pr7(head1));
    expect(first.code, show(first)).toBe(1);
    expect(api.requestsTo('POST')).toHaveLength(1);
    expect(api.requestsTo('PATCH')).toEqual([]);
    const ours = api.commentsOn(7).filter((comment) => comment.user.login === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    const id = ours[0]?.id;

    // Another push to the PR: a second key in a new commit.
    const head2 = repo.commit({ 'b.env': `AGENTROUTER_KEY=${key2}\n` }, 'more settings');
    const second = await runAction(pr7(head2, '2'));
    expect(second.code, show(second)).toBe(1);
    expect(second.outputs).toMatchObject({ findings: '2', live: '0' });
    expect(api.requestsTo('POST')).toHaveLength(1);
    const patches = api.requestsTo('PATCH');
    expect(patches.map((request) => request.path)).toEqual([`/repos/acme/widgets/issues/comments/${String(id)}`]);
    const edited = api.commentsOn(7).find((comment) => comment.id === id)?.body ?? '';
    expect(edited).toContain(redactedOf(key1));
    expect(edited).toContain(redactedOf(key2));
    expect(edited).not.toContain(key1);
    expect(edited).not.toContain(key2);
    expectKeyHidden(second, key1);
    expectKeyHidden(second, key2);

    // The same run again (a re-run of the job): nothing to change.
    const rerun = await runAction(pr7(head2, '2'));
    expect(rerun.code).toBe(1);
    expect(api.requestsTo('PATCH')).toHaveLength(1);
    expect(rerun.stdout).toContain('keywarden: pull request comment unchanged');

    // The PR force-pushed to commits that add no key.
    git(repo.dir, ['checkout', '-q', '-b', 'feature-clean', base]);
    const clean = repo.commit({ 'src/app.js': 'console.log("clean");\n' }, 'clean');
    const third = await runAction(pr7(clean, '3'));
    expect(third.code, show(third)).toBe(0);
    expect(third.outputs).toMatchObject({ findings: '0', live: '0' });
    expect(api.requestsTo('POST')).toHaveLength(1);
    expect(api.requestsTo('PATCH')).toHaveLength(2);
    const allClear = api.commentsOn(7).find((comment) => comment.id === id)?.body ?? '';
    expect(allClear.startsWith(marker)).toBe(true);
    expect(allClear).toContain('no leaked keys');
    expect(allClear).not.toContain(redactedOf(key1));
    expect(api.commentsOn(7).map((comment) => comment.user.login)).toEqual(['someone', 'octocat', 'github-actions[bot]']);
    expect(api.commentsOn(7)[1]?.body).toBe(quote);
    // A PR clean from the start takes the same settling path: that it writes nothing is in test/respond/pr-comment.test.ts.
  });

  it('with several keys: each masked once, every mask before the first line that names a finding', async () => {
    const factory = keyFactory(102);
    const keys = [factory.openrouter(), factory.agentrouter(), factory.tokenrouterLive(), factory.openrouter()];
    const { repo, base } = workspaceRepo();
    git(repo.dir, ['checkout', '-q', '-b', 'feature']);
    const head = repo.commit(
      { 'a.env': envFile(keys[0] ?? ''), 'b.env': `AGENTROUTER_KEY=${keys[1] ?? ''}\n`, 'c/tr.env': `TOKENROUTER_API_KEY=${keys[2] ?? ''}\n`, 'd.json': `{"key": "${keys[3] ?? ''}", "again": "${keys[0] ?? ''}"}\n` },
      'settings',
    );
    const run = await runAction({ workspace: repo.dir, event: 'pull_request', payload: prEvent(8, base, head), inputs: { comment: 'false' } });

    expect(run.code, show(run)).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '5' });
    const masks = run.lines.flatMap((line, at) => (line.startsWith('::add-mask::') ? [{ at, key: line.slice('::add-mask::'.length) }] : []));
    expect(masks.map((mask) => mask.key).sort()).toEqual([...new Set(keys)].sort());
    // Nothing printed before the last mask can name a finding: no key, no redacted form, no path.
    const named = (line: string) => keys.some((key) => line.includes(key) || line.includes(redactedOf(key))) || /[a-d]\.(env|json)|tr\.env/.test(line);
    const firstNamed = run.lines.findIndex((line) => !line.startsWith('::add-mask::') && named(line));
    expect(firstNamed, show(run)).toBeGreaterThan(Math.max(...masks.map((mask) => mask.at)));
    // The masks are the first workflow commands, ahead of any annotation.
    expect(run.commands.slice(0, masks.length).every((command) => command.name === 'add-mask')).toBe(true);
    for (const key of keys) expectKeyHidden(run, key);
  });

  it('without keys: exit 0, findings=0, an all-clear summary, no annotation, no mask', async () => {
    const { repo, base } = workspaceRepo();
    git(repo.dir, ['checkout', '-q', '-b', 'feature']);
    // Near misses and a placeholder: nothing a rule should report.
    const head = repo.commit({ 'a.env': 'OPENROUTER_API_KEY=sk-or-v1-your-key-here\nTOKEN=${OPENROUTER_API_KEY}\n' }, 'docs');
    const api = await startGitHubApi();
    const run = await runAction({ workspace: repo.dir, event: 'pull_request', payload: prEvent(3, base, head), apiUrl: api.apiUrl });
    expect(run.code, show(run)).toBe(0);
    expect(run.outputs).toMatchObject({ findings: '0', live: '0' });
    expect(run.outputs['sarif-file']).toBeUndefined();
    expect(run.summary).toMatch(/no leaked keys/);
    expect(run.commands).toEqual([]);
    expect(api.requestsTo('POST')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// 4. Keys the base already had
// ---------------------------------------------------------------------------------------

// Moved files, base64 forms and copies are told apart in process: test/run/base-keys.test.ts.
describe('a key the base branch already had', () => {
  it('is not blamed on a PR that edits its line or removes and re-adds it; a new key beside it still is', async () => {
    const [old1, old2, fresh] = [keyFactory(201).openrouter(), keyFactory(202).tokenrouterLive(), keyFactory(203).openrouter()];
    const { repo, base } = workspaceRepo({ 'config/prod.env': envFile(old1), 'config/tr.env': `TOKENROUTER=${old2}\n` });
    git(repo.dir, ['checkout', '-q', '-b', 'feature']);
    repo.commit({ 'config/prod.env': `# local settings\nDEBUG=1\nOPENROUTER_API_KEY=${old1} # prod\n` }, 'touch the line');
    repo.commit({ 'config/tr.env': '\n' }, 'drop it');
    repo.commit({ 'config/tr.env': `TOKENROUTER=${old2}\n` }, 'bring it back');
    const head = repo.commit({ 'config/new.env': `KEY=${fresh}\n` }, 'a new key');

    const run = await runAction({ workspace: repo.dir, event: 'pull_request', payload: prEvent(4, base, head), inputs: { comment: 'false' } });
    expect(run.code, show(run)).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '1' });
    expect(run.commands.filter((command) => command.name === 'add-mask').map((command) => command.data)).toEqual([fresh]);
    expect(run.commands.filter((command) => command.properties.file !== undefined).map((command) => command.properties.file)).toEqual(['config/new.env']);
    expect(run.stdout).toContain(`keywarden: 2 findings left out: the key was already at ${base.slice(0, 7)}`);
    expect(run.summary).not.toContain(redactedOf(old1));
    expect(run.summary).not.toContain(redactedOf(old2));
  });
});

// ---------------------------------------------------------------------------------------
// 5. Push events
// ---------------------------------------------------------------------------------------

/** An upstream (bare, what GitHub holds) with `main`; `main` carries a key of its own. In `root` when given. */
function upstreamWithMain(mainKey: string, root = makeTmpDir('push')): { root: string; upstream: string; work: TestRepo; mainTip: string } {
  mkdirSync(join(root, 'work'));
  const work = TestRepo.init(join(root, 'work'));
  work.commit({ 'README.md': '# widgets\n' }, 'start');
  work.commit({ 'legacy.env': `OPENROUTER_API_KEY=${mainKey}\n` }, 'an old leak on main');
  const mainTip = work.commit({ 'src/app.js': 'console.log(1);\n' }, 'main moves on');
  const upstream = join(root, 'upstream.git');
  git(root, ['clone', '-q', '--bare', work.dir, upstream]);
  // GitHub serves any commit by id, as the action's fetches need.
  git(upstream, ['config', 'uploadpack.allowAnySHA1InWant', 'true']);
  git(work.dir, ['remote', 'add', 'origin', upstream]);
  return { root, upstream, work, mainTip };
}

/** What actions/checkout leaves for a push: a depth-1 clone of the pushed commit, `origin` the upstream. */
function shallowCheckout(root: string, upstream: string, ref: string, name = 'workspace'): string {
  const dir = join(root, name);
  git(root, ['clone', '-q', '--depth=1', '--no-tags', '--branch', ref, `file://${upstream}`, dir]);
  expect(git(dir, ['rev-parse', '--is-shallow-repository'])).toBe('true');
  return dir;
}

describe('a push', () => {
  it('before..after with a key: exit 1, no comment attempted', async () => {
    const key = keyFactory(301).tokenrouterLive();
    const { repo, base } = workspaceRepo();
    repo.commit({ 'docs/x.md': 'text\n' }, 'docs');
    const after = repo.commit({ 'svc/tr.env': `TOKENROUTER_API_KEY=${key}\n`, 'svc/copy.env': `# same key\nTOKENROUTER_API_KEY=${key}\n` }, 'config');
    const api = await startGitHubApi();
    const run = await runAction({ workspace: repo.dir, event: 'push', payload: pushEvent(base, after), apiUrl: api.apiUrl });
    expect(run.code, show(run)).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '2', live: '0' });
    // One mask for the key, however many places it is in.
    expect(run.commands.filter((command) => command.name === 'add-mask').map((command) => command.data)).toEqual([key]);
    const places = run.commands.filter((command) => command.properties.file !== undefined).map((command) => [command.properties.file, command.properties.line]);
    expect(places.sort()).toEqual([['svc/copy.env', '2'], ['svc/tr.env', '1']]);
    expect(api.requests).toEqual([]);
    expectKeyHidden(run, key);
    // No sarif input: no file, no sarif-file output.
    expect(run.outputs['sarif-file']).toBeUndefined();
    expect(existsSync(join(repo.dir, 'keywarden.sarif'))).toBe(false);
  });

  // Which pushes bring nothing (no new commits, a deleted branch) is read in process: event.test.ts.
  it('deleting the branch: exit 0, nothing scanned', async () => {
    const { repo, after } = plain;
    const run = await runAction({ workspace: repo.dir, event: 'push', payload: pushEvent(after, zero, { deleted: true }) });
    expect(run.code, show(run)).toBe(0);
    expect(run.stdout).toMatch(/^keywarden: nothing to scan: /m);
    expect(run.outputs).toMatchObject({ findings: '0', live: '0' });
    expect(run.commands).toEqual([]);
    expect(run.summary).toBe('');
  });

  // One upstream for the file's pushes of a branch: each pushes a branch of its own off main, which none moves.
  const mainKey = keyFactory(302).openrouter();
  let shared: ReturnType<typeof upstreamWithMain>;
  beforeAll(() => {
    shared = upstreamWithMain(mainKey, makeFileTmpDir('push'));
  });

  it("after a force-push whose old tip the remote no longer has: the branch's commits not on main, not an error", async () => {
    const branchKey = keyFactory(305).openrouter();
    const { root, upstream, work } = shared;
    git(work.dir, ['checkout', '-q', '-b', 'forced', 'main']);
    const after = work.commit({ 'svc/new.env': `OPENROUTER_API_KEY=${branchKey}\n` }, 'rewritten');
    git(work.dir, ['push', '-q', 'origin', 'forced']);
    const workspace = shallowCheckout(root, upstream, 'forced', 'forced-checkout');
    const gone = 'f'.repeat(40); // the tip before the force-push, garbage-collected on the remote

    const run = await runAction({ workspace, event: 'push', payload: pushEvent(gone, after, { ref: 'refs/heads/forced', forced: true }) });
    expect(run.code, show(run)).toBe(1);
    expect(run.stdout).toMatch(/cannot be fetched \(a force-push\?\); scanning the commits not on main instead/);
    expect(run.commands.filter((command) => command.properties.file !== undefined).map((command) => command.properties.file)).toEqual(['svc/new.env']);
    expect(run.stdout).not.toContain(mainKey);
  });

  it("creating a branch: scans only the branch's commits, not main's key, even where the branch edits main's file", async () => {
    const branchKey = keyFactory(303).openrouter();
    const { root, upstream, work } = shared;
    git(work.dir, ['checkout', '-q', '-b', 'feature', 'main']);
    work.commit({ 'legacy.env': `# TODO: move to the vault\nOPENROUTER_API_KEY=${mainKey} # rotate\n` }, 'touch the old leak');
    const after = work.commit({ 'svc/new.env': `OPENROUTER_API_KEY=${branchKey}\n` }, 'a new leak');
    git(work.dir, ['push', '-q', 'origin', 'feature']);
    const workspace = shallowCheckout(root, upstream, 'feature');

    const run = await runAction({ workspace, event: 'push', payload: pushEvent(zero, after, { created: true }) });
    expect(run.code, show(run)).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '1' });
    expect(run.commands.filter((command) => command.name === 'add-mask').map((command) => command.data)).toEqual([branchKey]);
    expect(run.commands.filter((command) => command.properties.file !== undefined).map((command) => command.properties.file)).toEqual(['svc/new.env']);
    expect(run.stdout).not.toContain(mainKey);
    expect(run.summary).not.toContain(redactedOf(mainKey));
  });
});

// ---------------------------------------------------------------------------------------
// 6. Shallow checkouts
// ---------------------------------------------------------------------------------------

describe('a shallow checkout', () => {
  /**
   * Upstream: main with 30 commits; a PR branch of 3 commits (one key), main moved on after it.
   * Built once: each test checks it out in a workspace of its own.
   */
  function prUpstream(key: string, baseKey: string) {
    const { root, upstream, work, mainTip } = upstreamWithMain(baseKey, makeFileTmpDir('push'));
    // Each branch's commits in one fast-import, dated on from main's tip (upstreamWithMain's 3 commits): two processes, not 33.
    const notes = Array.from({ length: 30 }, (_, i) => ({ files: { [`notes/${i}.md`]: `note ${i}\n` }, message: `note ${i}` }));
    const base = importHistory(work.dir, notes, 'main', { from: mainTip, firstHour: 3 }).at(-1) ?? '';
    const pr = [
      { files: { 'src/app.js': 'console.log(2);\n' }, message: 'one' },
      { files: { 'legacy.env': `OPENROUTER_API_KEY=${baseKey} # still here\n` }, message: 'touch the old leak' },
      { files: { 'a.env': envFile(key) }, message: 'three' },
    ];
    const head = importHistory(work.dir, pr, 'feature', { from: base, firstHour: 33 }).at(-1) ?? '';
    git(work.dir, ['push', '-q', 'origin', 'main', 'feature']);
    return { root, upstream, work, base, head };
  }
  const [key, baseKey] = [keyFactory(401).openrouter(), keyFactory(402).openrouter()];
  let pr: ReturnType<typeof prUpstream>;
  beforeAll(() => {
    pr = prUpstream(key, baseKey);
  });

  it('of the PR head: the base and the history to the merge base are fetched, and only the PR key is reported', async () => {
    const { root, upstream, base, head } = pr;
    const workspace = shallowCheckout(root, upstream, 'feature', 'head-checkout');
    expect(() => git(workspace, ['cat-file', '-e', `${base}^{commit}`])).toThrow();

    const run = await runAction({ workspace, event: 'pull_request', payload: prEvent(8, base, head), inputs: { comment: 'false' } });
    expect(run.code, show(run)).toBe(1);
    expect(run.stdout).toMatch(/^keywarden: fetched /m);
    expect(run.outputs).toMatchObject({ findings: '1' });
    expect(run.commands.filter((command) => command.name === 'add-mask').map((command) => command.data)).toEqual([key]);
    expect(run.commands.filter((command) => command.properties.file !== undefined).map((command) => command.properties.file)).toEqual(['a.env']);
    expect(run.stdout).toContain('keywarden: 1 finding left out: the key was already at ');
    // Only the 3 PR commits were read: main's 30 notes and its old leak are not the PR's.
    expect(git(workspace, ['rev-list', '--count', `${base}..${head}`])).toBe('3');
  });

  it('of the PR merge commit (what actions/checkout fetches for pull_request): same result', async () => {
    const { root, upstream, work, base, head } = pr;
    // -f: the work tree is still at main's old tip (the branches were imported, not committed there).
    git(work.dir, ['checkout', '-q', '-f', '--detach', base]);
    git(work.dir, ['merge', '-q', '--no-ff', '-m', 'Merge feature into main', head]);
    git(work.dir, ['push', '-q', 'origin', 'HEAD:refs/pull/9/merge']);
    const workspace = join(root, 'merge-checkout');
    mkdirSync(workspace);
    git(workspace, ['init', '-q']);
    git(workspace, ['remote', 'add', 'origin', `file://${upstream}`]);
    git(workspace, ['fetch', '-q', '--no-tags', '--depth=1', 'origin', '+refs/pull/9/merge:refs/remotes/pull/9/merge']);
    git(workspace, ['checkout', '-q', '--detach', 'refs/remotes/pull/9/merge']);

    const run = await runAction({ workspace, event: 'pull_request', payload: prEvent(9, base, head), inputs: { comment: 'false' } });
    expect(run.code, show(run)).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '1' });
    expect(run.commands.filter((command) => command.properties.file !== undefined).map((command) => command.properties.file)).toEqual(['a.env']);
    expect(run.stdout).toMatch(/^keywarden: fetched /m);
  });

  it('whose base cannot be fetched: exit 2, saying to set fetch-depth: 0', async () => {
    const { root, upstream, head } = pr;
    const workspace = shallowCheckout(root, upstream, 'feature', 'no-base-checkout');
    const run = await runAction({ workspace, event: 'pull_request', payload: prEvent(10, 'deadbeef'.repeat(5), head), inputs: { comment: 'false' } });
    expect(run.code, show(run)).toBe(2);
    const errors = run.commands.filter((command) => command.name === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.data).toMatch(/^keywarden: commit deadbeefdead is not in the checkout and could not be fetched.*fetch-depth: 0/);
    expect(run.outputFile).toBe('');
  });
});

// ---------------------------------------------------------------------------------------
// 7. The comment cannot be written
// ---------------------------------------------------------------------------------------

describe('when the PR comment cannot be written', () => {
  function expectReportedAnyway(run: ActionRun, key: string, warning: RegExp): void {
    expect(run.code, show(run)).toBe(1);
    expect(run.commands.filter((command) => command.name === 'error' && command.properties.file === 'a.env')).toHaveLength(1);
    expect(run.summary).toMatch(/^\| a\.env \| 3 \|/m);
    expect(run.outputs).toMatchObject({ findings: '1', live: '0' });
    const warnings = run.commands.filter((command) => command.name === 'warning');
    expect(warnings.map((command) => command.data)).toEqual([expect.stringMatching(warning)]);
    expectKeyHidden(run, key);
    expect(run.stdout).not.toContain(defaultToken);
  }

  // An unreachable API fails the comment the same way, with its own message: test/respond/pr-comment.test.ts.
  it('because no token was given: a warning, the rest as usual', async () => {
    const { key, repo, base, head } = leakyWorkspace();
    const api = await startGitHubApi();
    const run = await runAction({ workspace: repo.dir, event: 'pull_request', payload: prEvent(7, base, head), apiUrl: api.apiUrl, inputs: { 'github-token': '' } });
    expectReportedAnyway(run, key, /^keywarden: no github-token or GITHUB_REPOSITORY, so the pull request comment was not updated$/);
    expect(api.requests).toEqual([]);
  });

  it('because the token may not write (403): still annotated, summarised and failed, with a warning', async () => {
    const { key, repo, base, head } = leakyWorkspace();
    const api: GitHubApi = await startGitHubApi();
    api.override({ method: 'POST' }, { status: 403, body: { message: 'Resource not accessible by integration' } });
    const run = await runAction({ workspace: repo.dir, event: 'pull_request', payload: prEvent(7, base, head), apiUrl: api.apiUrl });
    expectReportedAnyway(run, key, /^keywarden: could not update the pull request comment: GitHub API: 403 Resource not accessible by integration$/);
    expect(api.commentsOn(7)).toEqual([]);
  });
});

describe('on GitHub Enterprise', () => {
  it('keeps the comment under GITHUB_API_URL with its /api/v3 prefix', async () => {
    const { repo, base, head } = leakyWorkspace();
    const api = await startGitHubApi({ prefix: '/api/v3' });
    const run = await runAction({ workspace: repo.dir, event: 'pull_request', payload: prEvent(12, base, head), apiUrl: api.apiUrl });
    expect(run.code, show(run)).toBe(1);
    expect(api.requests.every((request) => request.url.startsWith('/api/v3/repos/acme/widgets/issues/'))).toBe(true);
    expect(api.commentsOn(12)).toHaveLength(1);
    expect(run.commands.filter((command) => command.name === 'warning')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// 8. SARIF
// ---------------------------------------------------------------------------------------

describe('sarif', () => {
  /** A run of the leaky PR with `sarif: input`, without the comment. */
  async function sarifRun(input: string, file: string) {
    const { key, repo, base, head } = leakyWorkspace();
    if (file.includes('/')) mkdirSync(join(repo.dir, 'reports'));
    const run = await runAction({ workspace: repo.dir, event: 'pull_request', payload: prEvent(7, base, head), inputs: { sarif: input, comment: 'false' } });
    return { key, repo, run };
  }

  // `sarif: true` is read as keywarden.sarif in process (event.test.ts, readInputs).
  it.each([['keywarden.sarif', 'keywarden.sarif'], ['reports/out.sarif', 'reports/out.sarif']])(
    'sarif: %s writes %s in the workspace and names it in sarif-file',
    async (input, file) => {
      // sarif: keywarden.sarif is the input of the PR with a key added (above): its run is read here too.
      const { key, repo, run } = input === 'keywarden.sarif' ? await prWithKeyAdded() : await sarifRun(input, file);
      expect(run.code, show(run)).toBe(1);
      const path = join(repo.dir, file);
      expect(run.outputs['sarif-file']).toBe(path);
      const text = readFileSync(path, 'utf8');
      expect(text).not.toContain(key);
      const sarif = JSON.parse(text) as { version: string; $schema: string; runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }> };
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.$schema).toMatch(/sarif.*2\.1\.0/);
      expect(sarif.runs).toHaveLength(1);
      expect(sarif.runs[0]?.results).toHaveLength(1);
      expect(sarif.runs[0]?.results[0]).toMatchObject({ ruleId: 'openrouter.api-key', locations: [{ physicalLocation: { artifactLocation: { uri: 'a.env' }, region: { startLine: 3 } } }] });
    },
  );

  it('a path with a newline comes back whole in sarif-file (a multi-line output) and adds no output of its own', async () => {
    const { repo, base, head } = leakyWorkspace();
    const file = 'reports\nlive=9/out.sarif';
    mkdirSync(join(repo.dir, 'reports\nlive=9'));
    const run = await runAction({ workspace: repo.dir, event: 'pull_request', payload: prEvent(7, base, head), inputs: { sarif: file, comment: 'false' } });
    expect(run.code, show(run)).toBe(1);
    expect(run.outputs).toEqual({ findings: '1', live: '0', 'sarif-file': join(repo.dir, file) });
    expect(existsSync(join(repo.dir, file))).toBe(true);
    // Each output is a heredoc block with a delimiter of its own (the runner's format for any value).
    expect(run.outputFile.match(/^(findings|live|sarif-file)<<ghadelimiter_[0-9a-f-]{36}$/gm)).toHaveLength(3);
  });

  // Without the input: no file, no sarif-file output (the push with a key, below).
});

// ---------------------------------------------------------------------------------------
// 9. verify, fail-on and bad inputs
// ---------------------------------------------------------------------------------------

describe('verify and fail-on', () => {
  // One PR for both tests: a run with verify writes nothing to the workspace.
  let prWithTwoKeys: { live: string; dead: string; repo: TestRepo; base: string; head: string };
  beforeAll(() => {
    const [live, dead] = [keyFactory(701).openrouter(), keyFactory(702).openrouter()];
    const { repo, base } = workspaceRepo(undefined, makeFileTmpDir('action'));
    git(repo.dir, ['checkout', '-q', '-b', 'feature']);
    const head = repo.commit({ 'a.env': envFile(live), 'b.env': `OPENROUTER_API_KEY=${dead}\n` }, 'settings');
    prWithTwoKeys = { live, dead, repo, base, head };
  });
  const twoKeys = () => prWithTwoKeys;

  it('verify: true with a live key: live=1, the live key annotated as an error, exit 1', async () => {
    const { live, dead, repo, base, head } = twoKeys();
    const provider = await startStandIn(openRouterLike({ live: [live] }));
    const run = await runAction({
      workspace: repo.dir,
      event: 'pull_request',
      payload: prEvent(7, base, head),
      inputs: { verify: 'true', comment: 'false' },
      env: { OPENROUTER_BASE_URL: `${provider.origin}/api/v1` },
    });
    expect(run.code, show(run)).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '2', live: '1' });
    expect(provider.requestsFor(live)).toHaveLength(1);
    expect(provider.requestsFor(dead)).toHaveLength(1);
    const annotations = run.commands.filter((command) => command.properties.file !== undefined);
    expect(annotations.map((command) => [command.name, command.properties.file, command.properties.title])).toEqual([
      ['error', 'a.env', 'Leaked OpenRouter API key (live)'],
      ['warning', 'b.env', 'Leaked OpenRouter API key (invalid)'],
    ]);
    expectOnlyIntendedCommands(run, [live, dead], ['a.env', 'b.env']);
    expectKeyHidden(run, live);
    expectKeyHidden(run, dead);
  });

  it('fail-on: live with only invalid keys: reported, exit 0', async () => {
    const { repo, base, head } = twoKeys();
    const provider = await startStandIn(openRouterLike());
    const run = await runAction({
      workspace: repo.dir,
      event: 'pull_request',
      payload: prEvent(7, base, head),
      inputs: { verify: 'true', 'fail-on': 'live', comment: 'false' },
      env: { OPENROUTER_BASE_URL: `${provider.origin}/api/v1` },
    });
    expect(run.code, show(run)).toBe(0);
    expect(run.outputs).toMatchObject({ findings: '2', live: '0' });
    expect(run.commands.filter((command) => command.name === 'warning' && command.properties.file !== undefined)).toHaveLength(2);
  });

  // An unknown key failing `fail-on: live` is the run's verdict, read in process (test/cli/verify-flags.test.ts).

  // Each input's own refusals are read in process (event.test.ts, readInputs); here, how the step ends on one.
  it.each([
    [{ verify: 'yes' }, /^keywarden: input verify: 'yes' is not a boolean/],
    // In the workflow's words, not the CLI's `--fail-on`/`--verify`.
    [{ 'fail-on': 'live' }, /^keywarden: input fail-on: 'live' needs verify: true/],
  ])('a bad input %j: exit 2 with one clear ::error::', async (inputs, message) => {
    const { repo, base, after } = plain;
    const run = await runAction({ workspace: repo.dir, event: 'push', payload: pushEvent(base, after), inputs });
    expect(run.code, show(run)).toBe(2);
    expect(run.commands.map((command) => [command.name, command.data])).toEqual([['error', expect.stringMatching(message)]]);
    expect(run.outputFile).toBe('');
  });

  it('an event the action does not handle: exit 2, saying which events it runs on', async () => {
    const { repo } = plain;
    const run = await runAction({ workspace: repo.dir, event: 'workflow_dispatch', payload: { inputs: {} } });
    expect(run.code, show(run)).toBe(2);
    expect(run.commands.map((command) => command.data)).toEqual([expect.stringMatching(/runs on pull_request, pull_request_target and push events.*scan: history/)]);
  });
});

describe('revoke', () => {
  it('revoke: true disables a live key the PR added, and says so in the comment and the summary', async () => {
    const keys = keyFactory(703);
    const [live, managementKey] = [keys.openrouter(), keys.openrouter()];
    const account = createAccount({ managementKey, keys: [{ key: live, name: 'ci' }] });
    const provider = await startStandIn((request) => account.answer(request.method, request.url, request.key, request.body));
    const { repo, base } = workspaceRepo();
    git(repo.dir, ['checkout', '-q', '-b', 'feature']);
    const head = repo.commit({ 'a.env': envFile(live) }, 'settings');
    const api = await startGitHubApi();
    const run = await runAction({
      workspace: repo.dir,
      event: 'pull_request',
      payload: prEvent(7, base, head),
      apiUrl: api.apiUrl,
      inputs: { verify: 'true', revoke: 'true', 'openrouter-management-key': managementKey },
      env: { OPENROUTER_BASE_URL: `${provider.origin}/api/v1` },
    });
    expect(run.code, show(run)).toBe(1); // revoked, but still in the PR
    expect(account.stateOf(live)?.disabled).toBe(true);
    const said = /\*\*disabled\*\* at \d\d:\d\d:\d\d UTC: the owner should create a new key/;
    expect(run.summary).toMatch(said);
    expect(api.commentsOn(7).at(-1)?.body).toMatch(said);
    expect(run.stdout).toContain(`keywarden: ${redactedOf(live)}: revoked`);
    expect(run.lines.filter((line) => line.startsWith('::add-mask::')).sort()).toEqual([`::add-mask::${live}`, `::add-mask::${managementKey}`].sort());
    expectKeyHidden(run, live);
    expectKeyHidden(run, managementKey);
  });

  // `revoke: true` without `verify: true` is an input refusal, read in process (event.test.ts);
  // how the step ends on one is 'a bad input' above.
});

describe('the other inputs', () => {
  it('config: its excludes leave out a fixture, the rest is reported', async () => {
    const [fixture, real] = [keyFactory(901).openrouter(), keyFactory(902).openrouter()];
    // On the base branch: a pull request's own config is not used to check it (see base-config.test.ts).
    const { repo, base } = workspaceRepo({ 'README.md': '# widgets\n', '.keywarden.yml': 'exclude:\n  - fixtures/\n' });
    git(repo.dir, ['checkout', '-q', '-b', 'feature']);
    const head = repo.commit({ 'fixtures/sample.env': envFile(fixture), 'a.env': envFile(real) }, 'fixtures');
    const run = await runAction({ workspace: repo.dir, event: 'pull_request', payload: prEvent(7, base, head), inputs: { config: '.keywarden.yml', comment: 'false' } });
    expect(run.code, show(run)).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '1' });
    expect(run.commands.filter((command) => command.properties.file !== undefined).map((command) => command.properties.file)).toEqual(['a.env']);
  });

  it('scan: history finds a key that a later commit removed, whatever the event', async () => {
    const key = keyFactory(903).openrouter();
    const { repo } = workspaceRepo();
    repo.commit({ 'a.env': envFile(key) }, 'oops');
    const after = repo.commit({ 'a.env': null }, 'remove it');
    const run = await runAction({ workspace: repo.dir, event: 'push', payload: pushEvent(after, after), inputs: { scan: 'history' } });
    expect(run.code, show(run)).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '1' });
    expect(run.summary).toContain('every blob in the repository history');
    expectKeyHidden(run, key);
  });
});

// ---------------------------------------------------------------------------------------
// 10. Hostile file names
// ---------------------------------------------------------------------------------------

describe('a hostile file name', () => {
  const names = [
    'evil%0A::add-mask::x.env',
    'evil\n::add-mask::y.env',
    'evil\r::warning::forged.env',
    '::error::forged.env',
    '  ::notice::forged.env',
    'x##[error]forged.env',
    'x%0D%0A##[add-mask]z,:.env',
  ];

  it('cannot forge a workflow command: the runner would see only the masks and annotations the action means', async () => {
    const factory = keyFactory(801);
    const keys = names.map(() => factory.openrouter());
    const { repo, base } = workspaceRepo();
    git(repo.dir, ['checkout', '-q', '-b', 'feature']);
    const head = repo.commit(Object.fromEntries(names.map((name, i) => [name, envFile(keys[i] ?? '')])), 'hostile names');
    const api = await startGitHubApi();
    const run = await runAction({ workspace: repo.dir, event: 'pull_request', payload: prEvent(7, base, head), apiUrl: api.apiUrl, inputs: { sarif: 'true' } });

    expect(run.code, show(run)).toBe(1);
    expect(run.outputs).toMatchObject({ findings: String(names.length) });
    expectOnlyIntendedCommands(run, keys, names);
    const annotated = run.commands.filter((command) => command.properties.file !== undefined).map((command) => command.properties.file);
    expect(annotated.sort()).toEqual([...names].sort());
    expect(run.commands.filter((command) => command.name === 'add-mask').map((command) => command.data).sort()).toEqual([...keys].sort());
    for (const key of keys) expectKeyHidden(run, key);
    // The outputs file holds only the action's outputs.
    expect(Object.keys(run.outputs).sort()).toEqual(['findings', 'live', 'sarif-file']);
    expect(api.requestsTo('POST')).toHaveLength(1);
  });
});
