import type { Finding } from '../core/types.js';
import { blobAt } from '../sources/git.js';

/**
 * A pull request is blamed only for keys it brings: a line it moved or re-added with a key
 * the base already had in that same file is not its leak (the key leaked before it). Each
 * path's base version is read once.
 */
export async function withoutKeysInBase(findings: readonly Finding[], repo: string, base: string): Promise<{ kept: Finding[]; inBase: number }> {
  const basePaths = new Map<string, Promise<Buffer | undefined>>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const { path } = finding.origin;
    let blob = basePaths.get(path);
    if (!blob) {
      blob = blobAt(repo, base, path);
      basePaths.set(path, blob);
    }
    const content = await blob;
    if (!content?.includes(finding.secret.reveal())) kept.push(finding);
  }
  return { kept, inBase: findings.length - kept.length };
}
