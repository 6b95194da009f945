import type { Secret } from '../core/secret.js';
import type { Finding, Verification, VerificationStatus } from '../core/types.js';
import { printable } from './neutral.js';

/**
 * Verification outcomes in words, shared by every format so that a live key, a key no one
 * could check and a dead key read the same everywhere. Pure and colourless: the human
 * reporter adds colour, markdown adds emphasis.
 */

/** Outcomes in the order people should act on them (the order the CLI sorts findings in). */
export const statusesByUrgency: readonly VerificationStatus[] = ['live', 'unknown', 'skipped', 'invalid'];

/** Whether the findings went through `--verify`; only then do reports talk about outcomes. */
export function isVerified(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.verification !== undefined);
}

/** A finding without an answer in a verified run was not asked: `skipped`, as the CLI counts it. */
export function statusOf(finding: Finding): VerificationStatus {
  return finding.verification?.status ?? 'skipped';
}

/** `[['live', 2], ['unknown', 1]]`: outcomes that occur, most urgent first. */
export function countByStatus(findings: readonly Finding[]): [VerificationStatus, number][] {
  return statusesByUrgency
    .map((status): [VerificationStatus, number] => [status, findings.filter((finding) => statusOf(finding) === status).length])
    .filter(([, count]) => count > 0);
}

/** `2 live, 1 unknown, 1 invalid`. */
export function statusSummary(findings: readonly Finding[]): string {
  return countByStatus(findings)
    .map(([status, count]) => `${count} ${status}`)
    .join(', ');
}

/** Longest reason or provider text shown: room for any reason keywarden writes, none for a flood from a provider. */
const maxTextLength = 200;

/**
 * Provider answers and repository text are untrusted: kept on one line, control and bidi
 * characters shown as `?` (`printable`), bounded.
 */
export function plainText(text: string): string {
  const clean = printable(text.replace(/[\t\r\n]+/g, ' '));
  return clean.length > maxTextLength ? `${clean.slice(0, maxTextLength - 1)}…` : clean;
}

/** Credits are USD; sub-cent amounts are real (a few tokens) but not worth digits. */
export function formatUsd(amount: number): string {
  if (amount > 0 && amount < 0.01) return '<$0.01';
  return `$${amount.toFixed(2)}`;
}

function numberIn(detail: Record<string, unknown>, field: string): number | undefined {
  const value = detail[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** `usage $12.50 of $100.00 limit ($87.50 left)`; a `null` limit is OpenRouter's "unlimited". */
function describeSpending(detail: Record<string, unknown>): string | undefined {
  const usage = numberIn(detail, 'usage');
  const limit = numberIn(detail, 'limit');
  const remaining = numberIn(detail, 'limit_remaining');
  const used = usage === undefined ? undefined : `usage ${formatUsd(usage)}`;
  if (limit !== undefined) {
    const left = remaining === undefined ? '' : ` (${formatUsd(remaining)} left)`;
    return `${used ? `${used} of ` : ''}${formatUsd(limit)} limit${left}`;
  }
  if (detail['limit'] === null) return used ? `${used}, no limit` : 'no limit';
  return used;
}

function describeExpiry(detail: Record<string, unknown>): string | undefined {
  if (!('expires_at' in detail)) return undefined;
  const expiry = detail['expires_at'];
  if (expiry === null) return 'expires never';
  return typeof expiry === 'string' ? `expires ${plainText(expiry)}` : undefined;
}

/**
 * What a live key can do, from the fields the rule keeps: `usage $12.50 of $100.00 limit
 * ($87.50 left), expires never, free tier`. Undefined when the provider told nothing.
 */
export function describeLiveDetail(detail: Record<string, unknown>): string | undefined {
  const parts = [describeSpending(detail), describeExpiry(detail), detail['is_free_tier'] === true ? 'free tier' : undefined];
  const told = parts.filter((part): part is string => part !== undefined);
  return told.length > 0 ? told.join(', ') : undefined;
}

/**
 * One line on what the outcome means for the person reading: for `live` the key's
 * spending (when the provider told it); otherwise why there is no answer and what to do.
 * The raised severity of a live key is told apart (`escalationOf`).
 */
export function describeOutcome(verification: Verification): string | undefined {
  const reason = verification.reason === undefined ? undefined : plainText(verification.reason);
  switch (verification.status) {
    case 'live': {
      const detail = describeLiveDetail(verification.detail);
      return detail && `live: ${detail}`;
    }
    case 'unknown':
      // A check that failed says nothing about the key: it may well still work.
      return `could not check: ${reason ?? 'no usable answer'} — treat as live until checked`;
    case 'invalid':
      return `invalid: the provider rejected it${reason ? ` (${reason})` : ''}`;
    case 'skipped':
      return `not checked: ${reason ?? 'no live check for this key'}`;
  }
}

/** Why a live key's severity was raised (`management key — …`), when it was. */
export function escalationOf(verification: Verification | undefined): string | undefined {
  if (verification?.status !== 'live' || verification.reason === undefined) return undefined;
  return plainText(verification.reason);
}

/**
 * A verification as every report shows it: fixed fields in a fixed order, and any provider
 * text that echoes the key (in any shape `Secret.maskIn` knows) masked, so `--show-secrets`
 * stays the only way a raw key gets into a report.
 */
export function reportVerification(verification: Verification, secret: Secret): Verification {
  const mask = (value: unknown) => (typeof value === 'string' ? secret.maskIn(value) : value);
  const detail = Object.fromEntries(Object.entries(verification.detail).map(([field, value]) => [field, mask(value)]));
  return {
    status: verification.status,
    detail,
    ...(verification.reason !== undefined ? { reason: String(mask(verification.reason)) } : {}),
  };
}

/** The finding's verification, masked as `reportVerification` does; what renderers describe. */
export function verificationOf(finding: Finding): Verification | undefined {
  return finding.verification && reportVerification(finding.verification, finding.secret);
}
