import { detectKeys, type Engine, type KeyMatch } from './detect.js';
import { secretHashOf } from './finding.js';

/** How a report names a key without holding it: the rule that matched it and the hash of the raw key. */
export interface KeyIdentity {
  ruleId: string;
  /** `sha256:` + lowercase hex, as in the report. */
  secretHash: string;
}

/**
 * The key in `text` that a report names: matched by the same rule, with the same hash.
 * Full detection runs (boundaries, placeholders, inline allow), so a key recovered this way
 * is one its rule matches now, and is sent only to that rule's provider. Pure.
 */
export function findKeyByHash(text: Buffer, engine: Engine, wanted: KeyIdentity): KeyMatch | undefined {
  return detectKeys(text, engine).find((match) => match.rule.id === wanted.ruleId && secretHashOf(match.key) === wanted.secretHash);
}
