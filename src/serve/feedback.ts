import type { TokenStatus } from './store.js';

/**
 * The answer's feedback (SPEC §6): one `{ token_hash, token_type, label }` per token of the
 * alert. `true_positive` for a key that is live, or was live and is revoked now;
 * `false_positive` for a token no rule matches and for a key the provider calls invalid (and
 * never saw live here). A key still being checked at the deadline, or whose check could not
 * tell (`unknown`), is answered `true_positive`: it has a provider key's exact shape, and
 * telling the discloser a leak is a false alarm is the worse mistake (docs/DESIGN.md).
 */

export type Label = 'true_positive' | 'false_positive';

export interface FeedbackItem {
  token_hash: string;
  token_type: string;
  label: Label;
}

/** The label of one token from what the store knows of it now. */
export function labelOf(status: TokenStatus | undefined): Label {
  if (!status || status.ruleId === null) return 'false_positive';
  if (status.wasLive || status.verification === 'live' || status.revocation === 'revoked') return 'true_positive';
  if (status.verification === 'invalid') return 'false_positive';
  return 'true_positive';
}

/** Whether a token's label can no longer change: decided, or not a key at all. */
export function isSettled(status: TokenStatus | undefined): boolean {
  return !status || status.ruleId === null || status.state !== 'pending' || status.wasLive;
}

export function feedbackFor(tokens: readonly { hash: string; type: string }[], statuses: ReadonlyMap<string, TokenStatus>): FeedbackItem[] {
  return tokens.map((token) => ({ token_hash: token.hash, token_type: token.type, label: labelOf(statuses.get(token.hash)) }));
}
