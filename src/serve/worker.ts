import { KeywardenError } from '../core/errors.js';
import type { ToldFinding } from '../run/notify.js';
import type { TokenOutcome, TokenToCheck } from './check.js';
import { unseal } from './sealed.js';
import type { OpenToken, Store } from './store.js';

/**
 * The worker of `serve` (SPEC §6): takes open tokens from the store in batches, checks them
 * (verify, revoke with `--revoke`: `check.ts`), keeps what each came to, tells (`notify-leaks.ts`)
 * and marks it done, which erases the sealed token. Everything it decides is in the store
 * before the next step, so a restart resumes where it stopped: a `pending` token is checked
 * (a key revoked before the crash is then `already-revoked`, and `was_live` still says it was
 * live), a `checked` one only told. No token is in two batches at once.
 *
 * A check that could not tell (`unknown`: the provider down, 429, 5xx) or a revocation that
 * failed is tried again with exponential backoff, up to `maxAttempts`, then kept as it is.
 */

export interface WorkerSteps {
  check(tokens: readonly TokenToCheck[], onLive: (hash: string) => void): Promise<Map<string, TokenOutcome>>;
  /** Tell about these findings; what was done, in a few words (`webhook:sent`). */
  tell(findings: readonly ToldFinding[]): Promise<string>;
}

export interface WorkerOptions {
  storeKey: Buffer;
  /** Tokens per batch (per run of the run layer). */
  batchSize: number;
  /** Batches at once. */
  concurrency: number;
  maxAttempts: number;
  /** ms before attempt `n + 1` (n ≥ 1). */
  backoffMs: (attempt: number) => number;
  now: () => number;
  /** Something worth a log line or a metric (never a token). */
  onEvent?: (event: WorkerEvent) => void;
}

export type WorkerEvent =
  | { kind: 'checked'; hash: string; ruleId: string; verification: string; revocation?: string }
  | { kind: 'retry'; hash: string; attempt: number; why: string; inMs: number }
  | { kind: 'done'; hash: string; notified: string }
  | { kind: 'error'; message: string };

/** Retry after 2 s, 4 s, 8 s … at most 5 minutes. */
export const defaultBackoffMs = (attempt: number) => Math.min(300_000, 2000 * 2 ** (attempt - 1));

/** Why a check should be tried again, or undefined when what it says is final. */
export function retryReason(outcome: TokenOutcome | undefined): string | undefined {
  if (!outcome) return undefined;
  if (outcome.verification === 'unknown') return 'the live check could not tell';
  if (outcome.revocation === 'failed' || outcome.revocation === 'unknown') return `the revocation came to ${outcome.revocation}`;
  return undefined;
}

export class Worker {
  readonly #store: Store;
  readonly #steps: WorkerSteps;
  readonly #options: WorkerOptions;
  readonly #busy = new Set<string>();
  readonly #running = new Set<Promise<void>>();
  readonly #listeners = new Set<() => void>();
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(store: Store, steps: WorkerSteps, options: WorkerOptions) {
    this.#store = store;
    this.#steps = steps;
    this.#options = options;
  }

