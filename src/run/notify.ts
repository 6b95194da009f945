import { resolve } from 'node:path';
import { ExitCode, KeywardenError, UsageError } from '../core/errors.js';
import type { RevokeOutcome } from '../core/revocation.js';
import type { CompiledRule } from '../core/types.js';
import { createEngine } from '../detect/detect.js';
import { redactKeys } from '../detect/redact-text.js';
import { fetchClient } from '../net/http.js';
import type { NetIO } from '../net/pinned.js';
import type { RetryPolicy } from '../net/retry.js';
import type { ReportFinding } from '../report/schema.js';
import { buildChannels, type ChannelSetup, type GitHubTiming } from '../respond/notify/channels.js';
import type { ChannelName, Delivery, Notice, NoticeFinding, OutgoingMessage, RepositoryRef } from '../respond/notify/notice.js';
import { parseOwnerName, resolveRepository } from '../respond/notify/repository.js';
import { compileRules } from '../rules/compile.js';
import { loadRuleSet } from '../rules/rule-set.js';
import { originRemoteUrl } from '../sources/origin.js';
import { withOwners } from './notify-owners.js';
import { toolVersion } from './version.js';

/**
 * `keywarden notify` (SPEC §5.2) as a run: read a json report, turn it into a Notice (no raw
 * key: `secret` is dropped and every text field redacted again), build the channels asked for,
 * and deliver through each (or, in a dry run, only show what each would send). A channel that
 * fails is a warning; the run fails (exit 2) only when no channel could deliver. The notify step
 * after a scan (run/notify-step.ts) tells a run's findings through the same `tell`.
 */

/**
 * Where and how to tell, whichever front end asks: `keywarden notify --to`, a scanning command's
 * `--notify`, the Action's `notify` input. Built by `notifySettingsOf`.
 */
export interface NotifySettings {
  channels: readonly ChannelName[];
  /** Where the findings were made: its `origin` remote names the repository when nothing else does. */
  root: string;
  /** `--webhook`, else `KEYWARDEN_WEBHOOK_URL`. */
  webhookUrl?: string;
  /** `KEYWARDEN_WEBHOOK_SECRET`. */
  webhookSecret?: string;
  /** `--repo OWNER/NAME`. */
  repo?: string;
  mentionOwners: boolean;
  /** GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_SERVER_URL are read from here. */
  env: NodeJS.ProcessEnv;
  /** The webhook's retries (tests make them quick). */
  webhookRetry?: RetryPolicy;
  /** The GitHub client's spacing of writes and its waits (tests make them quick). */
  githubTiming?: GitHubTiming;
}

/** `keywarden notify`: the settings, and the report to tell about. */
export interface NotifyConfig extends NotifySettings {
  /** The json report's path. */
  report: string;
  dryRun: boolean;
  ruleDirs: readonly string[];
}

/** What a front end was given, before the environment fills the rest in. */
export interface GivenNotifySettings {
  channels: readonly ChannelName[];
  root: string;
  webhookUrl?: string | undefined;
  repo?: string | undefined;
  mentionOwners: boolean;
}

/**
 * The settings every front end tells with: the webhook URL given, else `KEYWARDEN_WEBHOOK_URL`;
 * the signing secret from `KEYWARDEN_WEBHOOK_SECRET`. A `--repo` that is not OWNER/NAME is a
 * usage error here, before anything is scanned or sent.
 */
export function notifySettingsOf(given: GivenNotifySettings, env: NodeJS.ProcessEnv): NotifySettings {
  if (given.repo !== undefined && parseOwnerName(given.repo) === undefined) throw new UsageError(`--repo ${given.repo}: not OWNER/NAME`);
  const webhookUrl = given.webhookUrl ?? env.KEYWARDEN_WEBHOOK_URL;
  const webhookSecret = env.KEYWARDEN_WEBHOOK_SECRET;
  return {
    channels: given.channels,
    root: given.root,
    ...(webhookUrl !== undefined && webhookUrl !== '' ? { webhookUrl } : {}),
    ...(webhookSecret !== undefined && webhookSecret !== '' ? { webhookSecret } : {}),
    ...(given.repo !== undefined ? { repo: given.repo } : {}),
    mentionOwners: given.mentionOwners,
    env,
  };
}

