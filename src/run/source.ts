import type { Chunk, CompiledRule, Finding, RepositoryCoverage, ScanWarning, ShardOfPlan } from '../core/types.js';
import type { WireFinding } from '../detect/finding.js';
import type { LoadedRuleFile } from '../rules/schema.js';

/**
 * What a source hands the tail, as it reads. Most sources hand over text (`chunk`) and let
 * the tail detect; a source that must detect itself hands over what it found: the working
 * tree detects on worker threads, history detects once per blob and attributes each key to
 * the commit that introduced it, and a report read back already holds its findings.
 */
export type SourceEvent =
  /** Text to detect keys in. */
  | { kind: 'chunk'; chunk: Chunk }
  /** A key the source located itself (raw key inside: wrapped into a Finding by the tail at once). */
  | { kind: 'found'; found: WireFinding }
  /** A finding the source built whole (recovered from a report; may carry its verification already). */
  | { kind: 'finding'; finding: Finding }
  | { kind: 'warning'; warning: ScanWarning }
  /** Files (or blobs, or logs) and bytes read since the last such event, for the stats. */
  | { kind: 'read'; files: number; bytes: number };

export type Emit = (event: SourceEvent) => void | Promise<void>;

/** What a source may use while reading: the run's rules, and the path filter of ignore files and config excludes. */
export interface SourceContext {
  ruleFiles: readonly LoadedRuleFile[];
  rules: readonly CompiledRule[];
  /** Paths not to read (`.keywardenignore` globs, `exclude:` in the config). */
  excluded: (path: string) => boolean;
  /** The same patterns as written, for sources that hand them to a walker. */
  excludePatterns: readonly string[];
}

/**
 * One kind of input: a working tree, the staged changes, history, logs, keys on stdin, a
 * report. Every command is a source plus the one tail (`runTail`), so suppression,
 * verification, the `--results` filter and the verdict behave the same everywhere.
 */
export interface Source {
  /**
   * Read everything, handing each event to `emit` and awaiting it (a slow consumer, such
   * as a live check, slows the reading instead of piling findings up). A failure to read a
   * part is a `warning` event (kind `incomplete` when what was asked for was not all read);
   * a thrown error stops the run.
   */
  read(context: SourceContext, emit: Emit): Promise<void>;
  /**
   * How the tail keeps findings of one key: `fingerprint` keeps the first per fingerprint
   * (with chunks oldest first, the commit that introduced it), `key` the first per (rule, key)
   * (keys handed over to check); default all.
   */
  once?: 'fingerprint' | 'key';
  /** The order of a report printed whole; default: the order found. */
  order?: (a: Finding, b: Finding) => number;
  /** Re-rank the prefilter's anchors by the input's own bytes (long logs: ~30% faster). */
  tuneAnchors?: boolean;
  /**
   * A last look at all the findings together, after suppression and before the live check:
   * a pull request is blamed only for keys its base did not already hold, which can be told
   * only once every finding of the range is known. Findings then wait for the source to end.
   */
  settle?: (findings: Finding[]) => Promise<Finding[]>;
  /** What it reads, one of them, for messages (`log`, `file`); default `input`. */
  noun?: string;
  /** Verified findings may be handed on as each check ends rather than in the order found (keys on stdin). */
  unordered?: boolean;
  /** A source over several repositories (a remote audit): which it scanned and which not, once it has read. */
  repositories?: () => RepositoryCoverage;
  /** One shard of a planned audit (`audit --shard I/N`): carried into the report, for `merge`. */
  shard?: ShardOfPlan;
}
