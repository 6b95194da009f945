import { existsSync } from 'node:fs';
import type { CompiledRule, Finding, RepositoryCoverage, ScanWarning, ShardOfPlan } from '../core/types.js';
import { createEngine } from '../detect/detect.js';
import { toFinding, type WireFinding } from '../detect/finding.js';
import { redactKeys } from '../detect/redact-text.js';
import { maskFinding } from '../report/mask.js';
import { toReportedFinding, toReportFinding } from '../report/model.js';
import type { ReportFinding } from '../report/schema.js';
import { gitHubClient, type GitHubClientSettings } from '../respond/notify/github-client.js';
import { listRepositories, type AuditTargets, type ListedRepository } from '../respond/notify/repository-list.js';
import { openRepository } from '../sources/history.js';
import { mirrorDir, mirrorTips, updateMirror, type MirrorUpdate, type TransferProgress } from '../sources/mirror.js';
import { finishedReport, type AuditState, type FinishedRepository } from './audit-state.js';
import { historySource, type HistoryProgress } from './history.js';
import { recoverFindings } from './recover.js';
import type { Source } from './source.js';
import { toolVersion } from './version.js';

/**
 * `keywarden audit --repo/--org/--user` (SPEC §8): the repositories GitHub lists, each
 * mirrored into the cache and its history scanned, all in one run, so one report holds them
 * all and the run's verifier checks each distinct key once however many repositories hold it.
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

/** Where a remote audit is: `done` of `total` repositories, and what it does with the current one (`done` once all are). */
export interface RemoteAuditProgress {
  done: number;
  total: number;
  repository: string;
  /** `resumed`: finished by an earlier run (`--resume`), its findings read back rather than scanned. */
  step: 'mirroring' | 'scanning' | 'resumed' | 'done';
  /** While mirroring: git's own progress of the clone or fetch (when git tells it). */
  transfer?: TransferProgress;
  /** While scanning: blobs read of those found so far (the total grows while the history is walked). */
  scan?: { done: number; total: number };
}

export interface RemoteAuditOptions {
  cache: string;
  apiUrl: string;
  token?: string;
  maxBlobSize: number;
  /** Repositories being mirrored or scanned at once: the next ones are cloned or fetched while the current one is scanned. Default 1. */
  concurrency?: number;
  /** A clone or fetch taking longer is stopped, and its repository is not scanned (a warning). */
  cloneTimeoutMs?: number;
  onProgress?: (progress: RemoteAuditProgress) => void;
  /** The audit's state on disk (`--resume`): repositories it holds as finished are not mirrored or scanned again while their mirror is unchanged; each one scanned is recorded. */
  state?: AuditState;
  /** The plan's shard this audit is (`audit --shard I/N`), carried into its report. */
  shard?: ShardOfPlan;
}

/** A planned repository made ready: its mirror up to date, or (resuming) an unchanged mirror and what was found in it, or why it could not be. */
type Mirrored = { mirror: MirrorUpdate } | { error: unknown };
type Ready = Mirrored | { resumed: FinishedRepository; dir: string };

/**
 * A source reading each planned repository in turn: mirror it (clone or fetch), then its
 * history, each finding marked with its repository (so two repositories' findings never merge:
 * the fingerprint includes it). A repository that cannot be mirrored, or is empty, is an
 * `incomplete` warning naming it, and the audit goes on (the verdict then exits 2). With a
 * state, each repository scanned is recorded as finished, and one an earlier run finished is
 * read back from the state instead, its keys recovered from its mirror (see `resumeFinished`).
 */