/** A finding as a json report spells it, with what this run's revoke step did to its key, if anything. */
export type ToldFinding = ReportFinding & { revocation?: RevokeOutcome };

export interface NotifyResult {
  dryRun: boolean;
  /** Findings in the notice. */
  findings: number;
  /** In a dry run: what each channel would send, where. */
  messages: OutgoingMessage[];
  /** What each channel did (in a dry run, only the channels that could not be built: `failed`). */
  deliveries: Delivery[];
  exitCode: number;
  /** Why the exit code is what it is, in one line: `exit 0: …`. */
  why: string;
  /** What went wrong without stopping a channel (owners that could not be looked up), safe to print. */
  warnings: string[];
}

/** A report finding without its raw key, with the rule's advice. */
function noticeFinding(finding: ToldFinding, hints: ReadonlyMap<string, string>): NoticeFinding {
  const copy: ToldFinding = { ...finding };
  delete copy.secret;
  const hint = hints.get(finding.ruleId);
  return { ...copy, ...(hint !== undefined ? { hint } : {}) };
}

/** Every string inside `value` passed through `redact` (paths, authors, a provider's detail can hold a key, above all in a --show-secrets report). */
function redactStrings<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactStrings(item, redact)) as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactStrings(item, redact)])) as T;
  return value;
}

/** The notice every channel renders: the findings without keys, each with its rule's hint. */
export function noticeFrom(told: readonly ToldFinding[], rules: readonly CompiledRule[], repository: RepositoryRef | undefined): Notice {
  const hints = new Map(rules.map((rule) => [rule.id, rule.hint]));
  const engine = createEngine([...rules]);
  const findings = told.map((finding) => redactStrings(noticeFinding(finding, hints), (text) => redactKeys(text, engine)));
  return { ...(repository ? { repository } : {}), findings, toolVersion };
}

/** `webhook, issue`. */
const names = (list: readonly string[]) => list.join(', ');

/** `see the warning above`, or `warnings` for several. */
const seeAbove = (count: number) => `see the warning${count === 1 ? '' : 's'} above`;

/**
 * The exit code and its reason: 2 only when no asked channel could deliver (it could not be
 * built, or every message it had failed); 0 otherwise, failures being warnings. `channels`: each
 * asked, with the reason it could not be built.
 */
export function notifyVerdict(channels: readonly { name: ChannelName; problem?: string }[], deliveries: readonly Delivery[], dryRun: boolean, findings: number): { exitCode: number; why: string } {
  const failed: ChannelName[] = [];
  const partly: ChannelName[] = [];
  const delivered: ChannelName[] = [];
  for (const { name, problem } of channels) {
    const outcomes = deliveries.filter((delivery) => delivery.channel === name).map((delivery) => delivery.outcome);
    const failures = outcomes.filter((outcome) => outcome === 'failed').length;
    if (problem !== undefined || (failures > 0 && failures === outcomes.length)) failed.push(name);
    else (failures > 0 ? partly : delivered).push(name);
  }
  const could = [...delivered, ...partly];
  if (could.length === 0) return { exitCode: ExitCode.error, why: `exit 2: no channel could ${dryRun ? 'be set up' : 'deliver'} (${names(failed)} failed; ${seeAbove(failed.length)})` };
  const problems = [...(failed.length > 0 ? [`${names(failed)} failed`] : []), ...(partly.length > 0 ? [`${names(partly)} partly failed`] : [])];
  const failures = problems.length > 0 ? `; ${problems.join(', ')} (${seeAbove(failed.length + partly.length)})` : '';
  if (dryRun) return { exitCode: ExitCode.clean, why: `exit 0: dry run: nothing was sent; above is what ${names(could)} would send${failures}` };
  if (findings === 0 && failures === '') return { exitCode: ExitCode.clean, why: 'exit 0: nothing to tell: the report has no findings' };
  return { exitCode: ExitCode.clean, why: `exit 0: ${failures === '' ? 'every channel delivered' : 'delivered'} (${names(could)})${failures}` };
}

