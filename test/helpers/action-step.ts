/**
 * The action's bundle (`dist/action/index.js`) run as one workflow step, as the runner runs it:
 * an event file, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, every input of action.yml as `INPUT_*`
 * (its default unless given), providers on a refused port. What the step printed, line by
 * line, and the files it wrote come back as text: enough for tests of what people see.
 * (test/action/action.test.ts reads stdout as the runner's command parser does.)
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from './cli.js';
import { closedPortUrl, defaultToken } from './github-api.js';
import { isolatedGitEnv } from './history-repos.js';
import { makeTmpDir } from './tmp.js';

export interface StepRequest {
  workspace: string;
  event: string;
  payload: object;
  /** GITHUB_API_URL; a refused port when left out. */
  apiUrl?: string;
  /** By action.yml's name (`fail-on`). */
  inputs?: Record<string, string>;
  /** The step's `env:` in the workflow (a provider stand-in's base URL, say), over the runner's. */
  env?: Record<string, string>;
}

export interface Step {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout split as the runner splits it. */
  lines: string[];
  summary: string;
  outputFile: string;
}

const bundle = join(repoRoot, 'dist', 'action', 'index.js');

function inputDefaults(): Record<string, string> {
  const { inputs } = parseYaml(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  return { ...Object.fromEntries(Object.entries(inputs).map(([name, spec]) => [name, spec.default ?? ''])), 'github-token': defaultToken };
}

/** This machine's environment without anything a runner or keywarden would read. */
function plainEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_|KEYWARDEN_|GIT_)|_BASE_URL$|^(NO_COLOR|FORCE_COLOR|CI)$/.test(name)));
}

export async function runActionStep(request: StepRequest): Promise<Step> {
  const dir = makeTmpDir('step');
  const [event, output, summary] = ['event.json', 'output', 'summary'].map((name) => join(dir, name)) as [string, string, string];
  writeFileSync(event, JSON.stringify(request.payload));
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const refused = await closedPortUrl();
  const inputs = { ...inputDefaults(), ...request.inputs };
  const env: NodeJS.ProcessEnv = {
    ...plainEnv(),
    ...isolatedGitEnv,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    NO_COLOR: '1',
    GITHUB_EVENT_NAME: request.event,
    GITHUB_EVENT_PATH: event,
    GITHUB_WORKSPACE: request.workspace,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_API_URL: request.apiUrl ?? refused,
    OPENROUTER_BASE_URL: `${refused}/api/v1`,
    AGENTROUTER_BASE_URL: refused,
    TOKENROUTER_BASE_URL: refused,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...request.env,
  };
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [bundle], { cwd: request.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: string[] = [];
    const err: string[] = [];
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => out.push(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (exit) => resolve({ code: exit, stdout: out.join(''), stderr: err.join('') }));
  });
  return { code, stdout, stderr, lines: stdout.split(/\r\n|\r|\n/), summary: readFileSync(summary, 'utf8'), outputFile: readFileSync(output, 'utf8') };
}
