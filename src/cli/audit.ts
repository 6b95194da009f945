import { writeFileSync } from 'node:fs';
import { UsageError } from '../core/errors.js';
import { localAuditSource } from '../run/audit.js';
import { historySource } from '../run/history.js';
import { prepare } from '../run/prepare.js';
import { workTreeSource } from '../run/scan.js';
import { openRepository } from '../sources/history.js';
import { defaultCacheDir, isRepositoryName, mirrorDir } from '../sources/mirror.js';
import { callerRepositoryVariables } from './history.js';
import { ignoreFileHint } from './ignore-hint.js';
import { notifyStepFrom, runNotifyStep } from './notify-step.js';
import { parseSize, type AuditOptions } from './options.js';
import { printRun } from './output.js';
import { auditProgress, progressBar } from './progress.js';
import { runConfigFrom } from './run-config.js';
import type { CompiledRule, ShardOfPlan } from '../core/types.js';
import type { AuditPlan } from '../run/remote-audit.js';
import { gitHubApiFromEnv } from '../run/github-env.js';

type AuditArgs = AuditOptions & { PATH?: string | undefined };

/**
 * `keywarden audit [PATH]` (SPEC §8), a local repository: its whole history and its working
 * tree in one run and one report, each key once per path with the commit that introduced it.
 * With `--repo`, `--org` or `--user`, GitHub's repositories instead (see `runRemoteAudit`).
 * Live checks are on unless `--no-verify`: an audit is asked what still works.
 */
export async function runAudit(options: AuditArgs): Promise<number> {
  for (const name of callerRepositoryVariables) delete process.env[name];
  const remote = [options.repo, options.org, options.user].some((names) => names !== undefined && names.length > 0) || options.planFile !== undefined;
  if (remote && options.PATH !== undefined) throw new UsageError('audit: a local PATH or --repo/--org/--user, not both');
  // The audit's --repo names what to audit, not where to notify: findings carry their repository.
  const settings = { ...options, repo: undefined, verify: options.verify ?? true };
  if (remote) return runRemoteAudit(options, settings);
  const stray = options.includeForks ? '--include-forks' : options.includeArchived ? '--include-archived' : options.exclude.length > 0 ? '--exclude' : options.cache !== undefined ? '--cache' : options.resume ? '--resume' : options.plan !== undefined ? '--plan' : options.shard !== undefined ? '--shard' : undefined;
  if (stray !== undefined) throw new UsageError(`${stray} needs --repo, --org or --user: a local audit reads the one repository at PATH`);
  const repo = await openRepository(options.PATH ?? '.');
  const top = repo.workTree;
  const notifying = await notifyStepFrom(settings, top ?? repo.dir);
  const prepared = await prepare(runConfigFrom(settings, top));
  const maxFileSize = parseSize(String(options.maxFileSize ?? prepared.file.maxFileSize ?? '100MiB'), '--max-file-size');
  const history = historySource({ repo, selection: { revisions: [] }, maxBlobSize: maxFileSize });
  // A bare repository (a mirror) has no working tree: its history is all there is.
  const source = top ? localAuditSource(history, workTreeSource({ root: top, paths: [top], gitignore: prepared.file.gitignore ?? true, maxFileSize })) : history;
  const result = await printRun(source, prepared, { ...settings, keepFindings: notifying !== undefined }, top ? { ignoreFile: ignoreFileHint(top) } : {});
  return notifying ? runNotifyStep(result, prepared.rules, notifying, settings) : result.verdict.exitCode;
}

/**
 * `keywarden audit --repo OWNER/NAME… --org ORG… --user USER…`: the repositories GitHub lists
 * (GITHUB_TOKEN, GITHUB_API_URL), each mirrored into `--cache` and its history scanned, one
 * report for all. A repository that cannot be read is a warning and makes the run exit 2.
 */
async function runRemoteAudit(options: AuditArgs, settings: Omit<AuditArgs, 'repo'> & { repo: undefined; verify: boolean }): Promise<number> {
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1 || options.concurrency > 16) throw new UsageError(`--concurrency: a whole number from 1 to 16, not ${options.concurrency}`);
  if (!(options.cloneTimeout > 0)) throw new UsageError(`--clone-timeout: a number of seconds above 0, not ${options.cloneTimeout}`);
  const repos = options.repo ?? [];
  const bad = repos.find((name) => !isRepositoryName(name));
  if (bad !== undefined) throw new UsageError(`--repo takes OWNER/NAME, not ${bad}`);
  const { planRemoteAudit, remoteAuditSource } = await import('../run/remote-audit.js');
  const cwd = process.cwd();
  const notifying = await notifyStepFrom(settings, cwd);
  const prepared = await prepare(runConfigFrom(settings, undefined));
  const maxFileSize = parseSize(String(options.maxFileSize ?? prepared.file.maxFileSize ?? '100MiB'), '--max-file-size');
  const { apiUrl, token } = gitHubApiFromEnv();
  const listAll = () =>
    planRemoteAudit(
      { repos, orgs: options.org ?? [], users: options.user ?? [], includeForks: options.includeForks, includeArchived: options.includeArchived, exclude: options.exclude },
      { apiUrl, token: token ?? '' },
    );
  if (options.planFile !== undefined && options.shard === undefined) throw new UsageError('--plan-file is read by --shard I/N: give the shard to audit');
  if (options.plan !== undefined) return writeShardPlan(options, await listAll());
  const { plan, shard } = options.shard !== undefined ? await shardToAudit(options.shard, options.planFile, listAll) : { plan: await listAll(), shard: undefined };
  const cache = options.cache ?? defaultCacheDir();
  const state = await openAuditState(cache, options, { apiUrl, maxFileSize, rules: prepared.rules, excluded: prepared.ignore.pathPatterns, shard: shard ?? null });
  if (!options.quiet) process.stderr.write(state.note(plan.repositories));
  // On a terminal: repositories done of all, the current one's clone or scan, the time left.
  const bar = options.quiet ? undefined : progressBar('audit');
  const onProgress = bar && auditProgress(bar);
  const source = remoteAuditSource(plan, { cache, apiUrl, ...(token !== undefined ? { token } : {}), maxBlobSize: maxFileSize, concurrency: options.concurrency, cloneTimeoutMs: options.cloneTimeout * 1000, state: state.state, ...(onProgress ? { onProgress } : {}), ...(shard ? { shard } : {}) });
  let result;
  try {
    result = await printRun(source, prepared, { ...settings, keepFindings: notifying !== undefined, ...(bar ? { beforeWrite: bar.done, ownProgress: true } : {}) });
  } finally {
    bar?.done();
  }
  const mirrors = new Map(plan.repositories.map((listed) => [listed.fullName, mirrorDir(cache, listed.fullName, listed.cloneUrl)]));
  const code = notifying ? await runNotifyStep(result, prepared.rules, notifying, { ...settings, byRepository: (repository) => mirrors.get(repository) }) : result.verdict.exitCode;
  // Reported (and told): nothing left to resume.
  state.state.remove();
  return code;
}

