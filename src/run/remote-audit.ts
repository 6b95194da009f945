import type { RepositoryCoverage, ScanWarning } from '../core/types.js';
import { gitHubClient, type GitHubClientSettings } from '../respond/notify/github-client.js';
import { listRepositories, type AuditTargets, type ListedRepository } from '../respond/notify/repository-list.js';
import { openRepository } from '../sources/history.js';
import { updateMirror } from '../sources/mirror.js';
import { historySource } from './history.js';
import type { Source } from './source.js';

/**
 * `keywarden audit --repo/--org/--user` (SPEC §8): the repositories GitHub lists, each
 * mirrored into the cache and its history scanned, all in one run, so one report holds them
 * all and the run's verifier checks each distinct key once however many repositories hold it.
 * Repositories are read one after another (`--concurrency` is not there yet).
 */

export interface RemoteAuditRequest extends AuditTargets {
  includeForks: boolean;
  includeArchived: boolean;
  /** Globs on `OWNER/NAME`: repositories they match are not read. */
  exclude: readonly string[];
}

/** What to read, and what was skipped and why (for the not-scanned list). */
export interface AuditPlan {
  repositories: ListedRepository[];
  notScanned: RepositoryCoverage['notScanned'];
}

/** The repositories to read: listed, then forks and archived ones (unless named with `--repo`) and `--exclude` matches left out (those are not asked for, so they are no warning). */
export async function planRemoteAudit(request: RemoteAuditRequest, api: Pick<GitHubClientSettings, 'apiUrl' | 'token'> & Partial<GitHubClientSettings>): Promise<AuditPlan> {
  const listing = await listRepositories(gitHubClient(api), request);
  const repositories = listing.repositories.filter(
    (repository) =>
      (repository.named || ((request.includeForks || !repository.fork) && (request.includeArchived || !repository.archived))) && !isExcludedRepository(repository.fullName, request.exclude),
  );
  return { repositories, notScanned: listing.notFound };
}

/**
 * A source reading each planned repository in turn: mirror it (clone or fetch), then its
 * history, each finding marked with its repository (so two repositories' findings never merge:
 * the fingerprint includes it). A repository that cannot be mirrored, or is empty, is an
 * `incomplete` warning naming it, and the audit goes on (the verdict then exits 2).
 */
/** Where a remote audit is: `done` of `total` repositories, and what it does with the current one (`done` once all are). */
export interface RemoteAuditProgress {
  done: number;
  total: number;
  repository: string;
  step: 'mirroring' | 'scanning' | 'done';
}

export function remoteAuditSource(
  plan: AuditPlan,
  options: {
    cache: string;
    apiUrl: string;
    token?: string;
    maxBlobSize: number;
    /** Repositories being mirrored or scanned at once: the next ones are cloned or fetched while the current one is scanned. Default 1. */
    concurrency?: number;
    /** A clone or fetch taking longer is stopped, and its repository is not scanned (a warning). */
    cloneTimeoutMs?: number;
    onProgress?: (progress: RemoteAuditProgress) => void;
  },
): Source {
  const coverage: RepositoryCoverage = { scanned: [], notScanned: [] };
  const ahead = Math.max(1, options.concurrency ?? 1);
  /** Each repository's mirror, started once; a failure is a value, so one started early is never an unhandled rejection. */
  const mirrors = new Map<number, Promise<{ mirror: Awaited<ReturnType<typeof updateMirror>> } | { error: unknown }>>();
  const mirrorOf = (index: number) => {
    let started = mirrors.get(index);
    const listed = plan.repositories[index];
    if (!started && listed) {
      const token = cloneToken(listed.cloneUrl, options.apiUrl, options.token);
      started = updateMirror({ cache: options.cache, fullName: listed.fullName, cloneUrl: listed.cloneUrl, ...(token !== undefined ? { token } : {}), ...(options.cloneTimeoutMs !== undefined ? { timeoutMs: options.cloneTimeoutMs } : {}) }).then(
        (mirror) => ({ mirror }),
        (error: unknown) => ({ error }),
      );
      mirrors.set(index, started);
    }
    return started;
  };
  return {
    noun: 'repository',
    repositories: () => coverage,
    async read(context, emit) {
      const notScanned = async (repository: string, reason: string) => {
        coverage.notScanned.push({ repository, reason });
        await emit({ kind: 'warning', warning: notScannedWarning(repository, reason) });
      };
      for (const { repository, reason } of plan.notScanned) await notScanned(repository, reason);
      const total = plan.repositories.length;
      for (const [index, listed] of plan.repositories.entries()) {
        options.onProgress?.({ done: index, total, repository: listed.fullName, step: 'mirroring' });
        // This one and the next ones, up to the concurrency: git clones those while this one is scanned.
        for (let next = index; next < Math.min(total, index + ahead); next++) void mirrorOf(next);
        const mirrored = await mirrorOf(index);
        mirrors.delete(index);
        if (!mirrored || 'error' in mirrored) {
          const error = mirrored?.error;
          await notScanned(listed.fullName, error instanceof Error ? error.message : String(error));
          continue;
        }
        const { mirror } = mirrored;
        if (mirror.empty) {
          await notScanned(listed.fullName, 'empty repository');
          continue;
        }
        options.onProgress?.({ done: index, total, repository: listed.fullName, step: 'scanning' });
        const history = historySource({ repo: await openRepository(mirror.dir), selection: { revisions: [] }, maxBlobSize: options.maxBlobSize });
        await history.read(context, (event) => {
          if (event.kind === 'found') return emit({ kind: 'found', found: { ...event.found, origin: { ...event.found.origin, repository: listed.fullName } } });
          if (event.kind === 'warning') return emit({ kind: 'warning', warning: { ...event.warning, ...(event.warning.path !== undefined ? { path: `${listed.fullName}:${event.warning.path}` } : {}) } });
          return emit(event);
        });
        coverage.scanned.push(listed.fullName);
      }
      const last = plan.repositories.at(-1);
      if (last) options.onProgress?.({ done: total, total, repository: last.fullName, step: 'done' });
    },
  };
}

/**
 * The token for cloning from `cloneUrl`: only to the host of the API it was given for (or the
 * web host of an `api.` API host: `api.github.com` → `github.com`), over http(s). A listing is
 * data, and a clone URL elsewhere must not receive the token; it is cloned without one.
 */
export function cloneToken(cloneUrl: string, apiUrl: string, token: string | undefined): string | undefined {
  if (token === undefined || token === '') return undefined;
  try {
    const clone = new URL(cloneUrl);
    const api = new URL(apiUrl).hostname.toLowerCase();
    const host = clone.hostname.toLowerCase();
    if (clone.protocol !== 'https:' && clone.protocol !== 'http:') return undefined;
    return host === api || `api.${host}` === api ? token : undefined;
  } catch {
    return undefined;
  }
}

/** "not scanned: OWNER/NAME: reason", an `incomplete` warning: the audit did not read all it was asked to. */
export function notScannedWarning(repository: string, reason: string): ScanWarning {
  return { kind: 'incomplete', message: `not scanned: ${repository}: ${reason}` };
}

/**
 * Whether an `--exclude` glob matches `OWNER/NAME`: `*` any run of characters but `/`, `?` one,
 * the rest literal, case-insensitive as GitHub's names are. (Hand-written because the project's
 * glob library matches files on disk, not strings, and these names hold no other syntax.)
 */
export function isExcludedRepository(fullName: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => globRegExp(pattern).test(fullName));
}

function globRegExp(pattern: string): RegExp {
  const body = [...pattern].map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'i');
}
