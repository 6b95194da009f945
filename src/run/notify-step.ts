import { createEngine } from '../detect/detect.js';
import { redactKeys } from '../detect/redact-text.js';
import { maskFinding } from '../report/mask.js';
import { toReportFinding } from '../report/model.js';
import type { CompiledRule } from '../core/types.js';
import type { NetIO } from '../net/pinned.js';
import type { Delivery } from '../respond/notify/notice.js';
import { notifyVerdict, tell, type NotifyResult, type NotifySettings, type ToldFinding } from './notify.js';
import type { RunResult } from './tail.js';
import { toolVersion } from './version.js';

/**
 * The notify step after a run (SPEC §5.2 chained: `scan|history --notify`, the Action's `notify`
 * input; later `audit`): a finished run's findings told through the same channels and the same
 * `tell` as `keywarden notify` tells a report's. Only when asked; after the live check and the
 * revoke step, so a key this run revoked is told as revoked.
 *
 * What is told is what the run reports: the findings `--results`, the baseline and suppressions
 * left out are not told (a filter chooses what is reported, and a notice is a report). A run that
 * reports nothing still hands the channels an empty notice: the webhook sends nothing then, and
 * the issue channel decides from the findings it is given.
 */

/**
 * The run's findings as its json report prints them (keys in paths, authors and provider text
 * masked; never `secret`, whatever `--show-secrets` says), each with its key's outcome from the
 * run's revoke step (matched by `secretHash`: one revocation per distinct key).
 */
export function findingsToTell(result: Pick<RunResult, 'findings' | 'revocations'>, rules: readonly CompiledRule[]): ToldFinding[] {
  const engine = createEngine([...rules]);
  const redact = (text: string) => redactKeys(text, engine);
  const outcomes = new Map((result.revocations ?? []).map((revocation) => [revocation.secretHash, revocation.outcome]));
  const context = { toolVersion, showSecrets: false };
  return result.findings.map((finding) => {
    const told: ToldFinding = toReportFinding(maskFinding(finding, redact), context);
    const revocation = outcomes.get(finding.secretHash);
    return revocation === undefined ? told : { ...told, revocation };
  });
}

/** Tell what a finished run found (see above); a channel that fails is a failed delivery, and the verdict says whether any could deliver. */
export function notifyRun(result: Pick<RunResult, 'findings' | 'revocations'>, rules: readonly CompiledRule[], settings: NotifySettings, io?: NetIO): Promise<NotifyResult> {
  return tell(findingsToTell(result, rules), rules, settings, false, io);
}

/**
 * The notify step after an audit of several repositories (`audit --org … --notify`): the GitHub
 * channels write into each finding's own repository (its one issue, comments on its commits), so
 * they are told once per repository with that repository's findings only; the webhook gets one
 * message with them all. The verdict is over every delivery, as for one repository.
 */
export async function notifyRunByRepository(
  result: Pick<RunResult, 'findings' | 'revocations'>,
  rules: readonly CompiledRule[],
  settings: NotifySettings,
  /** Each repository's local copy (its mirror): `--mention-owners` reads CODEOWNERS there, at each finding's commit. */
  rootOf: (repository: string) => string | undefined = () => undefined,
  io?: NetIO,
): Promise<NotifyResult> {
  const told = findingsToTell(result, rules);
  const gitHubChannels = settings.channels.filter((name) => name !== 'webhook');
  const parts: NotifyResult[] = [];
  if (settings.channels.includes('webhook')) parts.push(await tell(told, rules, { ...settings, channels: ['webhook'] }, false, io));
  const byRepository = new Map<string, ToldFinding[]>();
  for (const finding of told) byRepository.set(finding.repository ?? '', [...(byRepository.get(finding.repository ?? '') ?? []), finding]);
  if (gitHubChannels.length > 0) {
    for (const [repository, findings] of byRepository) {
      const root = rootOf(repository) ?? settings.root;
      parts.push(await tell(findings, rules, { ...settings, root, channels: gitHubChannels, ...(repository !== '' ? { repo: repository } : {}) }, false, io));
    }
  }
  const nothing: Delivery[] = byRepository.size === 0 ? gitHubChannels.map((channel) => ({ channel, outcome: 'skipped', detail: 'nothing to tell: no repository has findings' })) : [];
  const all = [...parts.flatMap((part) => part.deliveries), ...nothing];
  const deliveries = settings.channels.flatMap((name) => all.filter((delivery) => delivery.channel === name));
  const verdict = notifyVerdict(settings.channels.map((name) => ({ name })), deliveries, false, told.length);
  return { dryRun: false, findings: told.length, messages: [], deliveries, ...verdict, warnings: parts.flatMap((part) => part.warnings) };
}