/**
 * The audit's state in the cache (`<cache>/audits/<id>.json`), the id from what changes its
 * result, and the line that says what it holds: with `--resume` how many repositories are
 * already done; without, that a resumable state was there (this run starts afresh over it).
 */
async function openAuditState(cache: string, options: AuditArgs, run: { apiUrl: string; maxFileSize: number; rules: readonly CompiledRule[]; excluded: readonly string[]; shard: ShardOfPlan | null }) {
  const { AuditState, auditStateId, auditStatePath } = await import('../run/audit-state.js');
  const sorted = (list: readonly string[] | undefined) => [...(list ?? [])].map((name) => name.toLowerCase()).sort();
  const id = auditStateId({
    repos: sorted(options.repo),
    orgs: sorted(options.org),
    users: sorted(options.user),
    includeForks: options.includeForks,
    includeArchived: options.includeArchived,
    exclude: sorted(options.exclude),
    apiUrl: run.apiUrl,
    maxFileSize: run.maxFileSize,
    rules: run.rules.map((rule) => [rule.id, rule.pattern.source, rule.pattern.flags, rule.minEntropy]),
    excluded: run.excluded,
    shard: run.shard,
  });
  const { state, found } = AuditState.open(auditStatePath(cache, id), id, options.resume);
  const note = (planned: readonly { fullName: string; cloneUrl: string }[]) =>
    auditStateNote({ resume: options.resume, found, done: planned.filter((listed) => state.finished(listed.fullName, listed.cloneUrl)).length, total: planned.length });
  return { state, note };
}

/**
 * What the audit says of its state before it starts: with `--resume`, how many of the planned
 * repositories an earlier run finished; without, that a resumable state was there (`found`
 * repositories finished), which this run starts afresh over.
 */
export function auditStateNote(state: { resume: boolean; found: number; done: number; total: number }): string {
  if (state.resume) return `resuming: ${state.done} of ${state.total} repositor${state.total === 1 ? 'y' : 'ies'} already scanned\n`;
  if (state.found === 0) return '';
  return `keywarden: an interrupted run of this audit can be resumed (${state.found} repositor${state.found === 1 ? 'y' : 'ies'} finished): starting afresh; --resume continues it\n`;
}

/**
 * `audit --plan N`: the repositories listed once and dealt into N shards by size; the matrix
 * on stdout (for `$GITHUB_OUTPUT`), the plan file with `--output`, and each shard's share on
 * stderr. Nothing is cloned or scanned.
 */
async function writeShardPlan(options: AuditArgs, listed: AuditPlan): Promise<number> {
  if (options.shard !== undefined) throw new UsageError('--plan N makes the plan and --shard I/N audits one shard of it: one or the other');
  const { checkShardCount, makeShardPlan, matrixOf, planFileText } = await import('../run/shard-plan.js');
  const plan = makeShardPlan(listed, checkShardCount(options.plan ?? 0));
  if (options.output !== undefined) writeFileSync(options.output, planFileText(plan));
  process.stdout.write(`${matrixOf(plan)}\n`);
  if (!options.quiet) {
    const kib = (shard: readonly { size: number }[]) => shard.reduce((sum, repository) => sum + repository.size, 0);
    const shares = plan.shards.map((shard, i) => `${i + 1}: ${shard.length} (${Math.round(kib(shard) / 1024)} MiB)`).join(', ');
    process.stderr.write(`keywarden: plan ${plan.id}: ${listed.repositories.length} repositories in ${plan.shards.length} shards by size (${shares})${options.output !== undefined ? `; written to ${options.output}` : ''}\n`);
  }
  return 0;
}

/** `--shard I/N`: the shard's repositories, from the plan file when given (every shard reads the same split), else from a fresh listing split the same way. */
async function shardToAudit(spec: string, planFile: string | undefined, listAll: () => Promise<AuditPlan>): Promise<{ plan: AuditPlan; shard: ShardOfPlan }> {
  const { makeShardPlan, readPlanFile, parseShardSpec, shardOf } = await import('../run/shard-plan.js');
  const { index, count } = parseShardSpec(spec);
  const plan = planFile === undefined ? makeShardPlan(await listAll(), count) : readPlanFile(planFile);
  if (plan.shards.length !== count) throw new UsageError(`--shard ${spec}: the plan has ${plan.shards.length} shards, not ${count}`);
  const { audit, shard } = shardOf(plan, index);
  return { plan: audit, shard };
}
