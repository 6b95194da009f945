import type { NoticeFinding } from '../respond/notify/notice.js';
import { mentionOfLogin, mentionsOf, ownersOf, parseCodeOwners, type CodeOwners } from '../respond/notify/owners.js';
import { readCodeOwnersAt, type CodeOwnersFile } from '../sources/codeowners.js';

export interface MentionOwnersOptions {
  /** The repository the findings are in: a work tree or a bare repository. */
  repoDir: string;
  /** The commit whose CODEOWNERS applies to findings in no commit (working tree, staged, logs). Default `HEAD`. */
  fallbackCommit?: string;
  /** The GitHub login of a commit's author, undefined when GitHub knows none (see `commitAuthorLogin`). Asked once a commit. */
  authorLogin?: (commit: string) => Promise<string | undefined>;
  /** Told what could not be read or was skipped; the findings go on without those owners (notify's failures are warnings). */
  warn?: (message: string) => void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 300);

/**
 * Fill each finding's `owners` (SPEC §5.2, `--mention-owners`): the @-mentions of the CODEOWNERS
 * rule that owns its path at the commit that added the key (history findings), or at
 * `fallbackCommit` for the rest; when none does (no file, no rule, a rule that un-owns the
 * path, owners that are only addresses), the author of the finding's commit when GitHub knows
 * their login. `[]` when there is no one to mention. The findings come back in their order.
 */
export async function mentionOwners(findings: readonly NoticeFinding[], options: MentionOwnersOptions): Promise<NoticeFinding[]> {
  const warn = options.warn ?? (() => undefined);
  const revisionOf = (finding: NoticeFinding) => (finding.source === 'history' ? finding.commit : (options.fallbackCommit ?? 'HEAD'));
  const revisions = findings.flatMap((finding) => {
    const revision = finding.path === undefined ? undefined : revisionOf(finding);
    return revision === undefined ? [] : [revision];
  });
  const files = await readCodeOwnersAt(options.repoDir, revisions).catch((error: unknown) => {
    warn(`CODEOWNERS could not be read, so owners come from commit authors only: ${messageOf(error)}`);
    return new Map<string, CodeOwnersFile | undefined>();
  });

  const parsed = new Map<CodeOwnersFile, CodeOwners>();
  const codeOwnersOf = (file: CodeOwnersFile): CodeOwners => {
    let codeOwners = parsed.get(file);
    if (codeOwners === undefined) {
      parsed.set(file, (codeOwners = parseCodeOwners(file.text)));
      const lines = codeOwners.invalid.map((invalid) => invalid.line);
      if (lines.length > 0) warn(`${file.location} (blob ${file.oid.slice(0, 7)}): GitHub skips line ${lines.join(', ')}, and so does --mention-owners`);
    }
    return codeOwners;
  };

  const authors = new Map<string, Promise<string | undefined>>();
  const authorMention = (commit: string, authorLogin: (commit: string) => Promise<string | undefined>): Promise<string | undefined> => {
    let mention = authors.get(commit);
    if (mention === undefined) {
      mention = authorLogin(commit).then(
        (login) => (login === undefined ? undefined : mentionOfLogin(login)),
        (error: unknown) => {
          warn(`the author of commit ${commit.slice(0, 7)} could not be looked up on GitHub: ${messageOf(error)}`);
          return undefined;
        },
      );
      authors.set(commit, mention);
    }
    return mention;
  };

  return Promise.all(
    findings.map(async (finding): Promise<NoticeFinding> => {
      const revision = revisionOf(finding);
      const file = revision === undefined ? undefined : files.get(revision);
      const owners = file && finding.path !== undefined ? mentionsOf(ownersOf(codeOwnersOf(file), finding.path) ?? []) : [];
      // Only a history finding has an author of its own: HEAD's author did not add a key in the work tree.
      if (owners.length === 0 && finding.source === 'history' && finding.commit !== undefined && options.authorLogin) {
        const mention = await authorMention(finding.commit, options.authorLogin);
        if (mention !== undefined) owners.push(mention);
      }
      return { ...finding, owners };
    }),
  );
}
