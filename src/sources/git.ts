import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { KeywardenError } from '../core/errors.js';
import { childOutput, type ChildOutput, type ChunkHandler } from './lent-output.js';

/**
 * The one adapter for running git. Plain child processes rather than simple-git on the hot
 * paths: the pre-commit guard must start fast (simple-git alone costs ~45 ms to import),
 * and history needs long-lived streaming processes (`cat-file --batch`).
 *
 * Every git run gets an environment that can never reach the network: a partial clone's
 * lazy fetch of a missing object is refused (GIT_NO_LAZY_FETCH for git ≥ 2.44, and no
 * transport protocol allowed for older ones), so a missing object is reported, not fetched.
 */
export function gitEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_NO_LAZY_FETCH: '1',
    GIT_ALLOW_PROTOCOL: 'none',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    LC_ALL: 'C',
    ...extra,
  };
}

/**
 * Options that keep git's output stable and machine-readable whatever the user's or the
 * repository's config: each of these, set otherwise, once made the diff parser drop lines
 * (blank context lines printed empty, root commits without a diff) or ran a repository's
 * own command (fsmonitor).
 */
export const stableConfig = [
  ...['-c', 'core.quotepath=false', '-c', 'color.ui=false', '-c', 'diff.noprefix=false', '-c', 'core.pager=cat'],
  ...['-c', 'diff.suppressBlankEmpty=false', '-c', 'diff.interHunkContext=0', '-c', 'log.showRoot=true', '-c', 'core.fsmonitor=false'],
];

/** `clone`, `cat-file --batch` → `cat-file`: the words of a git command line that name it, options left out. */
function commandOf(args: readonly string[], words: number): string {
  return args.filter((a) => !a.startsWith('-')).slice(0, words).join(' ');
}

/** A git failure as a KeywardenError (exit 2), naming the command and git's first error line, never file content. */
export function gitError(args: readonly string[], stderr: string, code: number | null): KeywardenError {
  const lines = stderr.split('\n').filter((line) => line.trim() !== '');
  // git often warns before it fails; the reason is the fatal or error line.
  const reason = lines.find((line) => /^(fatal|error):/.test(line)) ?? lines[0] ?? `exit code ${code ?? 'unknown'}`;
  return new KeywardenError(`git ${commandOf(args, 2)} failed: ${reason.slice(0, 300)}`);
}

/** Run git and return its stdout as a Buffer; throws KeywardenError when git fails or is missing. `input` is written to its stdin. */
export function gitOutput(
  cwd: string,
  args: readonly string[],
  options: { allowFailure?: boolean; input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; onStderr?: (text: string) => void } = {},
): Promise<{ stdout: Buffer; code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const limits = options.timeoutMs !== undefined ? { timeout: options.timeoutMs, killSignal: 'SIGKILL' as const } : {};
    const child = execFile('git', [...stableConfig, ...args], { cwd, env: options.env ?? gitEnv(), encoding: 'buffer', maxBuffer: 1 << 30, ...limits }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : -1) : 0;
      if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
        reject(new KeywardenError('git is not installed or not on PATH'));
      } else if (error && options.timeoutMs !== undefined && (error as { killed?: boolean }).killed) {
        reject(new KeywardenError(`git ${commandOf(args, 1)} took longer than ${Math.round(options.timeoutMs / 1000)} s, and was stopped`));
      } else if (error && !options.allowFailure) {
        reject(gitError(args, stderr.toString('utf8'), code));
      } else {
        resolve({ stdout, code, stderr: stderr.toString('utf8') });
      }
    });
    // Progress as git writes it (a clone's percentages); stderr is still collected whole for the error.
    if (options.onStderr) child.stderr?.on('data', (part: Buffer) => options.onStderr?.(part.toString('utf8')));
    // git may exit before reading all of its input (e.g. on a bad argument): its error is what matters, not EPIPE.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input ?? '');
  });
}

/**
 * Split a byte stream into lines at `\n` only, as git does. (readline also splits at a lone
 * `\r`, which would let a carriage return inside an added line end a diff hunk early and
 * hide the lines after it.) A `\r` before the `\n` is kept; detection treats it as a boundary.
 */
export async function* splitLines(input: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  for await (const chunk of input) {
    let start = 0;
    for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, newline);
      yield (pending.length > 0 ? Buffer.concat([...pending, piece]) : piece).toString('utf8');
      pending = [];
      start = newline + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) yield Buffer.concat(pending).toString('utf8');
}

/** A spawned git's exit code (rejecting if it could not start) and the start of what it wrote to stderr. */
export function watchGit(child: ChildProcess): { exited: Promise<number | null>; stderr: () => string } {
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < 4096) stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new KeywardenError('git is not installed or not on PATH') : error));
    child.on('close', resolve);
  });
  // Handled when awaited; without this, git failing to start before the output ends is an unhandled rejection.
  exited.catch(() => undefined);
  return { exited, stderr: () => stderr };
}

/** Run git and yield its stdout as it arrives, in raw chunks; throws after the last chunk if git failed. */
export async function* gitChunks(cwd: string, args: readonly string[]): AsyncGenerator<Buffer> {
  const child = spawn('git', [...stableConfig, ...args], { cwd, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const { exited, stderr } = watchGit(child);
  try {
    yield* child.stdout as AsyncIterable<Buffer>;
    const code = await exited;
    if (code !== 0) throw gitError(args, stderr(), code);
  } finally {
    // A consumer that stops early (an error, a break) must not leave git blocked on a full pipe.
    if (child.exitCode === null && child.signalCode === null) child.kill();
  }
}

/**
 * `spawn` into `output`; spawn throws at once for some failures (an argument node refuses, E2BIG,
 * ENOMEM), and then the output's sockets are closed, or they would keep node running.
 */
export function spawnWith<T>(output: ChildOutput, start: () => T): T {
  try {
    return start();
  } catch (error) {
    output.discard();
    throw error;
  }
}

/**
 * Run git and hand its stdout to `onChunk` as it arrives, each chunk lent (valid only during the
 * call; `lent-output.ts`), which spares node a buffer per read on long outputs. Throws after the
 * last chunk if git failed, and stops git if `onChunk` throws.
 */
export async function gitRead(cwd: string, args: readonly string[], onChunk: ChunkHandler): Promise<void> {
  const output = await childOutput();
  const child = spawnWith(output, () => spawn('git', [...stableConfig, ...args], { cwd, env: gitEnv(), stdio: ['ignore', output.stdio, 'pipe'] }));
  const { exited, stderr } = watchGit(child);
  try {
    await output.read(child, onChunk);
    const code = await exited;
    if (code !== 0) throw gitError(args, stderr(), code);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill();
  }
}

/** Run git and yield its stdout line by line (without the newline), streaming; throws after the last line if git failed. */
export function gitLines(cwd: string, args: readonly string[]): AsyncGenerator<string> {
  return splitLines(gitChunks(cwd, args));
}

/** The content of `path` at commit `rev`; undefined when the commit has no such file. */
export async function blobAt(repo: string, rev: string, path: string): Promise<Buffer | undefined> {
  const run = await gitOutput(repo, ['cat-file', 'blob', '--end-of-options', `${rev}:${path}`], { allowFailure: true });
  return run.code === 0 ? run.stdout : undefined;
}
