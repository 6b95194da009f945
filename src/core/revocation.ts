/**
 * What revoking a key came to (SPEC §5.1), one per distinct key. Shared by the revoke step
 * (`respond/revoke/`), the run that carries it and the renderers that print it.
 */

export type RevokeOutcome =
  /** Disabled or deleted now, and the live check confirms the key is dead. */
  | 'revoked'
  /** Dead already: the live check says invalid, or the account key is disabled. */
  | 'already-revoked'
  /** A dry run: this is what `--yes` would do. */
  | 'would-revoke'
  /** The live check could not tell: never acted on. */
  | 'unknown'
  /** Live, but not on the account of this management key: its owner must be told. */
  | 'not-found'
  /** Several account keys could be the leaked one: none is touched. */
  | 'ambiguous'
  /** No revoke flow for this provider. */
  | 'unsupported'
  /** An API error or a key still live after the action; the reason names the step. */
  | 'failed';

export const revokeOutcomes: readonly RevokeOutcome[] = ['revoked', 'already-revoked', 'would-revoke', 'unknown', 'not-found', 'ambiguous', 'unsupported', 'failed'];

export type RevokeAction = 'disable' | 'delete';

/** The account key a revocation changes (or would), as the provider names it; never the key itself. */
export interface RevokeTarget {
  hash: string;
  label?: string;
  name?: string;
}

export interface Revocation {
  ruleId: string;
  provider: string;
  /** `sha256:` + hex, as in reports. */
  secretHash: string;
  redacted: string;
  outcome: RevokeOutcome;
  /** What was done (or, in a dry run, would be); `none` when nothing is. */
  action: RevokeAction | 'none';
  target?: RevokeTarget;
  /** One line for people: why this outcome, naming the step that failed. Never a key or a credential. */
  reason?: string;
  /** The HTTP status of the request that decided the outcome, when one did. */
  httpStatus?: number;
  /**
   * The failure is the configuration's (a management key unset or refused), not this key's:
   * the run exits 2, as for any configuration error.
   */
  configuration?: boolean;
  /** ISO 8601, when the outcome was decided. */
  at: string;
}
