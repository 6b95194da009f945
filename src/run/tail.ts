import type { Revocation } from '../core/revocation.js';
import type { Finding, ScanResult, ScanWarning, VerificationStatus } from '../core/types.js';
import { createEngine, detectKeys } from '../detect/detect.js';
import { toFinding, toWire } from '../detect/finding.js';
import { redactKeys } from '../detect/redact-text.js';
import { isSuppressed, type Suppressions } from '../detect/suppress.js';
import { AnchorTuner } from '../detect/tuning.js';
import { printedFingerprints, type Redact } from '../report/mask.js';
import type { FailOn } from './config.js';
import type { Prepared } from './prepare.js';
import type { Source, SourceContext, SourceEvent } from './source.js';
import { byUrgency, isFailing, leftOutNote, statusOf, verdictOf, type Verdict } from './verdict.js';
import { verifyQueue } from './verify.js';

/** Where the tail hands what it finds, as it finds it. */
export interface TailOptions {
  /** Each finding to report (after suppression, the live check and `--results`), as soon as it is known. Awaited. */
  onFinding?: (finding: Finding) => void | Promise<void>;
  /** Each warning as it happens (the `--results` note at the end). */
  onWarning?: (warning: ScanWarning) => void;
  /** Keep the reported findings in the result, for reports printed whole; otherwise they are only counted. */
  keep?: boolean;
  clock?: () => number;
}

/** What was reported, counted, so a summary can be written without holding the findings. */
export interface RunCounts {
  /** Findings after suppression, before `--results`. */
  found: number;
  /** Findings reported (after `--results`). */
  shown: number;
  /** Distinct paths among the findings reported. */
  files: number;
  /** Findings reported per outcome; empty when nothing was verified. */
  byStatus: Partial<Record<VerificationStatus, number>>;
  /** Findings removed by ignore files and baselines. */
  suppressed: number;
  /** Findings `--results` left out, per outcome. */
  leftOut: Partial<Record<VerificationStatus, number>>;
  /** Every finding reported is a key handed over directly (`verify` from stdin): keys were checked, nothing scanned. */
  allInput: boolean;
}

/** What a run returns: the result reporters render (findings only with `keep`), its counts and its verdict. */
export interface RunResult extends ScanResult {
  counts: RunCounts;
  verdict: Verdict;
  /** Whether the findings were live-checked. */
  verified: boolean;
  /** With a revoke step: each distinct key's revocation (or, in a dry run, its plan). */
  revocations?: Revocation[];
}

/**
 * Counts what the tail reports and leaves out, so the summary, the `--results` note and the
 * verdict are computed once, from counts, without holding the findings.
 */
class Tally {
  found = 0;
  suppressed = 0;
  #shown = 0;
  #failing = 0;
  #failingHidden = 0;
  #passingShown = 0;
  #allInput = true;
  readonly #paths = new Set<string>();
  readonly #byStatus = new Map<VerificationStatus, number>();
  readonly #leftOut = new Map<VerificationStatus, number>();

  constructor(
    private readonly failOn: FailOn,
    private readonly results: ReadonlySet<VerificationStatus> | undefined,
  ) {}

  /** Count a checked finding; whether `--results` lets it be shown. */
  report(finding: Finding): boolean {
    const status = statusOf(finding);
    const failing = isFailing(finding, this.failOn);
    if (failing) this.#failing++;
    if (this.results && !this.results.has(status)) {
      this.#leftOut.set(status, (this.#leftOut.get(status) ?? 0) + 1);
      if (failing) this.#failingHidden++;
      return false;
    }
    this.#shown++;
    this.#allInput &&= finding.origin.kind === 'input';
    if (!failing) this.#passingShown++;
    this.#paths.add(`${finding.origin.repository ?? ''}\0${finding.origin.path}`);
    this.#byStatus.set(status, (this.#byStatus.get(status) ?? 0) + 1);
    return true;
  }

