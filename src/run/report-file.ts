import { UsageError } from '../core/errors.js';
import type { ReportedFinding } from '../core/types.js';
import type { Baseline } from '../detect/suppress.js';
import { toReportedFinding } from '../report/model.js';
import { parseReport, type Report } from '../report/schema.js';
import { readUpTo } from '../sources/files.js';

/**
 * Largest report read (`--baseline`, `--report`): about 200,000 findings, parsed in well under
 * a GiB. A report is one JSON document, so it is read whole; `/dev/zero` must not grow forever.
 */
const maxReportBytes = 128 * 1024 * 1024;

/** Whether a file's first bytes can start a json report (an object, after any whitespace): `/dev/zero` cannot. */
function startsLikeJson(head: Buffer): boolean {
  const first = head.toString('latin1').trimStart()[0];
  return first === undefined || first === '{';
}

/**
 * A keywarden json report (SPEC §3) read from a file, for `--report FILE` and `--baseline FILE`
 * (`flag`), or a usage error that names the flag, the file and the problem but quotes nothing
 * from it: a report can hold raw keys.
 */
export function readReportFile(file: string, flag: '--report' | '--baseline'): { report: Report; bytes: number } {
  let read: ReturnType<typeof readUpTo>;
  try {
    read = readUpTo(file, maxReportBytes, startsLikeJson);
  } catch (error) {
    throw new UsageError(`${flag} ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  if (read.more) throw new UsageError(`${flag} ${file}: larger than ${maxReportBytes / 1024 / 1024} MiB, more than a json report keywarden reads (is it one?)`);
  const text = read.data.toString('utf8');
  let json: unknown;
  try {
    if (read.wrong) throw new SyntaxError('not a JSON object');
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