export function remoteAuditSource(plan: AuditPlan, options: RemoteAuditOptions): Source {
  const coverage: RepositoryCoverage = { scanned: [], notScanned: [] };
  const ahead = Math.max(1, options.concurrency ?? 1);
  const total = plan.repositories.length;
  /** The repository being waited for or scanned: only its clone's progress is shown. */
  let current = 0;
  const tell = (index: number, step: RemoteAuditProgress['step'], more: Partial<RemoteAuditProgress> = {}) => {
    const listed = plan.repositories[index];
    if (listed && index === current) options.onProgress?.({ done: index, total, repository: listed.fullName, step, ...more });
  };
  const update = (index: number, listed: ListedRepository): Promise<Mirrored> => {
    const token = cloneToken(listed.cloneUrl, options.apiUrl, options.token);
    const onProgress = options.onProgress && ((transfer: TransferProgress) => tell(index, 'mirroring', { transfer }));
    return updateMirror({
      cache: options.cache,
      fullName: listed.fullName,
      cloneUrl: listed.cloneUrl,
      ...(token !== undefined ? { token } : {}),
      ...(options.cloneTimeoutMs !== undefined ? { timeoutMs: options.cloneTimeoutMs } : {}),
      ...(onProgress ? { onProgress } : {}),
    }).then(
      (mirror) => ({ mirror }),
      (error: unknown) => ({ error }),
    );
  };
  /** Finished by an earlier run and its mirror unchanged since: nothing to fetch. */
  const unchanged = async (listed: ListedRepository): Promise<Ready | undefined> => {
    const finished = options.state?.finished(listed.fullName, listed.cloneUrl);
    if (!finished) return undefined;
    const dir = mirrorDir(options.cache, listed.fullName, listed.cloneUrl);
    if (!existsSync(dir)) return undefined;
    const tips = await mirrorTips(dir).catch(() => undefined);
    return tips === finished.tips ? { resumed: finished, dir } : undefined;
  };
  /** Each repository made ready once; a failure is a value, so one started early is never an unhandled rejection. */
  const readies = new Map<number, Promise<Ready>>();
  const readyOf = (index: number): Promise<Ready> | undefined => {
    let started = readies.get(index);
    const listed = plan.repositories[index];
    if (!started && listed) {
      started = unchanged(listed).then((resumed) => resumed ?? update(index, listed));
      readies.set(index, started);
    }
    return started;
  };
  return {
    noun: 'repository',
    repositories: () => coverage,
    ...(options.shard ? { shard: options.shard } : {}),
    async read(context, emit) {
      const notScanned = async (repository: string, reason: string) => {
        coverage.notScanned.push({ repository, reason });
        await emit({ kind: 'warning', warning: notScannedWarning(repository, reason) });
      };
      for (const { repository, reason } of plan.notScanned) await notScanned(repository, reason);
      const record = options.state ? findingRecorder(context.rules) : undefined;
      for (const [index, listed] of plan.repositories.entries()) {
        current = index;
        tell(index, 'mirroring');
        // This one and the next ones, up to the concurrency: git clones those while this one is scanned.
        for (let next = index; next < Math.min(total, index + ahead); next++) void readyOf(next);
        let ready = (await readyOf(index)) ?? { error: new Error('not planned') };
        readies.delete(index);
        if ('resumed' in ready) {
          const findings = await resumeFinished(ready.resumed, ready.dir, context.rules);
          if (findings) {
            tell(index, 'resumed');
            for (const { path, message, kind } of ready.resumed.report.warnings ?? []) await emit({ kind: 'warning', warning: { message, ...(path !== undefined ? { path } : {}), ...(kind !== undefined ? { kind } : {}) } });
            await emit({ kind: 'read', files: ready.resumed.report.stats.files, bytes: ready.resumed.report.stats.bytes });
            for (const finding of findings) await emit({ kind: 'finding', finding });
            coverage.scanned.push(listed.fullName);
            continue;
          }
          // A key that is no longer where the state says (a mirror rewritten in place): scanned again.
          ready = await update(index, listed);
        }
        if ('error' in ready) {
          const { error } = ready;
          await notScanned(listed.fullName, error instanceof Error ? error.message : String(error));
          continue;
        }
        const { mirror } = ready;
        if (mirror.empty) {
          await notScanned(listed.fullName, 'empty repository');
          continue;
        }
        tell(index, 'scanning');
        const onProgress = options.onProgress && ((scan: HistoryProgress) => tell(index, 'scanning', { scan: { done: scan.done, total: scan.total } }));
        const history = historySource({ repo: await openRepository(mirror.dir), selection: { revisions: [] }, maxBlobSize: options.maxBlobSize, ...(onProgress ? { onProgress } : {}) });
        const found: ReportFinding[] = [];
        const warnings: ScanWarning[] = [];
        const read = { files: 0, bytes: 0 };
        await history.read(context, (event) => {
          if (event.kind === 'found') {
            const marked = { ...event.found, origin: { ...event.found.origin, repository: listed.fullName } };
            if (record) found.push(...record.finding(marked));
            return emit({ kind: 'found', found: marked });
          }
          if (event.kind === 'warning') {
            const warning = { ...event.warning, ...(event.warning.path !== undefined ? { path: `${listed.fullName}:${event.warning.path}` } : {}) };
            if (record) warnings.push(record.warning(warning));
            return emit({ kind: 'warning', warning });
          }
          if (event.kind === 'read') Object.assign(read, { files: read.files + event.files, bytes: read.bytes + event.bytes });
          return emit(event);
        });
        coverage.scanned.push(listed.fullName);
        options.state?.finish({ repository: listed.fullName, cloneUrl: listed.cloneUrl, tips: await mirrorTips(mirror.dir), report: finishedReport(found, warnings, read) });
      }
      current = total - 1;
      tell(total - 1, 'done', { done: total });
    },
  };
}

/**
 * How a repository's findings and warnings are kept in the audit's state: as a json report
 * prints them without `--show-secrets` (the key masked, keys in paths and messages masked too).
 */
function findingRecorder(rules: readonly CompiledRule[]): { finding: (found: WireFinding) => ReportFinding[]; warning: (warning: ScanWarning) => ScanWarning } {
  const engine = createEngine([...rules]);
  const redact = (text: string) => redactKeys(text, engine);
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const context = { toolVersion, showSecrets: false };
  return {
    finding(found) {
      const rule = byId.get(found.ruleId);
      return rule ? [toReportFinding(maskFinding(toFinding(found, rule), redact), context)] : [];
    },
    warning: (warning) => ({ ...warning, message: redact(warning.message), ...(warning.path !== undefined ? { path: redact(warning.path) } : {}) }),
  };
}

/**
 * The findings an earlier run recorded for a finished repository, each with its key read again
 * from the mirror at its commit and path, so the live check, revocation and notification treat
 * them as found now. Undefined when any key cannot be recovered: the repository is scanned again.
 */
async function resumeFinished(finished: FinishedRepository, dir: string, rules: readonly CompiledRule[]): Promise<Finding[] | undefined> {
  const { findings } = await recoverFindings(finished.report.findings.map(toReportedFinding), { rules: [...rules], root: dir });
  return findings.every((finding) => finding.verification === undefined) ? findings : undefined;
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
