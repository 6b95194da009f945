/**
 * On a pull request the Action reads its `config` file and `rules` directories (and the rule
 * directories that config names) from the PR's BASE commit, never from the head it checked
 * out: otherwise a PR could add an `exclude:` for its own leak, or loosen a rule, and pass its
 * own check. When the PR changes them, the log, the job summary and the PR comment say so.
 * The committed bundle (`dist/action/index.js`) in a real repository, a GitHub API stand-in on
 * 127.0.0.1 and providers at a refused port, as in action.test.ts (whose runner this repeats
 * in brief: only exit code, stdout, summary, outputs and the comment matter here).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { closedPortUrl, defaultToken, startGitHubApi, type GitHubApi } from '../helpers/github-api.js';
import { git, isolatedGitEnv, TestRepo } from '../helpers/history-repos.js';
import { keyFactory } from '../helpers/keys.js';
import { cleanTmpDirs, makeFileTmpDir, makeTmpDir } from '../helpers/tmp.js';

cleanTmpDirs();

const bundle = join(repoRoot, 'dist', 'action', 'index.js');
const defaults = (parseYaml(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }).inputs;

interface Step {
  code: number | null;
  stdout: string;
  summary: string;
  findings: string | undefined;
  /** The body of keywarden's PR comment after the run; undefined when there is none. */
  comment: string | undefined;
}

/** Run the bundle on a `pull_request` event for `base..head` of the repository at `dir`, as the runner would. */
async function runOnPullRequest(dir: string, base: string, head: string, inputs: Record<string, string>, api: GitHubApi): Promise<Step> {
  const temp = makeTmpDir('runner');
  const files = { event: join(temp, 'event.json'), output: join(temp, 'output'), summary: join(temp, 'summary') };
  writeFileSync(files.event, JSON.stringify({ number: 7, pull_request: { number: 7, base: { ref: 'main', sha: base }, head: { ref: 'feature', sha: head } } }));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const refused = await closedPortUrl();
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(GITHUB_|INPUT_|RUNNER_|KEYWARDEN_|GIT_)|_BASE_URL$/.test(name)));
  const all = { ...Object.fromEntries(Object.entries(defaults).map(([name, spec]) => [name, spec.default ?? ''])), 'github-token': defaultToken, ...inputs };
  Object.assign(env, isolatedGitEnv, {
    NO_COLOR: '1',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_WORKSPACE: dir,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_API_URL: api.apiUrl,
    RUNNER_TEMP: temp,
    OPENROUTER_BASE_URL: `${refused}/api/v1`,
    TOKENROUTER_BASE_URL: refused,
    ...Object.fromEntries(Object.entries(all).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
  });
  const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [bundle], { cwd: dir, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (exit) => resolve({ code: exit, stdout: out }));
  });
  // `name=value`, or `name<<DELIMITER` then the value's lines, as @actions/core writes it.
  const findings = /^findings(?:=(.*)|<<.*\n(.*))$/m.exec(readFileSync(files.output, 'utf8'))?.slice(1).find((value) => value !== undefined);
  return { code, stdout, summary: readFileSync(files.summary, 'utf8'), findings, comment: api.commentsOn(7).find((c) => c.body.startsWith('<!-- keywarden:pr-comment -->'))?.body };
}

/** A repository with `main` at a README: built once, copied for each test (a copy runs no git). */
let template: { dir: string; start: string };
beforeAll(() => {
  const dir = join(makeFileTmpDir('base-config'), 'workspace');
  mkdirSync(dir);
  template = { dir, start: TestRepo.init(dir).commit({ 'README.md': '# widgets\n' }, 'main') };
});

