import { tmpdir } from 'node:os';
import type { CompiledRule } from '../core/types.js';
import type { NetIO } from '../net/pinned.js';
import { notifySettingsOf, tell, type ToldFinding } from '../run/notify.js';
import type { ChannelName } from '../run/notify-channels.js';

/**
 * Telling owners about the keys an alert held, through the same `tell` as `keywarden notify`:
 * the webhook (`--notify-webhook`) hears of every key that is not known dead, and each
 * repository an alert's url names gets its issue when a GitHub token is configured
 * (`GITHUB_TOKEN`; `GITHUB_API_URL` for Enterprise). One `tell` per repository, so each
 * issue lists that repository's keys only.
 */

export interface LeakNotifySettings {
  webhookUrl?: string;
  env: NodeJS.ProcessEnv;
  rules: readonly CompiledRule[];
  io?: NetIO;
}

/** Keys someone should hear about: not those the provider calls invalid (with `--revoke` those are `already-revoked` too: dead keys, nothing to tell). */
export function worthTelling(finding: Pick<ToldFinding, 'verification' | 'revocation'>): boolean {
  return finding.verification?.status !== 'invalid' || finding.revocation === 'revoked';
}

/** `webhook:sent issue:created`, or `none` when no channel applies: what the store keeps of the telling. */
export async function notifyLeaks(findings: readonly ToldFinding[], settings: LeakNotifySettings): Promise<string> {
  const told = findings.filter(worthTelling);
  if (told.length === 0) return 'none';
  const byRepository = new Map<string | undefined, ToldFinding[]>();
  for (const finding of told) byRepository.set(finding.repository, [...(byRepository.get(finding.repository) ?? []), finding]);
  const outcomes: string[] = [];
  // Never the serving machine's own repository or workflow: only what the alert names.
  const env: NodeJS.ProcessEnv = { ...settings.env, GITHUB_REPOSITORY: '' };
  for (const [repository, group] of byRepository) {
    const channels: ChannelName[] = [...(settings.webhookUrl !== undefined ? (['webhook'] as const) : []), ...(repository !== undefined && env.GITHUB_TOKEN ? (['issue'] as const) : [])];
    if (channels.length === 0) continue;
    // The root only matters when nothing names the repository: an empty place has no origin remote to guess from.
    const notifySettings = notifySettingsOf({ channels, root: tmpdir(), webhookUrl: settings.webhookUrl, repo: repository, mentionOwners: false }, env);
    const result = await tell(group, settings.rules, notifySettings, false, ...(settings.io ? [settings.io] : []));
    outcomes.push(...result.deliveries.map((delivery) => `${delivery.channel}:${delivery.outcome}`));
  }
  return outcomes.length === 0 ? 'none' : outcomes.join(' ');
}
