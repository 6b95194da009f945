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