  leftOutNote(): ScanWarning | undefined {
    return this.results ? leftOutNote(this.results, this.#leftOut) : undefined;
  }

  counts(): RunCounts {
    const shown = this.#shown;
    return { found: this.found, shown, files: this.#paths.size, byStatus: Object.fromEntries(this.#byStatus), leftOut: Object.fromEntries(this.#leftOut), suppressed: this.suppressed, allInput: this.#allInput && shown > 0 };
  }

  verdict(noun: string, warnings: readonly ScanWarning[]): Verdict {
    return verdictOf({
      failOn: this.failOn,
      failing: this.#failing,
      failingHidden: this.#failingHidden,
      passingShown: this.#passingShown,
      noun,
      incomplete: warnings.filter((warning) => warning.kind === 'incomplete'),
    });
  }
}

/** Which findings of one key are kept: with `once`, the first per fingerprint or per (rule, key). */
function firstOnly(once: Source['once']): ((finding: Finding) => boolean) | undefined {
  if (!once) return undefined;
  const seen = new Set<string>();
  return (finding) => {
    const id = once === 'fingerprint' ? finding.fingerprint : `${finding.ruleId}\0${finding.secretHash}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  };
}

/**
 * Whether an ignore file or the baseline names the finding by its fingerprint as a report printed
 * it (a key in its path masked, see `printedFingerprints`): baselines are made from json reports,
 * and ignore entries are copied from any report. Nothing to do without fingerprints to match.
 */
function suppressedAsPrinted(suppressions: Suppressions, redact: Redact): (finding: Finding) => boolean {
  const lists = [suppressions.ignore?.fingerprints, suppressions.baseline?.fingerprints].filter((list) => list !== undefined && list.size > 0);
  if (lists.length === 0) return () => false;
  return (finding) => printedFingerprints(finding.fingerprint, redact).some((printed) => lists.some((list) => list?.has(printed)));
}

/**
 * The one tail every command shares: detect in what the source reads → wrap into findings →
 * keep the first of each key when the source asks → suppress → live-check (when the run
 * verifies) → `--results` → hand on, then the verdict. Findings stream through: each is
 * handed to `onFinding` as soon as its check ends, and kept only with `keep`.
 */
export async function runTail(source: Source, prepared: Prepared, options: TailOptions = {}): Promise<RunResult> {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const { config, rules, suppressions, verifier } = prepared;
  let engine = createEngine(rules);
  const redactEngine = engine;
  const isSuppressedAsPrinted = suppressedAsPrinted(suppressions, (text) => redactKeys(text, redactEngine));
  const tuner = source.tuneAnchors ? new AnchorTuner() : undefined;
  const ruleById = new Map(rules.map((rule) => [rule.id, rule]));
  const isFirst = firstOnly(source.once);
  const warnings: ScanWarning[] = [];
  const kept: Finding[] = [];
  const stats = { files: 0, bytes: 0 };
  const tally = new Tally(config.failOn, config.results);

  const report = async (finding: Finding) => {
    // Every checked key, whatever --results shows: a filter chooses what is printed, not what is shut down.
    prepared.revoker?.submit(finding);
    if (!tally.report(finding)) return;
    if (options.keep) kept.push(finding);
    await options.onFinding?.(finding);
  };
  const queue = verifier ? verifyQueue(verifier, report, { ordered: !source.unordered }) : undefined;

  const handOn = async (finding: Finding) => {
    tally.found++;
    await (queue ? queue.add(finding) : report(finding));
  };
  /** With `settle`, findings wait here for the source to end. */
  const settling: Finding[] | undefined = source.settle ? [] : undefined;
  const accept = async (finding: Finding) => {
    if (isFirst && !isFirst(finding)) return;
    if (isSuppressed(finding, suppressions) || isSuppressedAsPrinted(finding)) {
      tally.suppressed++;
      return;
    }
    if (settling) settling.push(finding);
    else await handOn(finding);
  };
  const warn = (warning: ScanWarning) => {
    warnings.push(warning);
    options.onWarning?.(warning);
  };
  const onEvent = async (event: SourceEvent) => {
    switch (event.kind) {
      case 'chunk': {
        const { chunk } = event;
        const data = Buffer.isBuffer(chunk.data) ? chunk.data : Buffer.from(chunk.data.buffer, chunk.data.byteOffset, chunk.data.byteLength);
        if (tuner) engine = tuner.feed(data, engine) ?? engine;
        for (const match of detectKeys(data, engine, { startLine: chunk.startLine, ...chunk.window })) await accept(toFinding(toWire(match, chunk.origin), match.rule));
        return;
      }
      case 'found': {
        const rule = ruleById.get(event.found.ruleId);
        if (rule) await accept(toFinding(event.found, rule));
        return;
      }
      case 'finding':
        return accept(event.finding);
      case 'warning':
        return warn(event.warning);
      case 'read':
        stats.files += event.files;
        stats.bytes += event.bytes;
        return;
    }
  };

  const context: SourceContext = {
    ruleFiles: prepared.ruleFiles,
    rules,
    excludePatterns: prepared.ignore.pathPatterns,
    // The glob matcher is loaded only when there are patterns: the commit guard runs on every commit.
    excluded: prepared.ignore.pathPatterns.length > 0 ? (await import('../sources/worktree.js')).excludedPaths(prepared.ignore.pathPatterns) : () => false,
  };
  await source.read(context, onEvent);
  if (settling && source.settle) for (const finding of await source.settle(settling)) await handOn(finding);
  await queue?.drain();
  const revocations = await prepared.revoker?.settle();

  const note = tally.leftOutNote();
  if (note) warn(note);
  let findings = source.order ? kept.sort(source.order) : kept;
  // Most urgent first, so a report cut short (a PR comment at GitHub's size limit) keeps the live keys.
  if (verifier) findings = byUrgency(findings);
  return {
    findings,
    warnings,
    stats: { files: stats.files, bytes: stats.bytes, durationMs: Math.round(clock() - started) },
    counts: tally.counts(),
    verdict: tally.verdict(source.noun ?? 'input', warnings),
    verified: verifier !== undefined,
    ...(revocations ? { revocations } : {}),
    ...(source.repositories ? { repositories: source.repositories() } : {}),
    ...(source.shard ? { shard: source.shard } : {}),
  };
}
