/**
 * The repositories a remote audit reads (SPEC §8), as GitHub lists them. Here, next to the one
 * GitHub client, because octokit lives only in this layer (ARCHITECTURE.md); nothing here
 * notifies anyone, it only reads listings through that client.
 */
import { httpStatus, listAll, type GitHubClient } from './github-client.js';

/** One repository as the listing describes it: enough to decide whether to read it, and where from. */
export interface ListedRepository {
  /** `OWNER/NAME`, as findings carry it. */
  fullName: string;
  cloneUrl: string;
  fork: boolean;
  archived: boolean;
  /** Named with `--repo` (rather than listed with an organization or user): asked for, fork or archived. */
  named: boolean;
  /** GitHub's `size`, in KiB (0 when not given): what a sharded audit balances its shards by. */
  size: number;
}

/** What the audit was asked to read: named repositories, an organization's, a user's. */
export interface AuditTargets {
  repos: readonly string[];
  orgs: readonly string[];
  users: readonly string[];
}

/** The repositories listed, and each named one that could not be looked up (with why). */
export interface Listing {
  repositories: ListedRepository[];
  notFound: { repository: string; reason: string }[];
}

/**
 * Every repository of `targets`, each once: an organization's and a user's (`type=all`, every
 * page), then each one named. A named repository GitHub does not answer for is a `notFound`
 * entry (the audit goes on); an organization or user that cannot be listed throws (a plain
 * `Error`, safe to print): the audit would not know what it missed.
 */
export async function listRepositories(client: GitHubClient, targets: AuditTargets): Promise<Listing> {
  const listed = new Map<string, ListedRepository>();
  const notFound: Listing['notFound'] = [];
  const add = (item: unknown, named: boolean) => {
    const repository = repositoryOf(item, named);
    // Named and listed too: named (asked for) wins.
    if (repository && (named || !listed.has(repository.fullName.toLowerCase()))) listed.set(repository.fullName.toLowerCase(), repository);
  };
  for (const [route, parameter, names] of [
    ['GET /orgs/{org}/repos', 'org', targets.orgs],
    ['GET /users/{username}/repos', 'username', targets.users],
  ] as const) {
    for (const name of names) {
      await client
        .call(async (api) => {
          for await (const item of listAll(api, route, { [parameter]: name, type: 'all' }, `repositories of ${name}`)) add(item, false);
        })
        .catch((error: unknown) => {
          throw new Error(`cannot list the repositories of ${name}: ${error instanceof Error ? error.message : String(error)}`);
        });
    }
  }
  for (const fullName of targets.repos) {
    const [owner = '', repo = ''] = fullName.split('/');
    try {
      // Not found: GitHub's 404 (private ones the token may not see too) is the usual reason.
      const data = await client.call(async (api) => {
        try {
          return (await api.request('GET /repos/{owner}/{repo}', { owner, repo })).data as unknown;
        } catch (error) {
          if (httpStatus(error) === 404) return undefined;
          throw error;
        }
      });
      if (data === undefined) notFound.push({ repository: fullName, reason: 'GitHub API: 404 Not Found' });
      else if (!repositoryOf(data, true)) notFound.push({ repository: fullName, reason: 'GitHub API: unexpected answer' });
      else add(data, true);
    } catch (error) {
      notFound.push({ repository: fullName, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { repositories: [...listed.values()], notFound };
}

/** The fields of one repository object keywarden reads; undefined when they are not all there. */
function repositoryOf(item: unknown, named: boolean): ListedRepository | undefined {
  if (item === null || typeof item !== 'object') return undefined;
  const { full_name: fullName, clone_url: cloneUrl, fork, archived, size } = item as Record<string, unknown>;
  if (typeof fullName !== 'string' || typeof cloneUrl !== 'string') return undefined;
  return { fullName, cloneUrl, fork: fork === true, archived: archived === true, named, size: typeof size === 'number' && Number.isFinite(size) && size > 0 ? Math.round(size) : 0 };
}
