import type { HttpRequest } from '../../net/http.js';
import type { PinnedClient } from '../../net/pinned.js';
import type { StatusMatch } from '../../rules/revoke-schema.js';
import { valueAt } from '../../verify/classify.js';

/** A management API's answer, parsed once: JSON (or undefined), or why there was none. */
export type Answer = { kind: 'response'; status: number; json: unknown } | { kind: 'failure'; reason: string };

/** Send through the pinned client; never throws for the network. Reasons come from net/, which never quotes a credential. */
export async function send(client: PinnedClient, request: HttpRequest): Promise<Answer> {
  const outcome = await client(request);
  if (outcome.kind === 'refused') return { kind: 'failure', reason: outcome.reason };
  if (outcome.kind === 'failure') return { kind: 'failure', reason: outcome.message };
  let json: unknown;
  try {
    json = JSON.parse(outcome.body);
  } catch {
    json = undefined;
  }
  return { kind: 'response', status: outcome.status, json };
}

/** The status is one the matcher lists, and every path it names holds a value (not null). */
export function answers(match: StatusMatch, answer: Answer): boolean {
  return answer.kind === 'response' && match.status.includes(answer.status) && (match.jsonHas ?? []).every((path) => valueAt(answer.json, path) != null);
}

/**
 * A request that carries a credential and gets 401 or 403 back: the credential is refused
 * (unset scopes, revoked, mistyped), which no other key of the run will get past either.
 */
export function credentialRefused(answer: Answer): boolean {
  return answer.kind === 'response' && (answer.status === 401 || answer.status === 403);
}

/** One line naming the step and what went wrong: `list (offset 300): HTTP 500 after retries`. */
export function describeAnswer(step: string, answer: Answer): string {
  if (answer.kind === 'failure') return `${step}: ${answer.reason}`;
  const retried = answer.status === 429 || answer.status >= 500 ? ' after retries' : '';
  return `${step}: HTTP ${answer.status}${retried}`;
}
