import { sha256 } from './hash.js';
import { Secret } from '../core/secret.js';
import type { CompiledRule, Finding, Origin } from '../core/types.js';
import type { KeyMatch } from './detect.js';

/** `sha256:` + lowercase hex of SHA-256 over the key's UTF-8 bytes (SPEC §3). */
export function secretHashOf(key: string): string {
  return `sha256:${sha256(key)}`;
}

/**
 * `path:ruleId:hash16`, or `OWNER/NAME:path:ruleId:hash16` when the run covers several
 * repositories. No line number, so editing the lines above a finding keeps its fingerprint
 * (baselines and ignore entries survive), and a hash of the key, so a different key put at
 * an ignored place is still reported.
 */
export function fingerprintOf(path: string, ruleId: string, secretHash: string, repository?: string): string {
  return `${repository !== undefined ? `${repository}:` : ''}${path}:${ruleId}:${secretHash.slice('sha256:'.length, 'sha256:'.length + 16)}`;
}

/** A finding as it crosses a thread boundary: the raw key is a plain string here, and must be wrapped again at once. */
export interface WireFinding {
  ruleId: string;
  key: string;
  origin: Origin;
  line: number;
  column: number;
  endColumn: number;
  encoding?: 'base64';
}

export function toWire(match: KeyMatch, origin: Origin): WireFinding {
  return {
    ruleId: match.rule.id,
    key: match.key,
    origin,
    line: match.line,
    column: match.column,
    endColumn: match.endColumn,
    ...(match.encoding ? { encoding: match.encoding } : {}),
  };
}

export function toFinding(wire: WireFinding, rule: CompiledRule): Finding {
  const secretHash = secretHashOf(wire.key);
  return {
    ruleId: rule.id,
    provider: rule.provider,
    severity: rule.severity,
    secret: new Secret(wire.key, rule.prefix),
    secretHash,
    fingerprint: fingerprintOf(wire.origin.path, rule.id, secretHash, wire.origin.repository),
    origin: wire.origin,
    line: wire.line,
    column: wire.column,
    endColumn: wire.endColumn,
    ...(wire.encoding ? { encoding: wire.encoding } : {}),
  };
}
