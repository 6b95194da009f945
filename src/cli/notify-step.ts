import { ExitCode, UsageError } from '../core/errors.js';
import type { CompiledRule } from '../core/types.js';
import { colors, shouldColor } from '../report/colors.js';
import { channelList, channelNames, missingSetting, type ChannelName } from '../run/notify-channels.js';
import type { NotifyResult, NotifySettings } from '../run/notify.js';
import type { RunResult } from '../run/tail.js';
import { closest } from './did-you-mean.js';
import type { NotifyStepOptions, ReportOptions } from './options.js';

/**
 * What `keywarden notify --to` and the scanning commands' `--notify` share on the command line:
 * the channels and their settings read the same way (src/cli/options.ts, `notifySettingsTable`),
 * and the notify step after a run, printed. The run's side (src/run/notify.ts, notify-step.ts) is
 * loaded only when something is to be told: a scan without `--notify` loads none of it.
 */

/** Where a command writes; the process's streams unless a test passes its own. */
export interface CommandIO {
  env: NodeJS.ProcessEnv;
  /** How channels pace and retry (tests make it quick); the defaults otherwise. */
  tuning?: Pick<NotifySettings, 'webhookRetry' | 'githubTiming'>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

export const processIO: CommandIO = { env: process.env, stdout: process.stdout, stderr: process.stderr };

/** `--to issue,webhook --to commit-comment` (or `--notify …`) → each channel once, in the order given. */
export function parseChannels(given: readonly string[] | undefined, flag: '--to' | '--notify'): ChannelName[] {
  const { channels, unknown } = channelList(given ?? []);
  const [wrong] = unknown;
  if (wrong !== undefined) {
    const suggestion = closest(wrong, [...channelNames]);
    throw new UsageError(`${flag}: unknown channel ${wrong}${suggestion ? `; did you mean ${suggestion}?` : ''} (channels: ${channelNames.join(', ')})`);
  }
  if (channels.length === 0) throw new UsageError(`${flag} ${given === undefined || given.length === 0 ? 'is required' : 'names no channel'}: where to tell (${channelNames.join(', ')})`);
  return channels;
}

/**
 * The channels `flag` names and their settings, as `notify --to` and `--notify` both read them.
 * Flags that would change nothing are mistakes, not no-ops. `root`: where the findings were made.
 */
export async function notifySettingsFrom(
  flag: '--to' | '--notify',
  given: readonly string[] | undefined,
  options: Pick<NotifyStepOptions, 'webhook' | 'repo' | 'mentionOwners'>,
  root: string,
  env: NodeJS.ProcessEnv,
): Promise<NotifySettings> {
  const channels = parseChannels(given, flag);
  if (options.webhook !== undefined && !channels.includes('webhook')) throw new UsageError(`--webhook needs ${flag} webhook: without it nothing is sent to the webhook`);
  if (options.mentionOwners && !channels.some((name) => name !== 'webhook')) throw new UsageError(`--mention-owners needs ${flag} issue or commit-comment: only those mention anyone`);
  const { notifySettingsOf } = await import('../run/notify.js');
  return notifySettingsOf({ channels, root, webhookUrl: options.webhook, repo: options.repo, mentionOwners: options.mentionOwners }, env);
}

/**
 * `--notify` and its settings, checked before the run (a mistake stops it before anything is
 * read); undefined without `--notify`, when its settings alone are mistakes.
 */
export async function notifyStepFrom(options: NotifyStepOptions, root: string, env: NodeJS.ProcessEnv = process.env): Promise<NotifySettings | undefined> {
  if (options.notify === undefined) {
    const stray = options.webhook !== undefined ? '--webhook' : options.repo !== undefined ? '--repo' : options.mentionOwners ? '--mention-owners' : undefined;
    if (stray) throw new UsageError(`${stray} needs --notify: without it nothing is told`);
    return undefined;
  }
  const settings = await notifySettingsFrom('--notify', options.notify, options, root, env);
  // When no asked channel could even be built, say so before a long run rather than after it.
  const missing = settings.channels.map((name) => missingSetting(name, { webhookUrl: settings.webhookUrl, token: settings.env.GITHUB_TOKEN }));
  if (missing.every((why) => why !== undefined)) throw new UsageError(`--notify: no channel could deliver: ${settings.channels.map((name, i) => `${name}: ${missing[i]}`).join('; ')}`);
  return settings;
}

/** `sent: posted 3 findings to the webhook (HTTP 200)` for one message; `2 created, 1 unchanged` for several. */
function channelSummary(deliveries: readonly NotifyResult['deliveries'][number][]): string {
  const [only] = deliveries;
  if (deliveries.length === 1 && only) return `${only.outcome}: ${only.detail}`;
  const counts = new Map<string, number>();
  for (const { outcome } of deliveries) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  return [...counts].map(([outcome, n]) => `${n} ${outcome}`).join(', ');
}

/**
 * What the notify step prints on stderr: one line a channel, in the order asked (`notify:
 * webhook: sent: …`), each failure a warning before it, and, when no channel could deliver, the
 * reason last. `--quiet` keeps only a failing step's warnings and reason.
 */
export function renderNotifyStep(told: NotifyResult, channels: readonly ChannelName[], options: { quiet: boolean; color: boolean }): string {
  const failing = told.exitCode === ExitCode.error;
  if (options.quiet && !failing) return '';
  const warning = colors(options.color).yellow('warning:');
  const lines = channels.flatMap((channel) => {
    const deliveries = told.deliveries.filter((delivery) => delivery.channel === channel);
    const failures = deliveries.filter((delivery) => delivery.outcome === 'failed').map((delivery) => `${warning} notify: ${channel}: ${delivery.detail}`);
    const done = deliveries.filter((delivery) => delivery.outcome !== 'failed');
    return [...failures, ...(done.length > 0 && !options.quiet ? [`notify: ${channel}: ${channelSummary(done)}`] : [])];
  });
  if (!options.quiet) lines.push(...told.warnings.map((message) => `${warning} notify: ${message}`));
  if (failing) lines.push(`keywarden: ${told.why}`);
  return lines.map((line) => `${line}\n`).join('');
}

/**
 * The notify step after a run's report (and the revoke step's table): tell what the run reported
 * and say on stderr what each channel did. The report keeps stdout (or `--output`) to itself, as
 * the revoke step's table does: a json or SARIF report stays exactly what it is without
 * `--notify`. A channel that fails is a warning; when none could deliver the run exits 2, whatever
 * it found, with the reason as its last line. Otherwise the run's exit code stands.
 */
export async function runNotifyStep(
  result: RunResult,
  rules: readonly CompiledRule[],
  settings: NotifySettings,
  options: Pick<ReportOptions, 'quiet' | 'color'> & { byRepository?: (repository: string) => string | undefined },
  io: Pick<CommandIO, 'env' | 'stderr'> = processIO,
): Promise<number> {
  const { notifyRun, notifyRunByRepository } = await import('../run/notify-step.js');
  // An audit of several repositories tells each its own findings, its owners read from its mirror (see notifyRunByRepository).
  const told = options.byRepository ? await notifyRunByRepository(result, rules, settings, options.byRepository) : await notifyRun(result, rules, settings);
  const color = shouldColor(io.env, io.stderr.isTTY === true, options.color);
  io.stderr.write(renderNotifyStep(told, settings.channels, { quiet: options.quiet, color }));
  return told.exitCode === ExitCode.error ? ExitCode.error : result.verdict.exitCode;
}
