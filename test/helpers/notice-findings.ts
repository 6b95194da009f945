/**
 * Notify's input as a json report gives it: a key (from `keyFactory`) found by the built-in rules
 * in a small text, turned into a finding and then into the report's finding (`toReportFinding`:
 * redacted, `secretHash`, fingerprint; no raw key), with the rule's hint and what this run knows.
 */
import type { VerificationStatus } from '../../src/core/types.js';
import type { RevokeOutcome } from '../../src/core/revocation.js';
import { toFinding, toWire } from '../../src/detect/finding.js';
import { toReportFinding } from '../../src/report/model.js';
import type { Delivery, NoticeFinding, OutgoingMessage } from '../../src/respond/notify/notice.js';
import { detectText } from './engine.js';

export interface Place {
  path: string;
  /** 1-based. Default 1. */
  line?: number;
  /** A history finding's commit (40 hex); a working-tree finding without. */
  commit?: string;
  /** `OWNER/NAME`, as an audit of several repositories writes it. */
  repository?: string;
}

export interface Known {
  status?: VerificationStatus;
  revocation?: RevokeOutcome;
  owners?: string[];
  /** Instead of the rule's hint. */
  hint?: string;
}

/** The report's finding for `key` at `place`, as notify reads it. */
export function noticeFinding(key: string, place: Place, known: Known = {}): NoticeFinding {
  const line = place.line ?? 1;
  const [match] = detectText(`${'\n'.repeat(line - 1)}const key = "${key}";\n`);
  if (!match) throw new Error('the built-in rules found no key in the text');
  const repository = place.repository !== undefined ? { repository: place.repository } : {};
  const origin =
    place.commit !== undefined
      ? { kind: 'history' as const, path: place.path, commit: place.commit, author: 'Dev', email: 'dev@example.com', date: '2026-01-02T03:04:05Z', ...repository }
      : { kind: 'file' as const, path: place.path, ...repository };
  const finding = toFinding(toWire(match, origin), match.rule);
  const verified = known.status !== undefined ? { verification: { status: known.status, detail: {} } } : {};
  // Without --show-secrets the report holds no `secret`; notify's findings have no such field at all.
  const reported = toReportFinding({ ...finding, ...verified }, { toolVersion: 'test', showSecrets: false });
  if ('secret' in reported) throw new Error('the report holds the raw key');
  return {
    ...reported,
    hint: known.hint ?? match.rule.hint,
    ...(known.revocation !== undefined ? { revocation: known.revocation } : {}),
    ...(known.owners !== undefined ? { owners: known.owners } : {}),
  };
}

/** A 40-hex commit id made from `n`, so tests can name commits. */
export function commitId(n: number): string {
  return n.toString(16).padStart(8, '0').repeat(5);
}

/**
 * Everything a GitHub channel let out in a test: every request it sent to the stand-in (URL,
 * headers but the Authorization one, body), its deliveries and its dry-run messages, as one
 * text to look for a raw key or the token in.
 */
export function everythingSent(
  requests: ReadonlyArray<{ url: string; headers: Record<string, unknown>; rawBody: string }>,
  deliveries: readonly Delivery[],
  messages: readonly OutgoingMessage[],
): string {
  const sent = requests.map((request) => {
    const headers = Object.entries(request.headers).filter(([name]) => name !== 'authorization');
    return `${request.url}\n${JSON.stringify(headers)}\n${request.rawBody}`;
  });
  return [...sent, JSON.stringify(deliveries), JSON.stringify(messages)].join('\n');
}
