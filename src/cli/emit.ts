import { writeFileSync } from 'node:fs';
import { ExitCode, UsageError } from '../core/errors.js';
import { severities, type CompiledRule, type Finding, type ScanResult, type ScanWarning, type VerificationStatus } from '../core/types.js';
import { createEngine } from '../detect/detect.js';
import { redactKeys } from '../detect/redact-text.js';
import { verifyResult } from '../pipeline/verify.js';
import type { Verifier } from '../verify/verifier.js';
import { colors, shouldColor } from '../report/colors.js';
import { render, type Format } from '../report/index.js';
import type { ReportContext } from '../report/model.js';
import { parseResults } from './options.js';
import { toolVersion } from './version.js';

export interface EmitOptions {
  format: Format;
  output?: string | undefined;
  showSecrets: boolean;
  color: boolean;
  quiet: boolean;
  failOn: 'any' | 'live';
  suppressed?: number;
  /** Path from the repository's top to the scanned root, for repo-relative SARIF URIs. */
  uriPrefix?: string;
  /** Live-checks the findings before they are reported (`--verify`; see `prepareVerifier`). */
  verifier?: Verifier | undefined;
  /** `--results`: which outcomes to report; all when absent. */
  results?: string | undefined;
}

/** Colour for a stream, or never when the text goes to a file. */
export function useColor(options: { color: boolean; output?: string | undefined }, stream: NodeJS.WriteStream): boolean {
  return !options.output && shouldColor(process.env, stream.isTTY === true, options.color);
}

/**
 * `--fail-on live` passes only keys known to be dead: a key that works, one no one could
 * check (`unknown`) and one never checked (`skipped`: no endpoint configured) may all still
 * work, and a guard must not pass because a provider was down or not set up (SPEC §5).
 */
export function exitCodeFor(findings: readonly Finding[], failOn: 'any' | 'live'): number {
  return findings.some((finding) => isFailing(finding, failOn)) ? ExitCode.findings : ExitCode.clean;
}

/** Whether one finding makes the run fail under `--fail-on` (see `exitCodeFor`). */
export function isFailing(finding: Finding, failOn: 'any' | 'live'): boolean {
  return failOn === 'any' || finding.verification?.status !== 'invalid';
}

/** Most urgent first: live keys (critical ones first), then those no one could check, then the rest; stable otherwise. */
const statusOrder: Record<VerificationStatus, number> = { live: 0, unknown: 1, skipped: 2, invalid: 3 };

export function byUrgency(findings: readonly Finding[]): Finding[] {
  const rank = (finding: Finding) => statusOrder[finding.verification?.status ?? 'skipped'] * 10 + severities.indexOf(finding.severity);
  return [...findings].sort((a, b) => rank(a) - rank(b));
}

/** What `--results` kept; `unknownLeftOut` is its note when the findings left out include unknown ones. */
export interface Filtered {
  result: ScanResult;
  unknownLeftOut?: ScanWarning;
  /** Every finding after verification, before `--results`: the exit code is decided on these. */
  verdictFindings: readonly Finding[];
}

/**
 * `--results`: keep the chosen outcomes. Findings left out are counted in a warning of kind
 * `filter` (in the report too), so a filter meant for `live` never hides an `unknown` key
 * silently (SPEC §2).
 */
function filterByResults(result: ScanResult, results: string | undefined): Omit<Filtered, 'verdictFindings'> {
  if (results === undefined) return { result };
  const chosen = parseResults(results);
  const kept = result.findings.filter((finding) => chosen.has(finding.verification?.status ?? 'skipped'));
  const left = new Map<VerificationStatus, number>();
  for (const finding of result.findings) {
    const status = finding.verification?.status ?? 'skipped';
    if (!chosen.has(status)) left.set(status, (left.get(status) ?? 0) + 1);
  }
  const note = leftOutNote(results, left);
  if (!note) return { result };
  return { result: { ...result, findings: kept, warnings: [...result.warnings, note] }, ...(left.has('unknown') ? { unknownLeftOut: note } : {}) };
}

