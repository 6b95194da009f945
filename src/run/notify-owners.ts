import { commitAuthorLogin, type GitHubRequest } from '../respond/notify/commit-author.js';
import { gitHubClient } from '../respond/notify/github-client.js';
import type { Notice, RepositoryRef } from '../respond/notify/notice.js';
import { mentionOwners } from './mention-owners.js';

export interface OwnerLookup {
  /** The repository's local clone (a work tree or a bare repository): CODEOWNERS is read there, at each finding's commit. */
  repoDir: string;
  /** Where the GitHub channels write; with a token, commit authors' logins are asked of its API. */
  github?: { repository: RepositoryRef; apiUrl: string; token: string };
  warn: (message: string) => void;
}

/**
 * `--mention-owners`: the notice with each finding's owners filled in (CODEOWNERS at the
 * commit, else the commit author's GitHub login). The author lookup goes through the one
 * GitHub client, inside its `call`, so a failure reaches the warning as a short safe message.
 */
export async function withOwners(notice: Notice, lookup: OwnerLookup): Promise<Notice> {
  const { github } = lookup;
  let authorLogin: ((commit: string) => Promise<string | undefined>) | undefined;
  if (github) {
    const client = gitHubClient({ apiUrl: github.apiUrl, token: github.token });
    authorLogin = (commit) => client.call((api) => commitAuthorLogin(api.request as unknown as GitHubRequest, github.repository)(commit));
  }
  const findings = await mentionOwners(notice.findings, { repoDir: lookup.repoDir, ...(authorLogin ? { authorLogin } : {}), warn: lookup.warn });
  return { ...notice, findings };
}
