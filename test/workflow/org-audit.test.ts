/**
 * The reusable workflow `.github/workflows/org-audit.yml` (SPEC §9): read as GitHub reads it
 * (triggers, inputs, least-privilege permissions, the matrix from the plan job's output,
 * artifact names), then run: each job's `run:` scripts with bash as the runner runs them, in
 * a workspace of their own, against the GitHub API stand-in and local bare repositories, with
 * the steps it `uses:` played by a few lines each (checkout of keywarden = this checkout,
 * artifacts = directories). The merged report must hold exactly what one `keywarden audit` finds
 * (SPEC §9), each key checked once at the merge; a shard without a report is named by the merge.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import { repoRoot, runCli, withoutCaBundle } from '../helpers/cli.js';
import { startGitHubApi } from '../helpers/github-api.js';
import { TestRepo } from '../helpers/history-repos.js';
import { keyFactory } from '../helpers/keys.js';
import { openRouterLike, startStandIn, tokenRouterLike } from '../helpers/providers.js';
import { makeTmpDir } from '../helpers/tmp.js';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
  run?: string;
}
interface Job {
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  strategy?: { 'fail-fast'?: boolean; 'max-parallel'?: string; matrix?: string };
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: { workflow_call: { inputs: Record<string, unknown>; secrets: Record<string, unknown> }; workflow_dispatch: { inputs: Record<string, unknown> } };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = parseYaml(readFileSync(join(repoRoot, '.github', 'workflows', 'org-audit.yml'), 'utf8')) as Workflow;
const keys = keyFactory(0x776f726b);

type Context = Record<string, unknown>;

/** `a.b-c.d`, or several such joined by `||` (the first non-empty): the expressions the workflow's `env:` and `with:` use. */
function valueOf(expression: string, context: Context): string {
  for (const part of expression.split('||').map((p) => p.trim())) {
    let here: unknown = context;
    for (const name of part.split('.')) here = here !== null && typeof here === 'object' ? (here as Record<string, unknown>)[name] : undefined;
    if (here !== undefined && here !== '') return String(here);
  }
  return '';
}
const expand = (text: string, context: Context) => text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => valueOf(expression, context));

/** The `if:` forms the workflow uses: `always()`, `hashFiles('f') != ''`, `needs.JOB.result == 'success'`, joined by `&&`. */
function holds(condition: string | undefined, context: Context, workspace: string): boolean {
  if (condition === undefined) return true;
  return condition
    .replace(/^\$\{\{\s*|\s*\}\}$/g, '')
    .split('&&')
    .map((term) => term.trim())
    .every((term) => {
      if (term === 'always()') return true;
      const file = /^hashFiles\('(.+)'\) != ''$/.exec(term);
      if (file) return existsSync(join(workspace, file[1]!));
      const result = /^needs\.([\w-]+)\.result == 'success'$/.exec(term);
      if (result) return valueOf(`needs.${result[1]}.result`, context) === 'success';
      throw new Error(`a condition this runner does not know: ${term}`);
    });
}

/** One job run in `workspace`: its steps in order, `run:` by bash, `uses:` played here; returns its outputs and whether it succeeded. */
/** bash as the runner starts it; asynchronous, so the stand-ins in this process can answer the script. */
function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

