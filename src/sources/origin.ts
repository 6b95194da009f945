import { gitOutput } from './git.js';

/**
 * The URL of the `origin` remote of the repository holding `dir` (with git's `insteadOf`
 * rewrites applied), or undefined when there is none: no repository, no such remote, no git.
 * It can carry credentials (`https://user:token@host/…`): callers keep only host and path.
 */
export async function originRemoteUrl(dir: string): Promise<string | undefined> {
  try {
    const { stdout, code } = await gitOutput(dir, ['remote', 'get-url', 'origin'], { allowFailure: true });
    const url = stdout.toString('utf8').trim();
    return code === 0 && url !== '' ? url : undefined;
  } catch {
    // git missing, or `dir` not a directory: no remote to read, as for a directory outside any repository.
    return undefined;
  }
}
