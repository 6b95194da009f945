import type { Finding, ScanResult } from '../core/types.js';
import type { Verifier } from '../verify/verifier.js';

/**
 * The verify stage: group findings by key so each distinct key is asked once, however
 * often it appears, then give every finding of the key the same answer. A check that
 * fails is an `unknown` in the result, never an exception that stops the run. A finding
 * that arrives with a verification keeps it (fresh findings have none).
 */
export async function verifyFindings(findings: readonly Finding[], verifier: Verifier): Promise<Finding[]> {
  return Promise.all(
    findings.map(async (finding) => {
      // Already answered: `verify --report` marks a key it could not recover as skipped, with its reason.
      if (finding.verification) return finding;
      // The verifier caches per (provider, key), so repeated keys share one request.
      const { verification, severity } = await verifier.verify(finding.ruleId, finding.secret);
      return { ...finding, verification, ...(severity ? { severity } : {}) };
    }),
  );
}

/** `verifyFindings` over a whole result. */
export async function verifyResult<R extends ScanResult>(result: R, verifier: Verifier): Promise<R> {
  return { ...result, findings: await verifyFindings(result.findings, verifier) };
}

/** How many verified findings may wait to be handed on before `add` waits for them. */
const defaultWaitingLimit = 1024;

/**
 * The verify stage for findings that stream in (`keywarden logs`): each is checked as it
 * arrives, checks of different keys run at once (the verifier bounds them and asks each
 * key once), and findings are handed to `deliver` in the order they came. When `limit`
 * findings wait, `add` waits too, so a scan that outruns the provider slows down instead
 * of piling findings up. A failure of `deliver` surfaces from the next `add` or `drain`.
 */
export function verifyInOrder(verifier: Verifier, deliver: (finding: Finding) => void | Promise<void>, limit = defaultWaitingLimit) {
  let tail: Promise<void> = Promise.resolve();
  let waiting = 0;
  let failure: { error: unknown } | undefined;
  const check = () => {
    if (failure) throw failure.error;
  };
  return {
    async add(finding: Finding): Promise<void> {
      check();
      const verified = verifyFindings([finding], verifier);
      waiting++;
      tail = tail
        .then(async () => {
          const [done] = await verified;
          waiting--;
          if (done && !failure) await deliver(done);
        })
        .catch((error: unknown) => {
          failure ??= { error };
        });
      if (waiting >= limit) await tail;
      check();
    },
    /** Resolves once every finding added so far has been handed on. */
    async drain(): Promise<void> {
      await tail;
      check();
    },
  };
}