  /** Look for due tokens now (an alert was accepted, or a batch ended). Never throws: a store that fails is tried again a second later. */
  wake(): void {
    if (this.#stopped) return;
    try {
      this.#takeBatches();
    } catch (error) {
      this.#options.onEvent?.({ kind: 'error', message: `the store failed: ${error instanceof Error ? error.name : 'error'}` });
      if (this.#timer) clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.wake(), 1000);
      this.#timer.unref();
    }
  }

  #takeBatches(): void {
    while (this.#running.size < this.#options.concurrency) {
      const batch = this.#store.due(this.#options.now(), this.#options.batchSize, this.#busy);
      if (batch.length === 0) break;
      for (const token of batch) this.#busy.add(token.hash);
      const run = this.#runBatch(batch)
        .catch((error: unknown) => this.#batchFailed(batch, error))
        .finally(() => {
          for (const token of batch) this.#busy.delete(token.hash);
          this.#running.delete(run);
          this.#changed();
          this.wake();
        });
      this.#running.add(run);
    }
    this.#schedule();
  }

  /** Called whenever a token's state changes (the answer waits on it for its feedback). */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stop taking batches and wait for those running. What is left stays open in the store for the next start. */
  async drain(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    while (this.#running.size > 0) await Promise.all([...this.#running]);
  }

  /** Batches running now (for metrics). */
  get activeBatches(): number {
    return this.#running.size;
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }

  /** Wake again when the next retry is due. */
  #schedule(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    const next = this.#store.nextDue();
    if (next === undefined || this.#stopped) return;
    // Every slot busy: the end of a batch wakes us. Otherwise wake when the next is due (at least 1 ms on: it may have come due since `due` looked).
    if (this.#running.size >= this.#options.concurrency) return;
    const inMs = Math.max(next - this.#options.now(), 1);
    this.#timer = setTimeout(() => this.wake(), Math.min(inMs, 2 ** 31 - 1));
    this.#timer.unref();
  }

  async #runBatch(batch: readonly OpenToken[]): Promise<void> {
    const { storeKey, now, onEvent } = this.#options;
    const toCheck: TokenToCheck[] = [];
    const toTell: { hash: string; told?: ToldFinding }[] = [];
    for (const token of batch) {
      if (token.state === 'checked') toTell.push({ hash: token.hash, ...(token.told !== undefined ? { told: JSON.parse(token.told) as ToldFinding } : {}) });
      else {
        const plain = token.sealed ? unseal(storeKey, token.sealed, token.hash) : undefined;
        // Sealed under another KEYWARDEN_STORE_KEY (or altered): it cannot be checked, and it must not block the rest.
        if (plain === undefined) this.#finishUnchecked(token.hash, 'cannot be unsealed with this KEYWARDEN_STORE_KEY');
        else toCheck.push({ hash: token.hash, token: plain, url: token.url });
      }
    }
    if (toCheck.length > 0) {
      const outcomes = await this.#steps.check(toCheck, (hash) => {
        this.#store.markLive(hash);
        this.#changed();
      });
      this.#store.transaction(() => this.#recordChecks(batch, toCheck, outcomes, toTell));
      this.#changed();
    }
    if (toTell.length === 0) return;
    const findings = toTell.flatMap((item) => (item.told ? [item.told] : []));
    let notified: string;
    try {
      notified = findings.length > 0 ? await this.#steps.tell(findings) : 'none';
    } catch (error) {
      // Telling is a warning's worth: the key is already checked and revoked; it must not be checked again.
      notified = 'failed';
      onEvent?.({ kind: 'error', message: `telling failed: ${error instanceof Error ? error.name : 'error'}` });
    }
    this.#store.transaction(() => {
      for (const { hash } of toTell) this.#store.finish(hash, now(), notified);
    });
    for (const { hash } of toTell) onEvent?.({ kind: 'done', hash, notified });
  }

  /** What each checked token came to: kept (to be told next), or put off for another attempt. */
  #recordChecks(batch: readonly OpenToken[], toCheck: readonly TokenToCheck[], outcomes: ReadonlyMap<string, TokenOutcome>, toTell: { hash: string; told?: ToldFinding }[]): void {
    const { now, onEvent } = this.#options;
    for (const { hash } of toCheck) {
      const outcome = outcomes.get(hash);
      const attempt = (batch.find((token) => token.hash === hash)?.attempts ?? 0) + 1;
      const why = retryReason(outcome);
      const known = { verification: outcome?.verification ?? 'skipped', ...(outcome?.revocation !== undefined ? { revocation: outcome.revocation } : {}) };
      if (why !== undefined && attempt < this.#options.maxAttempts) {
        const inMs = this.#options.backoffMs(attempt);
        this.#store.retryLater(hash, now() + inMs, why, known);
        onEvent?.({ kind: 'retry', hash, attempt, why, inMs });
        continue;
      }
      this.#store.markChecked(hash, { ...known, ...(outcome ? { told: JSON.stringify(outcome.told) } : {}) });
      onEvent?.({ kind: 'checked', hash, ruleId: batch.find((token) => token.hash === hash)?.ruleId ?? '', ...known });
      toTell.push({ hash, ...(outcome ? { told: outcome.told } : {}) });
    }
  }

  /**
   * A batch that stopped (the audit log cannot be opened, the store cannot be written): its open
   * tokens are put off with the same backoff, never dropped (they were accepted) and never taken
   * again at once (that would spin). The message names the error's class, or a KeywardenError's
   * own words, which never hold a key.
   */
  #batchFailed(batch: readonly OpenToken[], error: unknown): void {
    const why = error instanceof KeywardenError ? error.message : `a batch stopped: ${error instanceof Error ? error.name : 'error'}`;
    this.#options.onEvent?.({ kind: 'error', message: why });
    try {
      this.#store.transaction(() => {
        for (const token of batch) this.#store.putOff(token.hash, this.#options.now() + this.#options.backoffMs(token.attempts + 1), why);
      });
    } catch {
      // The store itself failed: the tokens stay as they were, due now; the next wake tries again.
    }
  }

  #finishUnchecked(hash: string, why: string): void {
    this.#store.markChecked(hash, { verification: 'skipped' });
    this.#store.finish(hash, this.#options.now(), `not checked: ${why}`);
  }
}
