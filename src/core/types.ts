import type { Secret } from './secret.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export const severities: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/**
 * Where a piece of scanned text came from. Paths are relative to the scanned root, with `/`.
 * A key handed to `verify`/`revoke` directly (`input`) has no file: its `path` only names
 * the stream for people (`<stdin>`) and fingerprints, and json reports leave it out (SPEC §3).
 * `repository` (`OWNER/NAME`) is set when a run covers several repositories (an audit), so
 * two repositories' findings at the same path never share a fingerprint.
 */
export type Origin = (
  | { kind: 'file'; path: string }
  | { kind: 'staged'; path: string }
  | { kind: 'history'; path: string; commit: string; author: string; email: string; date: string }
  | { kind: 'log'; path: string }
  | { kind: 'input'; path: string }
) & { repository?: string };

/** Text to scan (raw bytes, usually UTF-8) and where it came from. */
export interface Chunk {
  origin: Origin;
  data: Uint8Array;
  /** 1-based line number of the first byte of `data` in the original source. */
  startLine: number;
  /** Set when `data` is a window cut from a longer text: where its first byte sits, and which part of it it owns. */
  window?: ChunkWindow;
}

/** What detection needs to report each key of a window once and at the right place (see `sources/windows.ts`). */
export interface ChunkWindow {
  /** UTF-16 units of the first line that lie before `data`. */
  firstLineColumnOffset: number;
  /** The part of the first line before `data` holds an inline-allow marker. */
  firstLineAllowed: boolean;
  /** `data` begins inside base64 text that began earlier, here. */
  continuedBase64?: { line: number; column: number };
  /** Report only keys starting in [ownedFrom, ownedTo): an overlap belongs to one window only. */
  ownedFrom: number;
  ownedTo: number;
}

/** A rule compiled and ready to run. See `src/rules/schema.ts` for the YAML form. */
export interface CompiledRule {
  id: string;
  name: string;
  provider: string;
  severity: Severity;
  /** Literal strings, one of which every match contains; searched in raw bytes before any regex. */
  keywords: string[];
  /** The literal the key starts with; kept when redacting. */
  prefix: string;
  /** Global regex; the whole match (or the `key` named group) is the key. */
  pattern: RegExp;
  /**
   * The same pattern, sticky, when every match starts with one of the keywords (after a
   * look-behind): then one attempt at each keyword hit replaces a search, which keeps
   * detection linear on a flood of keywords.
   */
  anchored?: RegExp;
  /** Minimum Shannon entropy (bits per character) of the key body, below which it is a placeholder. */
  minEntropy: number;
  /** One line telling a person how to rotate the key. */
  hint: string;
}

export type VerificationStatus = 'live' | 'invalid' | 'unknown' | 'skipped';

export const verificationStatuses: readonly VerificationStatus[] = ['live', 'invalid', 'unknown', 'skipped'];

/** What a live check said about a key (SPEC §3, §5). */
export interface Verification {
  status: VerificationStatus;
  /** For `live`: the fields the rule keeps from the provider's answer (usage, limit, …). */
  detail: Record<string, unknown>;
  /** One line for people: why `unknown`/`skipped`/`invalid`, or why a live key's severity was raised. */
  reason?: string;
}

/** One occurrence of a key. Lines and columns are 1-based; `endColumn` is exclusive; columns count UTF-16 code units. */
export interface Finding {
  ruleId: string;
  provider: string;
  severity: Severity;
  secret: Secret;
  /** `sha256:` + lowercase hex of SHA-256 over the raw key's UTF-8 bytes. */
  secretHash: string;
  /** Stable id for ignore files and baselines: independent of line numbers, dependent on the key. */
  fingerprint: string;
  origin: Origin;
  line: number;
  column: number;
  endColumn: number;
  /** How the key was encoded where it was found, when not plain text. */
  encoding?: 'base64';
  verification?: Verification;
}

/** A finding read back from a json report (SPEC §3): everything but the verification, which is asked afresh. */
export interface ReportedFinding extends Omit<Finding, 'secret' | 'verification'> {
  redacted: string;
  /** The raw key, when the report was made with `--show-secrets`; trusted only if it matches `secretHash`. */
  secret?: string;
}

/** Something that went wrong without stopping the run (unreadable file, skipped large file). */
export interface ScanWarning {
  path?: string;
  message: string;
  /**
   * `filter`: a note that `--results` left findings out; everything was scanned.
   * `incomplete`: a source could not be read to its end (a corrupt or truncated gzip log).
   */
  kind?: 'filter' | 'incomplete';
}

export interface ScanStats {
  files: number;
  bytes: number;
  durationMs: number;
}

/**
 * Which repositories a run of several (an audit) covered: each one scanned, clean or not, and
 * each one it could not scan, with why (SPEC §8: one failing repository is a warning, not the
 * end). Repositories are `OWNER/NAME`, as findings carry them.
 */
export interface RepositoryCoverage {
  scanned: string[];
  notScanned: { repository: string; reason: string }[];
}

/** What the pipeline returns; reporters render it, the CLI turns it into an exit code. */
export interface ScanResult {
  findings: Finding[];
  warnings: ScanWarning[];
  stats: ScanStats;
  /** Set by a run over several repositories (an audit); absent otherwise. */
  repositories?: RepositoryCoverage;
  /** Set by one shard of a planned audit (`audit --shard I/N`): its plan's id and its place in it. */
  shard?: ShardOfPlan;
}

/** Shard `index` of `count` of the plan whose id is `plan` (hex of a hash of its repository list). */
export interface ShardOfPlan {
  plan: string;
  index: number;
  count: number;
}
