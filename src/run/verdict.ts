import { ExitCode } from '../core/errors.js';
import type { Revocation } from '../core/revocation.js';
import { severities, type Finding, type ScanWarning, type VerificationStatus } from '../core/types.js';
import type { FailOn } from './config.js';
import type { RunResult } from './tail.js';

export const statusOf = (finding: Finding): VerificationStatus => finding.verification?.status ?? 'skipped';

/**
 * Whether one finding makes the run fail. `--fail-on live` passes only keys known to be dead:
 * a key that works, one no one could check (`unknown`) and one never checked (`skipped`: no
 * endpoint configured) may all still work, and a guard must not pass because a provider was
 * down or not set up (SPEC §5).
 */
export function isFailing(finding: Finding, failOn: FailOn): boolean {
  return failOn === 'any' || statusOf(finding) !== 'invalid';
}

/** Most urgent first: live keys (critical ones first), then those no one could check, then the rest; stable otherwise. */
const statusOrder: Record<VerificationStatus, number> = { live: 0, unknown: 1, skipped: 2, invalid: 3 };

export function byUrgency(findings: readonly Finding[]): Finding[] {
  const rank = (finding: Finding) => statusOrder[statusOf(finding)] * 10 + severities.indexOf(finding.severity);
  return [...findings].sort((a, b) => rank(a) - rank(b));
}

/** The `--results` note counting the findings it left out, by outcome; undefined when it left none out. */
export function leftOutNote(results: ReadonlySet<VerificationStatus>, left: ReadonlyMap<VerificationStatus, number>): ScanWarning | undefined {
  if (left.size === 0) return undefined;
  const counts = [...left].map(([status, n]) => `${n} ${status}`).join(', ');
  const total = [...left.values()].reduce((sum, n) => sum + n, 0);
  const unknown = left.has('unknown');
  return {
    kind: 'filter',
    message: `--results ${[...results].join(',')} left out ${counts} finding${total === 1 ? '' : 's'}${unknown ? ' (unknown: the key could not be checked and may still work)' : ''}`,
  };
}

/** Why the run ends with its exit code, in one line that the summary can end with. */
export interface Verdict {
  exitCode: number;
  /**
   * Set when the findings shown do not tell the exit code by themselves: failing findings that
   * `--results` left out, findings that do not fail under `--fail-on live`, or input that could
   * not all be read.
   */
  why?: string;
}

export interface VerdictInput {
  failOn: FailOn;
  /** Findings after suppression and verification, before `--results`. */
  failing: number;
  /** Of those failing, how many `--results` left out of the report. */
  failingHidden: number;
  /** Findings reported that do not fail the run (dead keys under `--fail-on live`). */
  passingShown: number;
  /** Warnings that say something asked for was not read (whole or in part). */
  incomplete: readonly ScanWarning[];
  /** What the source reads, one of them (`log`). */
  noun: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * SPEC §2: 1 when a finding fails the run, else 2 when something asked for could not be read
 * (a scan that could not look everywhere must not pass), else 0.
 */
export function verdictOf(input: VerdictInput): Verdict {
  if (input.failing > 0) {
    if (input.failingHidden > 0) return { exitCode: ExitCode.findings, why: `exit 1: ${plural(input.failingHidden, 'failing finding')} not shown (see the --results note)` };
    return { exitCode: ExitCode.findings };
  }
  if (input.incomplete.length > 0) {
    const names = [...new Set(input.incomplete.map((warning) => warning.path).filter((path): path is string => path !== undefined))];
    const listed = names.length > 0 ? `: ${names.slice(0, 5).join(', ')}${names.length > 5 ? `, and ${names.length - 5} more` : ''}` : '';
    return { exitCode: ExitCode.error, why: `exit 2: not every ${input.noun} could be read to its end (${plural(input.incomplete.length, 'warning')}${listed})` };
  }
  if (input.passingShown > 0) return { exitCode: ExitCode.clean, why: 'exit 0: every key found is known dead (--fail-on live)' };
  return { exitCode: ExitCode.clean };
}

/** Outcomes that leave a key working (or, in a dry run, a key to act on): exit 1. */
const leftLive = new Set(['would-revoke', 'unknown', 'not-found', 'ambiguous', 'unsupported', 'failed']);

/**
 * SPEC §5.1's exit code: 2 for a configuration error (a management key unset or refused) or
 * input not all read, 1 when a key may still work (or, in a dry run, something is to be
 * revoked), else 0; and the reason when the revocations alone do not say it.
 */
export function revokeVerdict(result: RunResult, revocations: readonly Revocation[]): { exitCode: number; why?: string } {
  const configuration = revocations.filter((revocation) => revocation.configuration);
  if (configuration.length > 0) return { exitCode: ExitCode.error, why: `exit 2: ${configuration[0]?.reason ?? 'a configuration error'}` };
  const incomplete = result.warnings.filter((warning) => warning.kind === 'incomplete');
  if (incomplete.length > 0) return { exitCode: ExitCode.error, why: `exit 2: not every key could be read (${incomplete.length} warning${incomplete.length === 1 ? '' : 's'})` };
  if (revocations.some((revocation) => leftLive.has(revocation.outcome))) return { exitCode: ExitCode.findings };
  return { exitCode: ExitCode.clean };
}