/** The `--results` note counting the findings it left out, by outcome; undefined when it left none out. */
export function leftOutNote(results: string, left: ReadonlyMap<VerificationStatus, number>): ScanWarning | undefined {
  if (left.size === 0) return undefined;
  const counts = [...left].map(([status, n]) => `${n} ${status}`).join(', ');
  const total = [...left.values()].reduce((sum, n) => sum + n, 0);
  const unknown = left.has('unknown');
  return {
    kind: 'filter',
    message: `--results ${results} left out ${counts} finding${total === 1 ? '' : 's'}${unknown ? ' (unknown: the key could not be checked and may still work)' : ''}`,
  };
}

/**
 * The steps between a scan and its report, shared with the GitHub Action: live-check when a
 * verifier is given, keep the `--results` outcomes, and put the most urgent first.
 */
export async function verifyAndFilter(scanned: ScanResult, options: { verifier?: Verifier | undefined; results?: string | undefined }): Promise<Filtered> {
  const verified = options.verifier ? await verifyResult(scanned, options.verifier) : scanned;
  const { result: filtered, unknownLeftOut } = filterByResults(verified, options.results);
  const result = options.verifier ? { ...filtered, findings: byUrgency(filtered.findings) } : filtered;
  // `--results` chooses what is shown, never the verdict: a hidden key still fails the run.
  return { result, verdictFindings: verified.findings, ...(unknownLeftOut ? { unknownLeftOut } : {}) };
}

/** Warnings on stderr, each redacted: they can quote paths and git's messages. */
export function printWarnings(warnings: readonly ScanWarning[], rules: readonly CompiledRule[], options: { color: boolean }): void {
  if (warnings.length === 0) return;
  // The engine is built only when there are warnings.
  const engine = createEngine([...rules]);
  const errColor = colors(useColor({ color: options.color }, process.stderr));
  for (const warning of warnings) {
    const text = `${warning.path ? `${warning.path}: ` : ''}${warning.message}`;
    process.stderr.write(`${errColor.yellow('warning:')} ${redactKeys(text, engine)}\n`);
  }
}

/**
 * Live-check the findings when asked, keep the `--results` outcomes, print warnings, write
 * the report where it was asked for, and return the exit code.
 */
export async function emitResult(scanned: ScanResult, rules: readonly CompiledRule[], options: EmitOptions): Promise<number> {
  if (options.failOn === 'live' && !options.verifier) {
    // Without verification no key is known to be live, so every finding would pass: fail closed instead.
    throw new UsageError('--fail-on live needs --verify: without a live check no key is known to be live');
  }
  const { result, unknownLeftOut, verdictFindings } = await verifyAndFilter(scanned, options);
  const context: ReportContext = {
    toolVersion,
    showSecrets: options.showSecrets,
    ...(options.suppressed ? { suppressed: options.suppressed } : {}),
    ...(options.uriPrefix ? { uriPrefix: options.uriPrefix } : {}),
  };
  // --quiet prints findings only, but a key that may still work and was left out of them is not noise.
  printWarnings(options.quiet ? (unknownLeftOut ? [unknownLeftOut] : []) : result.warnings, rules, options);
  const text = render(options.format, result, context, rules, useColor(options, process.stdout));
  if (options.output) {
    try {
      writeFileSync(options.output, text);
    } catch (error) {
      throw new UsageError(`--output ${options.output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    if (!options.quiet) {
      const n = result.findings.length;
      process.stderr.write(`keywarden: ${n} finding${n === 1 ? '' : 's'}; ${options.format} report written to ${options.output}\n`);
    }
  } else if (!(options.quiet && options.format === 'human' && result.findings.length === 0)) {
    process.stdout.write(text);
  }
  return exitCodeFor(verdictFindings, options.failOn);
}
