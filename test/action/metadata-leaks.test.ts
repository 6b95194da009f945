import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { redact } from '../../src/core/secret.js';
import { runActionStep, type Step } from '../helpers/action-step.js';
import { startGitHubApi } from '../helpers/github-api.js';
import { keyFactory, prefixes } from '../helpers/keys.js';
import { cleanTmpDirs, makeFileTmpDir, writeTree } from '../helpers/tmp.js';

/**
 * The action prints more than findings: paths, commit authors, the default branch's name. A
 * key in any of them is no finding, yet it must not reach the log, the job summary, the
 * annotations, the PR comment, the SARIF file or the outputs; and it is `::add-mask::`ed, so
 * no later line of the job prints it either. Bidi controls in a path are neutralised there too.
 *
 * Each check reads what a real run of the action's bundle left (test/helpers/action-step.ts). The
 * places a pull request can hold share one run: one workspace whose PR commits hold them all, each
 * with its own key; the default branch, named only by a push, has a run of its own.
 */
cleanTmpDirs('all');
const keys = keyFactory(0x61637469);

/**
 * `script` in `dir` by sh, with `args` as its positional parameters (never through the shell's
 * parser): one process for several git commands, with no config of this machine's and no author
 * or other git setting from the environment, so `-c user.name=…` decides.
 */
function shIn(dir: string, script: string, ...args: string[]): string {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  for (const name of Object.keys(env)) if (name.startsWith('GIT_') && !name.startsWith('GIT_CONFIG')) delete env[name];
  return execFileSync('sh', ['-c', script, 'sh', ...args], { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** git as `dev <dev@example.test>` unless the commit says otherwise. */
const devGit = 'git -c user.name=dev -c user.email=dev@example.test';
/** `main` at one commit (README.md), checked out on `feature`. */
const baseScript = `git init -q -b main . && git add README.md && ${devGit} commit -q -m base && git checkout -q -b feature`;

const prEvent = (base: string, head: string) => ({
  action: 'synchronize',
  number: 7,
  pull_request: { number: 7, base: { ref: 'main', sha: base }, head: { ref: 'feature', sha: head } },
  repository: { full_name: 'acme/widgets', default_branch: 'main' },
});

const envFile = () => `OPENROUTER_API_KEY=${keys.openrouter()}\n`;
const maskedOf = (key: string) => redact(key, prefixes.openrouter);
/** The characters of a key that its masked form never shows, in any case. */
const hiddenPart = (key: string) => key.slice(prefixes.openrouter.length + 4, -4).toLowerCase();

/** What a run of the action left: its step, the GitHub API requests it made, and its SARIF file. */
interface ActionRun {
  step: Step;
  comments: string[];
  sarif: string;
}

async function runAction(dir: string, event: string, payload: object, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const api = await startGitHubApi();
  const step = await runActionStep({ workspace: dir, event, payload, apiUrl: api.apiUrl, inputs });
  const sarif = existsSync(join(dir, 'keywarden.sarif')) ? readFileSync(join(dir, 'keywarden.sarif'), 'utf8') : '';
  return { step, comments: api.requests.map((request) => request.rawBody), sarif };
}

/** A path with bidi controls in it: shown neutralised everywhere. */
const bidiPath = 'cfg/\u202eevil\u2066.env';

/** Places a pull request can hold, each with its own key. */
const inPullRequest = { directory: keys.openrouter(), fileName: keys.openrouter(), authorName: keys.openrouter(), authorEmail: keys.openrouter() };
/** The default branch a push names. */
const inPush = keys.openrouter();

/** The pull request's run: commits by an author whose name holds a key, by one whose email does, and one of files whose names do. */
let pullRequest: ActionRun;
/** A push that creates `feature`, naming a default branch that holds a key. */
let push: ActionRun;

beforeAll(async () => {
  const prDir = writeTree(makeFileTmpDir('action-meta'), {
    'README.md': '# widgets\n',
    'by-name.env': envFile(),
    'by-email.env': envFile(),
    [`${inPullRequest.directory}/app.env`]: envFile(),
    [`backup-${inPullRequest.fileName}.env`]: envFile(),
    [bidiPath]: envFile(),
  });
  const commits = [
    baseScript,
    'git add by-name.env && git -c user.name="$1" -c user.email=dev@example.test commit -q -m change',
    'git add by-email.env && git -c user.name=dev -c user.email="$2" commit -q -m change',
    `git add -A && ${devGit} commit -q -m change`,
    'git rev-parse main HEAD',
  ].join(' && ');
  const [base = '', head = ''] = shIn(prDir, commits, `dev ${inPullRequest.authorName}`, `${inPullRequest.authorEmail}@example.test`).split('\n');
  pullRequest = await runAction(prDir, 'pull_request', prEvent(base, head), { sarif: 'keywarden.sarif' });

  const pushDir = writeTree(makeFileTmpDir('action-meta'), { 'README.md': '# widgets\n', 'app.env': envFile() });
  const after = shIn(pushDir, `${baseScript} && git add app.env && ${devGit} commit -q -m change && git rev-parse HEAD`);
  const payload = { ref: 'refs/heads/feature', before: '0'.repeat(40), after, created: true, deleted: false, forced: false, repository: { full_name: 'acme/widgets', default_branch: `release-${inPush}` } };
  push = await runAction(pushDir, 'push', payload, { sarif: 'keywarden.sarif' });
});

/** Everything the step left for people and later steps, but its own `::add-mask::` lines. */
function everythingShown({ step, comments, sarif }: ActionRun): string {
  return [...step.lines.filter((line) => !line.startsWith('::add-mask::')), step.stderr, step.summary, step.outputFile, ...comments, sarif].join('\n');
}

describe('a key in what the action prints besides findings', () => {
  it.each([
    { name: 'a directory name', key: inPullRequest.directory, run: () => pullRequest },
    { name: 'a file name glued to a word', key: inPullRequest.fileName, run: () => pullRequest },
    { name: 'the commit author name', key: inPullRequest.authorName, run: () => pullRequest },
    { name: 'the commit author email', key: inPullRequest.authorEmail, run: () => pullRequest },
    { name: 'the default branch named by a push that creates a branch', key: inPush, run: () => push },
  ])('$name: masked everywhere, and ::add-mask::ed before the first line that names it', ({ key, run }) => {
    const { step } = run();
    const shown = everythingShown(run());
    expect(step.code, `${step.stdout}\n${step.stderr}`).toBe(1);
    expect(shown).not.toContain(key);
    expect(shown.toLowerCase()).not.toContain(hiddenPart(key));
    const mask = step.lines.indexOf(`::add-mask::${key}`);
    expect(mask, step.stdout).toBeGreaterThanOrEqual(0);
    const firstNamed = step.lines.findIndex((line) => line.includes(maskedOf(key)));
    if (firstNamed !== -1) expect(mask).toBeLessThan(firstNamed);
  });
});

describe('bidi controls in a path', () => {
  it('are neutralised in the job summary, the PR comment and the annotations (file= too)', () => {
    const { step, comments } = pullRequest;
    expect(step.code, step.stdout).toBe(1);
    const bidi = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
    const annotations = step.lines.filter((line) => /^::(error|warning) /.test(line));
    expect(annotations.some((line) => line.includes('file=cfg/?evil?.env'))).toBe(true);
    expect(annotations.join('\n')).not.toMatch(bidi);
    expect(step.summary).toContain('cfg/');
    expect(step.summary).not.toMatch(bidi);
    expect(comments.join('\n')).not.toMatch(bidi);
  });
});