/** Run a channel's delivery; a throw (which the contract rules out) becomes a failure whose words cannot carry a token. */
async function deliverSafely(setup: Extract<ChannelSetup, { channel: unknown }>, notice: Notice): Promise<Delivery[]> {
  try {
    return await setup.channel.deliver(notice);
  } catch (error) {
    const detail = error instanceof KeywardenError ? error.message : `stopped by an unexpected ${error instanceof Error ? error.name : 'error'}`;
    return [{ channel: setup.name, outcome: 'failed', detail }];
  }
}

/** The repository the notice links into and the GitHub channels write to. */
async function repositoryFor(settings: NotifySettings, findings: readonly ToldFinding[]) {
  const reportRepositories = findings.flatMap((finding) => (finding.repository !== undefined ? [finding.repository] : []));
  return resolveRepository({
    ...(settings.repo !== undefined ? { flag: settings.repo } : {}),
    reportRepositories,
    env: settings.env,
    originUrl: await originRemoteUrl(resolve(settings.root)),
  });
}

/**
 * Tell `findings` (as a json report spells them) through each channel `settings` asks for, or
 * in a dry run only show what each would send: the one path `keywarden notify` and the notify
 * step after a run (`--notify`, the Action's `notify` input) share.
 */
export async function tell(findings: readonly ToldFinding[], rules: readonly CompiledRule[], settings: NotifySettings, dryRun: boolean, io: NetIO = { http: fetchClient }): Promise<NotifyResult> {
  const repository = await repositoryFor(settings, findings);
  const target = 'target' in repository ? repository.target : undefined;
  const warnings: string[] = [];
  const plain = noticeFrom(findings, rules, target?.repository);
  const token = settings.env.GITHUB_TOKEN;
  const github = target && token ? { repository: target.repository, apiUrl: target.apiUrl, token } : undefined;
  const notice = settings.mentionOwners ? await withOwners(plain, { repoDir: resolve(settings.root), ...(github ? { github } : {}), warn: (message) => warnings.push(message) }) : plain;
  const setups = buildChannels(
    settings.channels,
    {
      webhook: { url: settings.webhookUrl, ...(settings.webhookSecret !== undefined ? { secret: settings.webhookSecret } : {}), ...(settings.webhookRetry ? { retry: settings.webhookRetry } : {}) },
      github: { repository, token, ...(settings.githubTiming ? { timing: settings.githubTiming } : {}) },
    },
    io,
  );
  const problems: Delivery[] = setups.flatMap((setup) => ('problem' in setup ? [{ channel: setup.name, outcome: 'failed' as const, detail: setup.problem }] : []));
  const ready = setups.flatMap((setup) => ('channel' in setup ? [setup] : []));
  const messages = dryRun ? ready.flatMap((setup) => setup.channel.messages(notice)) : [];
  const delivered = dryRun ? [] : (await Promise.all(ready.map((setup) => deliverSafely(setup, notice)))).flat();
  // In the order asked: a channel's problem where its deliveries would be.
  const deliveries = settings.channels.flatMap((name) => [...problems, ...delivered].filter((delivery) => delivery.channel === name));
  const verdict = notifyVerdict(setups.map((setup) => ('problem' in setup ? { name: setup.name, problem: setup.problem } : { name: setup.name })), deliveries, dryRun, notice.findings.length);
  return { dryRun, findings: notice.findings.length, messages, deliveries, ...verdict, warnings };
}

export async function notify(config: NotifyConfig, io: NetIO = { http: fetchClient }): Promise<NotifyResult> {
  // The report reader (zod under it) is loaded here only: the notify step after a run has no report to read.
  const { readReportFile } = await import('./report-file.js');
  const { report } = readReportFile(config.report, '--report');
  const rules = compileRules(await loadRuleSet(config.ruleDirs));
  return tell(report.findings, rules, config, config.dryRun, io);
}
