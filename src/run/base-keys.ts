import type { Finding } from '../core/types.js';
import { base64Forms } from '../detect/prefilter.js';
import { blobAt, gitLines } from '../sources/git.js';
import { utf8Of } from '../sources/text-encoding.js';

/**
 * A pull request (or a push) is blamed only for keys it brings. Left out: a key the base
 * already had in that same file (a line the range edited, or removed and re-added), and,
 * when `head` is given, a key on a line the range removed anywhere (a file it moved or
 * renamed, a line it moved to another file): the key leaked before the range did.
 * A key counts as there in its plain form or in any of the forms it takes inside base64
 * text (a Kubernetes Secret), as the scanner finds it in either.
 * Each path's base version is read once; the diff only when a finding is left to explain.
 */
export async function withoutKeysInBase(findings: readonly Finding[], repo: string, base: string, head?: string): Promise<{ kept: Finding[]; inBase: number }> {
  const basePaths = new Map<string, Promise<Buffer | undefined>>();
  const forms = new Map<string, string[]>();
  const formsOf = (finding: Finding): string[] => {
    const key = finding.secret.reveal();
    let known = forms.get(key);
    if (!known) forms.set(key, (known = [key, ...base64Forms(key)]));
    return known;
  };
  let kept: Finding[] = [];
  for (const finding of findings) {
    const { path } = finding.origin;
    let blob = basePaths.get(path);
    if (!blob) {
      // As the range's lines were read: UTF-16 text decoded.
      blob = blobAt(repo, base, path).then((content) => content && utf8Of(content));
      basePaths.set(path, blob);
    }
    const content = await blob;
    if (!content || !formsOf(finding).some((form) => content.includes(form))) kept.push(finding);
  }
  if (head !== undefined && kept.length > 0) {
    const moved = await keysOnRemovedLines(repo, base, head, new Map(kept.map((finding) => [finding.secret.reveal(), formsOf(finding)])));
    kept = kept.filter((finding) => !moved.has(finding.secret.reveal()));
  }
  return { kept, inBase: findings.length - kept.length };
}

/**
 * Which of `keys` (each with the forms it is looked for in) sit on a line that `git diff base head` removes. `--no-renames`, so a moved
 * file shows every line removed from its old path however much it was edited on the way.
 * Stops reading once every key is accounted for.
 */
async function keysOnRemovedLines(repo: string, base: string, head: string, keys: Map<string, string[]>): Promise<Set<string>> {
  const found = new Set<string>();
  const args = ['diff', '-U0', '--no-renames', '--text', '--no-color', '--no-ext-diff', '--no-textconv', '--end-of-options', base, head, '--'];
  for await (const line of gitLines(repo, args)) {
    // A `--- a/path` header passes too: harmless, as a key-bearing path must still be in the base.
    if (!line.startsWith('-')) continue;
    for (const [key, forms] of keys) {
      if (forms.some((form) => line.includes(form))) {
        found.add(key);
        keys.delete(key);
      }
    }
    if (keys.size === 0) break;
  }
  return found;
}
