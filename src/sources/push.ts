import { gitOutput } from './git.js';

/**
 * What a push adds. git hands the pre-push hook one line per ref,
 * `<local ref> <local sha> <remote ref> <remote sha>`, on stdin; a sha of zeros means "none"
 * (a new branch has no remote sha, a deletion no local one).
 */

export interface PushedRef {
  localRef: string;
  localSha: string;
  remoteRef: string;
  remoteSha: string;
}

/** The sha git passes for "none" (SHA-1 length; any all-zero sha means the same). */
export const zeroSha = '0'.repeat(40);
const isZero = (sha: string) => /^0+$/.test(sha);
const sha = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** Parse git's pre-push stdin; blank and malformed lines are ignored (git never sends them). */
export function parsePushLines(text: string): PushedRef[] {
  return text.split('\n').flatMap((line) => {
    const [localRef = '', localSha = '', remoteRef = '', remoteSha = '', extra] = line.trim().split(/\s+/);
    return sha.test(localSha) && sha.test(remoteSha) && extra === undefined ? [{ localRef, localSha, remoteRef, remoteSha }] : [];
  });
}

/**
 * `git log` revision arguments for the commits the push would add to the remote: every
 * pushed tip, minus what the remote has already — the remote's old tips that exist here, and
 * the remote-tracking refs of `remote` (all remotes' when it is not a configured remote name,
 * e.g. a URL). A new branch is thus scanned from where it left known history; a deleted ref
 * adds nothing. Undefined when nothing is pushed.
 */
export async function pushRevisions(repo: string, refs: readonly PushedRef[], remote: string | undefined): Promise<string[] | undefined> {
  const tips = refs.filter((ref) => !isZero(ref.localSha)).map((ref) => ref.localSha);
  if (tips.length === 0) return undefined;
  const known: string[] = [];
  for (const ref of refs) {
    if (isZero(ref.remoteSha)) continue;
    // A remote tip we have never fetched cannot be excluded by name; the remote-tracking refs still bound the walk.
    const { code } = await gitOutput(repo, ['cat-file', '-e', `${ref.remoteSha}^{commit}`], { allowFailure: true });
    if (code === 0) known.push(ref.remoteSha);
  }
  const remotes = (await gitOutput(repo, ['remote'])).stdout.toString('utf8').split('\n');
  const remoteRefs = remote !== undefined && remotes.includes(remote) ? `--remotes=${remote}` : '--remotes';
  // Every sha was checked to be hex, so none can be read as an option; `--` keeps them from being read as paths.
  return [...tips, '--not', ...known, remoteRefs, '--'];
}

/**
 * `git log` revision arguments for when the pushed refs are unknown (no lines on stdin: another
 * command in a shared hook read them first): every commit on a local branch that no
 * remote-tracking ref has. That covers whatever branch is pushed, not only HEAD's.
 */
export const unpushedRevisions: readonly string[] = ['--branches', '--not', '--remotes', '--'];
