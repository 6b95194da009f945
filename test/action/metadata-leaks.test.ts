import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/core/secret.js';
import { runActionStep, type Step } from '../helpers/action-step.js';
import { startGitHubApi } from '../helpers/github-api.js';
import { keyFactory, prefixes } from '../helpers/keys.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';

/**
 * The action prints more than findings: paths, commit authors, the default branch's name. A
 * key in any of them is no finding, yet it must not reach the log, the job summary, the
 * annotations, the PR comment, the SARIF file or the outputs; and it is `::add-mask::`ed, so
 * no later line of the job prints it either. Bidi controls in a path are neutralised there too.
 */
cleanTmpDirs();
const keys = keyFactory(0x61637469);

/** git with no config of this machine's and no author from the environment: `-c user.name=…` decides. */
function gitIn(cwd: string, args: string[]): string {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  for (const name of Object.keys(env)) if (name.startsWith('GIT_') && !name.startsWith('GIT_CONFIG')) delete env[name];
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }).trim();
}

function commit(dir: string, files: Record<string, string>, author = { name: 'dev', email: 'dev@example.test' }): string {
  writeTree(dir, files);
  gitIn(dir, ['add', '-A']);
  gitIn(dir, ['-c', `user.name=${author.name}`, '-c', `user.email=${author.email}`, 'commit', '-q', '-m', 'change']);
  return gitIn(dir, ['rev-parse', 'HEAD']);
}

/** A workspace with `main` at one commit, checked out on `feature`. */
function workspace(): { dir: string; base: string } {
  const dir = makeTmpDir('action-meta');
  gitIn(dir, ['init', '-q', '-b', 'main', '.']);
  const base = commit(dir, { 'README.md': '# widgets\n' });
  gitIn(dir, ['checkout', '-q', '-b', 'feature']);
  return { dir, base };
}

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

interface Place {
  name: string;
  /** Makes the workspace with the key hidden in the place; returns the event to run on. */
  setup: (key: string) => { dir: string; event: string; payload: object };
}

const places: Place[] = [
  {
    name: 'a directory name',
    setup: (key) => {
      const { dir, base } = workspace();
      return { dir, event: 'pull_request', payload: prEvent(base, commit(dir, { [`${key}/app.env`]: envFile() })) };
    },
  },
  {
    name: 'a file name glued to a word',
    setup: (key) => {
      const { dir, base } = workspace();
      return { dir, event: 'pull_request', payload: prEvent(base, commit(dir, { [`backup-${key}.env`]: envFile() })) };
    },
  },
  {
    name: 'the commit author name',
    setup: (key) => {
      const { dir, base } = workspace();
      return { dir, event: 'pull_request', payload: prEvent(base, commit(dir, { 'app.env': envFile() }, { name: `dev ${key}`, email: 'dev@example.test' })) };
    },
  },
  {
    name: 'the commit author email',
    setup: (key) => {
      const { dir, base } = workspace();
      return { dir, event: 'pull_request', payload: prEvent(base, commit(dir, { 'app.env': envFile() }, { name: 'dev', email: `${key}@example.test` })) };
    },
  },
  {
    name: 'the default branch named by a push that creates a branch',
    setup: (key) => {
      const { dir } = workspace();
      const after = commit(dir, { 'app.env': envFile() });
      const payload = { ref: 'refs/heads/feature', before: '0'.repeat(40), after, created: true, deleted: false, forced: false, repository: { full_name: 'acme/widgets', default_branch: `release-${key}` } };
      return { dir, event: 'push', payload };
    },
  },
];

/** Everything the step left for people and later steps, but its own `::add-mask::` lines. */
function everythingShown(step: Step, extra: string[]): string {
  return [...step.lines.filter((line) => !line.startsWith('::add-mask::')), step.stderr, step.summary, step.outputFile, ...extra].join('\n');
}

describe('a key in what the action prints besides findings', () => {
  it.each(places)('$name: masked everywhere, and ::add-mask::ed before the first line that names it', async ({ setup }) => {
    const key = keys.openrouter();
    const { dir, event, payload } = setup(key);
    const api = await startGitHubApi();
    const step = await runActionStep({ workspace: dir, event, payload, apiUrl: api.apiUrl, inputs: { sarif: 'keywarden.sarif' } });
    const comments = api.requests.map((request) => request.rawBody);
    const sarif = existsSync(join(dir, 'keywarden.sarif')) ? readFileSync(join(dir, 'keywarden.sarif'), 'utf8') : '';
    const shown = everythingShown(step, [...comments, sarif]);

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
  it('are neutralised in the job summary, the PR comment and the annotations (file= too)', async () => {
    const { dir, base } = workspace();
    const path = 'cfg/\u202eevil\u2066.env';
    const head = commit(dir, { [path]: envFile() });
    const api = await startGitHubApi();
    const step = await runActionStep({ workspace: dir, event: 'pull_request', payload: prEvent(base, head), apiUrl: api.apiUrl });
    expect(step.code, step.stdout).toBe(1);
    const bidi = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
    const annotations = step.lines.filter((line) => /^::(error|warning) /.test(line));
    expect(annotations.some((line) => line.includes('file=cfg/?evil?.env'))).toBe(true);
    expect(annotations.join('\n')).not.toMatch(bidi);
    expect(step.summary).toContain('cfg/');
    expect(step.summary).not.toMatch(bidi);
    expect(api.requests.map((request) => request.rawBody).join('\n')).not.toMatch(bidi);
  });
});