async function runJob(job: Job, context: Context, dirs: { workspace: string; artifacts: string; env: Record<string, string> }): Promise<{ outputs: Record<string, string>; ok: boolean; summary: string; log: string }> {
  const { workspace, artifacts } = dirs;
  mkdirSync(workspace, { recursive: true });
  const steps: Record<string, { outputs: Record<string, string> }> = {};
  const summary = join(workspace, '..', `${Date.now()}-${Math.random()}-summary.md`);
  writeFileSync(summary, '');
  let ok = true;
  let log = '';
  for (const step of job.steps) {
    const here = { ...context, steps };
    if (!ok && !(step.if ?? '').includes('always()')) continue;
    if (!holds(step.if, here, workspace)) continue;
    const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([name, value]) => [name, expand(String(value), here)]));
    if (step.uses?.startsWith('actions/checkout@')) {
      expect(inputs).toMatchObject({ repository: 'keywarden/keywarden', 'persist-credentials': 'false' });
      symlinkSync(repoRoot, join(workspace, inputs['path']!));
    } else if (step.uses?.startsWith('actions/setup-node@')) {
      expect(inputs['node-version']).toBe('20');
    } else if (step.uses?.startsWith('actions/upload-artifact@')) {
      const target = join(artifacts, inputs['name']!);
      const patterns = inputs['path']!.split('\n').map((line) => line.trim()).filter(Boolean);
      const files = readdirSync(workspace).filter((file) => patterns.some((pattern) => new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`).test(file)));
      if (files.length === 0 && inputs['if-no-files-found'] !== 'ignore') throw new Error(`upload ${inputs['name']}: no files`);
      expect(existsSync(target), `artifact ${inputs['name']} uploaded twice (artifacts are immutable)`).toBe(false);
      if (files.length > 0) mkdirSync(target, { recursive: true });
      for (const file of files) cpSync(join(workspace, file), join(target, file));
    } else if (step.uses?.startsWith('actions/download-artifact@')) {
      const names = inputs['name'] !== undefined ? [inputs['name']] : readdirSync(artifacts).filter((name) => new RegExp(`^${inputs['pattern']!.replace(/\*/g, '.*')}$`).test(name));
      expect(inputs['name'] !== undefined || inputs['merge-multiple'] === 'true').toBe(true);
      for (const name of names) cpSync(join(artifacts, name), join(workspace, inputs['path'] ?? '.'), { recursive: true });
    } else if (step.name === 'Install keywarden') {
      // This checkout is installed and built already (and `npm ci` here would reinstall it under the running tests).
      expect(step.run).toMatch(/^npm ci --prefix \.keywarden\b/);
    } else if (step.run !== undefined) {
      const output = join(workspace, '..', `${Date.now()}-${Math.random()}-output`);
      writeFileSync(output, '');
      const env = { ...withoutCaBundle(process.env), ...dirs.env, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, RUNNER_TEMP: join(workspace, '..'), ...Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, expand(value, here)])) };
      // The run line itself may hold no expression: inputs and secrets reach the script through env only.
      expect(step.run, `${step.name}: an expression in run:`).not.toContain('${{');
      const ran = await bash(step.run, workspace, env);
      if (step.id) steps[step.id] = { outputs: Object.fromEntries(readFileSync(output, 'utf8').split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])) };
      log += `${step.name ?? 'run'}: exit ${ran.status}\n${ran.stderr}`;
      if (ran.status !== 0) ok = false;
    } else throw new Error(`a step this runner does not play: ${step.uses ?? step.name}`);
  }
  const outputs = Object.fromEntries(Object.entries(job.outputs ?? {}).map(([name, value]) => [name, expand(value, { ...context, steps })]));
  return { outputs, ok, summary: readFileSync(summary, 'utf8'), log };
}

describe('.github/workflows/org-audit.yml', () => {
  it('is callable and dispatchable with org, shards, verify and revoke; the token a secret; nothing granted but reading', () => {
    for (const trigger of [workflow.on.workflow_call, workflow.on.workflow_dispatch]) {
      expect(Object.keys(trigger.inputs)).toEqual(expect.arrayContaining(['org', 'shards', 'verify', 'revoke']));
    }
    expect(Object.keys(workflow.on.workflow_call.secrets)).toContain('token');
    expect(workflow.permissions).toEqual({});
    for (const job of Object.values(workflow.jobs)) expect(job.permissions).toEqual({ contents: 'read' });
    expect(Object.keys(workflow.jobs)).toEqual(['plan', 'shard', 'merge']);
    expect(workflow.jobs['shard']?.needs).toBe('plan');
    expect(workflow.jobs['shard']?.strategy).toEqual({ 'fail-fast': false, 'max-parallel': '${{ inputs.max-parallel }}', matrix: '${{ fromJSON(needs.plan.outputs.matrix) }}' });
    expect(workflow.jobs['merge']?.needs).toEqual(['plan', 'shard']);
    expect(workflow.jobs['merge']?.if).toContain('always()');
  });

  it('plan → shards → merge, run as the runner runs them: exactly what one audit finds, each key checked once at the merge, the report uploaded and summarised', async () => {
    const api = await startGitHubApi();
    const [shared, own, deep, dead] = [keys.openrouter(), keys.openrouter(), keys.tokenrouterLive(), keys.openrouter()];
    const one = TestRepo.init(makeTmpDir('wf-one'));
    one.commit({ 'app.env': `KEY=${shared}\n` }, 'key');
    one.commit({ 'app.env': 'KEY=from-the-vault\n' }, 'removed, still in history');
    const two = TestRepo.init(makeTmpDir('wf-two'));
    // big.txt is over 1 MB: GitHub's contents API leaves it out, and the merge reads it through the blobs API.
    two.commit({ 'config/app.env': `# settings\nKEY=${shared}\nOTHER=${own}\n`, 'big.txt': `${'filler line\n'.repeat(100_000)}TOKENROUTER=${deep}\n` }, 'keys');
    const three = TestRepo.init(makeTmpDir('wf-three'));
    three.commit({ 'README.md': 'hello\n', 'old.env': `KEY=${dead}\n` }, 'docs');
    api.seedRepositories([
      { fullName: 'acme/one', cloneUrl: one.dir, size: 300 },
      { fullName: 'acme/two', cloneUrl: two.dir, size: 200 },
      { fullName: 'acme/three', cloneUrl: three.dir, size: 100 },
    ]);
    const openrouter = await startStandIn(openRouterLike({ live: [shared, own] }));
    const tokenrouter = await startStandIn(tokenRouterLike({ live: [deep] }));
    const root = makeTmpDir('wf');
    const artifacts = join(root, 'artifacts');
    mkdirSync(artifacts);
    const env = { GITHUB_API_URL: api.apiUrl, OPENROUTER_BASE_URL: `${openrouter.origin}/api/v1`, TOKENROUTER_BASE_URL: tokenrouter.origin };
    const context: Context = { inputs: { org: 'acme', shards: 2, 'max-parallel': 20, verify: true, revoke: false, 'keywarden-ref': 'main' }, secrets: { token: api.token } };

    const plan = await runJob(workflow.jobs['plan']!, context, { workspace: join(root, 'plan', 'w'), artifacts, env });
    expect(plan.ok, plan.log).toBe(true);
    const matrix = JSON.parse(plan.outputs['matrix']!) as { include: { shard: string }[] };
    expect(matrix).toEqual({ include: [{ shard: '1/2' }, { shard: '2/2' }] });

    const needs = { plan: { result: 'success', outputs: plan.outputs } };
    for (const [index, entry] of matrix.include.entries()) {
      const shard = await runJob(workflow.jobs['shard']!, { ...context, needs, matrix: entry, strategy: { 'job-index': index } }, { workspace: join(root, `shard-${index}`, 'w'), artifacts, env });
      expect(shard.ok, shard.log).toBe(true);
    }
    expect(readdirSync(artifacts).sort()).toEqual(['keywarden-plan', 'keywarden-shard-0', 'keywarden-shard-1']);
    // The shards check nothing: the shared key is in two repositories of two shards.
    expect(openrouter.requests.length + tokenrouter.requests.length).toBe(0);

    const merge = await runJob(workflow.jobs['merge']!, { ...context, needs: { ...needs, shard: { result: 'success' } } }, { workspace: join(root, 'merge', 'w'), artifacts, env });
    // Keys were found: the job fails, after uploading the report.
    expect(merge.ok, merge.log).toBe(false);
    const uploaded = join(artifacts, 'keywarden-audit-report');
    expect(readdirSync(uploaded).sort()).toEqual(['keywarden-audit.html', 'keywarden-audit.json', 'keywarden-audit.sarif']);
    const merged = JSON.parse(readFileSync(join(uploaded, 'keywarden-audit.json'), 'utf8')) as Report;
    for (const key of [shared, own, dead]) expect(openrouter.requestsFor(key)).toHaveLength(1);
    expect(tokenrouter.requestsFor(deep)).toHaveLength(1);
    expect(merged.findings.filter((f) => f.verification?.status === 'live')).toHaveLength(4);
    expect(merged.repositories?.scanned).toEqual(['acme/one', 'acme/three', 'acme/two']);

    // Exactly the findings of one audit of the organisation: (repository, path, commit, key hash).
    const audit = await runCli(['audit', '--org', 'acme', '--no-verify', '--format', 'json', '--cache', join(root, 'cache')], { cwd: root, env: { ...env, GITHUB_TOKEN: api.token } });
    const places = (report: Report) => report.findings.map((f) => `${f.repository} ${f.path} ${f.commit} ${f.secretHash}`).sort();
    expect(places(merged)).toEqual(places(JSON.parse(audit.stdout) as Report));
    expect(places(merged)).toHaveLength(5);
    expect(merge.summary).toContain('acme/two');
    const published = readFileSync(join(uploaded, 'keywarden-audit.html'), 'utf8') + readFileSync(join(uploaded, 'keywarden-audit.json'), 'utf8') + merge.summary + merge.log;
    for (const secret of [shared, own, deep, dead, api.token]) expect(published).not.toContain(secret);

    // A shard whose job left no report: the merge names its repositories as not scanned.
    const partial = await runCli(['merge', join(artifacts, 'keywarden-shard-1', 'shard-2.json'), '--plan-file', join(artifacts, 'keywarden-plan', 'plan.json'), '--format', 'json'], { cwd: root, env });
    expect(partial.code).toBe(1);
    expect(partial.stderr).toContain('shard 1/2 has no report: its 1 repository was not scanned');
    expect((JSON.parse(partial.stdout) as Report).repositories?.notScanned).toEqual([{ repository: 'acme/one', reason: 'shard 1/2 has no report' }]);
  });
});
