import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built bin, exactly as `npm ci` leaves it: the tests run what users run. */
export const cliPath = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Providers' base URLs in every test run unless a test points them at its own stand-in:
 * port 9 on loopback refuses connections, so a test that forgets cannot reach the network.
 */
export const loopbackOnly: Record<string, string> = {
  OPENROUTER_BASE_URL: 'http://127.0.0.1:9/api/v1',
  AGENTROUTER_BASE_URL: '',
  TOKENROUTER_BASE_URL: 'http://127.0.0.1:9',
  KEYWARDEN_VERIFY_TIMEOUT: '',
  KEYWARDEN_VERIFY_CONCURRENCY: '',
};

/**
 * The environment without NODE_EXTRA_CA_CERTS: node reads and parses that bundle at every
 * start (~40 ms of CPU each), and a test never speaks TLS (loopback stand-ins are plain HTTP).
 */
export function withoutCaBundle(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const rest = { ...env };
  delete rest['NODE_EXTRA_CA_CERTS'];
  return rest;
}

export interface CliOptions {
  cwd: string;
  env?: Record<string, string>;
  input?: string | Uint8Array;
  /** Node options before the CLI's path (`--require` a preload, say). */
  nodeOptions?: string[];
  /** Leave stdin open (`input` is not used): the test writes to it and ends it itself (keys handed over slowly, say). */
  keepStdinOpen?: boolean;
}

/** Start keywarden in `cwd` with a clean colour environment unless `env` says otherwise; stdin gets `input`, then ends (unless `keepStdinOpen`). */
export function startCli(args: string[], options: CliOptions): ChildProcessWithoutNullStreams {
  const env: NodeJS.ProcessEnv = { ...withoutCaBundle(process.env), ...loopbackOnly, NO_COLOR: '', FORCE_COLOR: '', ...options.env };
  if (!options.env?.['NO_COLOR']) delete env['NO_COLOR'];
  if (!options.env?.['FORCE_COLOR']) delete env['FORCE_COLOR'];
  const child = spawn(process.execPath, [...(options.nodeOptions ?? []), cliPath, ...args], { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  if (!options.keepStdinOpen) child.stdin.end(options.input ?? '');
  return child;
}

/** Run keywarden to its end; see `startCli`. */
export function runCli(args: string[], options: CliOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = startCli(args, options);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
