import type { Finding } from '../core/types.js';
import type { Verifier } from '../verify/verifier.js';

/**
 * Check one finding's key. A check that fails is an `unknown` in the answer, never an
 * exception that stops the run. A finding that arrives with a verification keeps it
 * (`verify --report` marks a key it could not recover as skipped, with its reason). The
 * verifier caches per (rule file, key), so repeated keys share one request.
 */
export async function verifyFinding(finding: Finding, verifier: Verifier): Promise<Finding> {
  if (finding.verification) return finding;
  const { verification, severity } = await verifier.verify(finding.ruleId, finding.secret);
  return { ...finding, verification, ...(severity ? { severity } : {}) };
}

/** How many checked findings may wait to be handed on before `add` waits for them. */
const defaultWaitingLimit = 1024;

export interface VerifyQueue {
  /** Start checking a finding; resolves once there is room for the next (back-pressure). */
  add(finding: Finding): Promise<void>;
  /** Resolves once every finding added so far has been handed on. */
  drain(): Promise<void>;
}

/**
 * The verify stage for findings that stream in: checks of different keys run at once (the
 * verifier bounds them and asks each key once), and each finding is handed to `deliver` in
 * the order it came, or with `ordered: false` as soon as its check ends. When `limit`
 * findings are being checked or wait, `add` waits too, so a scan that outruns the provider
 * slows down instead of piling findings up: memory is bounded by the limit, not the input.
 * Deliveries never overlap. A failure of `deliver` surfaces from the next `add` or `drain`.
 */
export function verifyQueue(verifier: Verifier, deliver: (finding: Finding) => void | Promise<void>, options: { ordered?: boolean; limit?: number } = {}): VerifyQueue {
  const ordered = options.ordered ?? true;
  const limit = options.limit ?? defaultWaitingLimit;
  /** The chain of deliveries: in arrival order when ordered, in completion order otherwise. */
  let tail: Promise<void> = Promise.resolve();
  let pending = 0;
  /** Who waits for a check to end (an `add` for room, `drain` for the end); several logs followed at once add concurrently. */
  let waiters: (() => void)[] = [];
  const settled = () => new Promise<void>((resolve) => waiters.push(resolve));
  let failure: { error: unknown } | undefined;
  const check = () => {
    if (failure) throw failure.error;
  };
  const handOn = (verified: Promise<Finding>) => {
    const step = async () => {
      const done = await verified;
      if (!failure) await deliver(done);
    };
    tail = tail
      .then(step)
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => {
        pending--;
        const woken = waiters;
        waiters = [];
        for (const wake of woken) wake();
      });
  };
  return {
    async add(finding) {
      check();
      pending++;
      const verified = verifyFinding(finding, verifier);
      // Handled where the chain reaches it; until then a rejection must not count as unhandled.
      verified.catch(() => undefined);
      // Unordered: join the chain only once the check has ended, so a slow key holds no one up.
      if (ordered) handOn(verified);
      else void verified.then(() => handOn(verified), () => handOn(verified));
      while (pending >= limit) await settled();
      check();
    },
    async drain() {
      while (pending > 0) await settled();
      await tail;
      check();
    },
  };
}