/** A repository with `main` at the README and `files`, and a `feature` branch off it; returns it and main's commit. */
function repoWith(files: Record<string, string>): { repo: TestRepo; base: string } {
  const dir = join(makeTmpDir('base-config'), 'workspace');
  cpSync(template.dir, dir, { recursive: true });
  const repo = new TestRepo(dir);
  const base = Object.keys(files).length === 0 ? template.start : repo.commit(files, 'main');
  git(dir, ['checkout', '-q', '-b', 'feature']);
  return { repo, base };
}

const keys = keyFactory(0x62617365);
const envFile = (key: string) => `OPENROUTER_API_KEY=${key}\n`;

/** A user rule for `acme_` keys; `body` is its key alphabet and length. */
const acmeRules = (body = '[a-z0-9]{32}') =>
  JSON.stringify({
    provider: 'acme',
    name: 'ACME',
    rules: [{ id: 'acme.key', name: 'ACME key', severity: 'high', keywords: ['acme_'], pattern: `(?<![A-Za-z0-9_])acme_${body}(?![A-Za-z0-9])`, examples: ['acme_{{lower:32}}'], negativeExamples: ['acme_your_key'] }],
  });
const acmeKey = () => `acme_${keys.chars('lower', 32)}`;

describe('a pull request cannot change the settings that check it', () => {
  it('a config the PR adds, excluding its own leak, is not used: exit 1, and the comment says the PR changes it', async () => {
    const { repo, base } = repoWith({});
    const key = keys.openrouter();
    const head = repo.commit({ '.keywarden.yml': 'exclude:\n  - fixtures/\n', 'fixtures/sample.env': envFile(key) }, 'a "fixture"');
    const api = await startGitHubApi();
    const run = await runOnPullRequest(repo.dir, base, head, { config: '.keywarden.yml' }, api);
    expect(run.code, run.stdout).toBe(1);
    expect(run.findings).toBe('1');
    expect(run.comment).toMatch(/This pull request changes keywarden's settings \(`\.keywarden\.yml`\)\. This check used them as they are at the base commit [0-9a-f]{7}/);
    expect(run.summary).toContain("changes keywarden's settings (`.keywarden.yml`)");
    expect(run.stdout).toContain("keywarden: ⚠️ This pull request changes keywarden's settings");
    expect(run.comment).not.toContain(key);
  });

  it("a config the PR edits: the base's version is used", async () => {
    const { repo, base } = repoWith({ '.keywarden.yml': 'exclude:\n  - fixtures/\n' });
    const [fixture, real] = [keys.openrouter(), keys.openrouter()];
    const head = repo.commit({ '.keywarden.yml': 'exclude:\n  - fixtures/\n  - src/\n', 'fixtures/sample.env': envFile(fixture), 'src/app.env': envFile(real) }, 'exclude src too');
    const api = await startGitHubApi();
    const run = await runOnPullRequest(repo.dir, base, head, { config: '.keywarden.yml', comment: 'true' }, api);
    expect(run.code, run.stdout).toBe(1);
    expect(run.findings).toBe('1');
    expect(run.summary).toContain('src/app.env');
    expect(run.summary).not.toContain('fixtures/sample.env');
    expect(run.comment).toContain("changes keywarden's settings (`.keywarden.yml`)");
  });

  it("the base's config still applies when the PR leaves it alone, and then nothing is said about it", async () => {
    const { repo, base } = repoWith({ '.keywarden.yml': 'exclude:\n  - fixtures/\n' });
    const head = repo.commit({ 'fixtures/sample.env': envFile(keys.openrouter()) }, 'a fixture');
    const api = await startGitHubApi();
    const run = await runOnPullRequest(repo.dir, base, head, { config: '.keywarden.yml' }, api);
    expect(run.code, run.stdout).toBe(0);
    expect(run.findings).toBe('0');
    expect(run.stdout).not.toContain('changes keywarden');
    expect(run.comment).toBeUndefined();
  });

  // A rule loosened in the PR (its key no longer matches): the base's rule still finds the key.
  it.each([
    { name: 'a rules directory', base: { 'ci-rules/acme.yaml': acmeRules() }, loosened: { 'ci-rules/acme.yaml': acmeRules('[a-z0-9]{40}') }, inputs: { rules: 'ci-rules' }, changed: 'ci-rules' },
    {
      name: "a rules directory the base's config names",
      base: { 'ci/keywarden.yml': 'rules:\n  - rules\n', 'ci/rules/acme.yaml': acmeRules() },
      loosened: { 'ci/rules/acme.yaml': acmeRules('[A-Z]{32}') },
      inputs: { config: 'ci/keywarden.yml' },
      changed: 'ci/rules',
    },
  ])('$name the PR edits: read from the base, exit 1, and said so', async ({ base: files, loosened, inputs, changed }) => {
    const { repo, base } = repoWith(files);
    const head = repo.commit({ ...loosened, 'svc/acme.env': `ACME=${acmeKey()}\n` }, 'tune the rule');
    const api = await startGitHubApi();
    const run = await runOnPullRequest(repo.dir, base, head, inputs, api);
    expect(run.code, run.stdout).toBe(1);
    expect(run.findings).toBe('1');
    expect(run.comment).toContain(`changes keywarden's settings (\`${changed}\`)`);
  });

  it('a rule file the PR adds that would hang the scan is not even read', async () => {
    const { repo, base } = repoWith({ 'ci-rules/acme.yaml': acmeRules() });
    const slow = JSON.stringify({ provider: 'slow', name: 'Slow', rules: [{ id: 'slow.key', name: 'Slow', severity: 'low', keywords: ['zzz'], pattern: 'zzz(a|a){1,64}b', examples: ['zzz'], negativeExamples: ['x'] }] });
    const head = repo.commit({ 'ci-rules/slow.yaml': slow, 'notes.txt': `zzz${'a'.repeat(40)}\n` }, 'a new rule');
    const api = await startGitHubApi();
    const run = await runOnPullRequest(repo.dir, base, head, { rules: 'ci-rules' }, api);
    expect(run.code, run.stdout).toBe(0);
    expect(run.comment).toContain("changes keywarden's settings (`ci-rules`)");
  });

  it('a rules directory only the PR adds is not used, and said so; a clean PR still gets the comment', async () => {
    const { repo, base } = repoWith({});
    const head = repo.commit({ 'ci-rules/acme.yaml': acmeRules(), 'svc/acme.env': `ACME=${acmeKey()}\n` }, 'add rules');
    const api = await startGitHubApi();
    const run = await runOnPullRequest(repo.dir, base, head, { rules: 'ci-rules' }, api);
    expect(run.code, run.stdout).toBe(0);
    expect(run.comment).toContain('no leaked keys');
    expect(run.comment).toContain("changes keywarden's settings (`ci-rules`)");
  });

  it('a settings path that is a symbolic link at the base is refused, not followed: exit 2', async () => {
    const { repo, base } = repoWith({ 'real-rules/acme.yaml': acmeRules() });
    git(repo.dir, ['checkout', '-q', 'main']);
    git(repo.dir, ['-c', 'core.symlinks=true', 'update-index', '--add', '--cacheinfo', `120000,${git(repo.dir, ['hash-object', '-w', '--stdin'], { input: 'real-rules' })},ci-rules`]);
    git(repo.dir, ['commit', '-q', '--no-verify', '-m', 'link']);
    const linked = git(repo.dir, ['rev-parse', 'HEAD']);
    git(repo.dir, ['checkout', '-q', '-B', 'feature']);
    const head = repo.commit({ 'x.txt': 'x\n' }, 'x');
    const api = await startGitHubApi();
    const run = await runOnPullRequest(repo.dir, linked, head, { rules: 'ci-rules' }, api);
    expect(base).not.toBe(linked);
    expect(run.code, run.stdout).toBe(2);
    expect(run.stdout).toMatch(/input rules: ci-rules is a symbolic link \(not followed\) at the base commit/);
  });
});
