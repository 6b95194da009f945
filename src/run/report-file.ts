import { readFileSync } from 'node:fs';
import { UsageError } from '../core/errors.js';
import type { ReportedFinding } from '../core/types.js';
import type { Baseline } from '../detect/suppress.js';
import { toReportedFinding } from '../report/model.js';
import { parseReport, type Report } from '../report/schema.js';

/**
 * A keywarden json report (SPEC §3) read from a file, for `--report FILE` and `--baseline FILE`
 * (`flag`), or a usage error that names the flag, the file and the problem but quotes nothing
 * from it: a report can hold raw keys.
 */
export function readReportFile(file: string, flag: '--report' | '--baseline'): { report: Report; bytes: number } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${flag} ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse quotes the text around the error, which could be part of a key: say only what went wrong.
    throw new UsageError(`${flag} ${file}: not valid JSON (a keywarden report made with --format json)`);
  }
  try {
    return { report: parseReport(json), bytes: Buffer.byteLength(text) };
  } catch (error) {
    throw new UsageError(`${flag} ${file}: ${(error as Error).message}`);
  }
}

/** `verify --report FILE`: its findings, ready to be recovered and checked again. */
export function readReport(file: string): { findings: ReportedFinding[]; bytes: number } {
  const { report, bytes } = readReportFile(file, '--report');
  return { findings: report.findings.map(toReportedFinding), bytes };
}

/** `--baseline FILE`: a previous json report; its findings are not reported again. */
export function readBaseline(file: string): Baseline {
  return { fingerprints: new Set(readReportFile(file, '--baseline').report.findings.map((finding) => finding.fingerprint)) };
}
