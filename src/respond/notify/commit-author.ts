import type { RepositoryRef } from './notice.js';

/**
 * One GitHub REST call, shaped as @octokit/rest's `octokit.request`: pass that (with its
 * throttling and retry plugins) and this file needs no import of octokit. It throws, as
 * octokit does, an error with a numeric `status` for an HTTP error answer.
 */
export type GitHubRequest = (route: string, parameters: Record<string, string | number>) => Promise<{ data: unknown }>;

/** GitHub's answers for a commit it does not have (not pushed, or the id names nothing). */
const notThere = new Set([404, 422]);

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
}

/** `author.login` of `GET /repos/{owner}/{repo}/commits/{ref}`; null there when the author's email belongs to no account. */
function authorLoginIn(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !('author' in data)) return undefined;
  const author = data.author;
  if (typeof author !== 'object' || author === null || !('login' in author)) return undefined;
  return typeof author.login === 'string' && author.login !== '' ? author.login : undefined;
}

/**
 * The GitHub login of a commit's author in `repository`, for `mentionOwners`' fallback:
 * undefined when GitHub does not have the commit or links its author to no account. Other
 * failures (auth, rate limits past the plugins' retries) throw, for the caller to warn about.
 */
export function commitAuthorLogin(request: GitHubRequest, repository: Pick<RepositoryRef, 'owner' | 'name'>): (commit: string) => Promise<string | undefined> {
  return async (commit) => {
    try {
      // One changed file a page: only the author is wanted, not a large commit's whole diff.
      const { data } = await request('GET /repos/{owner}/{repo}/commits/{ref}', { owner: repository.owner, repo: repository.name, ref: commit, per_page: 1 });
      return authorLoginIn(data);
    } catch (error) {
      if (notThere.has(statusOf(error) ?? 0)) return undefined;
      throw error;
    }
  };
}
