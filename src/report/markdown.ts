import type { ScanResult } from '../core/types.js';
import { distinctFiles, type ReportContext } from './model.js';

/** Markdown cells must not break the table or render markup from scanned paths. */
function cell(text: string): string {
  return text.replace(/[\\`*_|<>[\]]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** A summary table for PR comments, job summaries and tickets. */
export function renderMarkdown(result: ScanResult, context: ReportContext): string {
  const { findings } = result;
  if (findings.length === 0) return `### keywarden: no leaked keys\n\nScanned ${result.stats.files} files.\n`;
  const verified = findings.some((finding) => finding.verification);
  const history = findings.some((finding) => finding.origin.kind === 'history');
  const lines = [
    `### keywarden: ${findings.length} leaked key${findings.length === 1 ? '' : 's'} in ${distinctFiles(result)} file${distinctFiles(result) === 1 ? '' : 's'}`,
    '',
    `| File | Line |${history ? ' Commit |' : ''} Provider | Severity |${verified ? ' Status |' : ''} Key | Fingerprint |`,
    `|---|---|${history ? '---|' : ''}---|---|${verified ? '---|' : ''}---|---|`,
  ];
  for (const finding of findings) {
    const key = context.showSecrets ? finding.secret.reveal() : finding.secret.redacted;
    const status = verified ? ` ${finding.verification?.status ?? 'skipped'} |` : '';
    const { origin } = finding;
    const commit = !history ? '' : origin.kind === 'history' ? ` ${cell(`${origin.commit.slice(0, 12)} ${origin.author}, ${origin.date.slice(0, 10)}`)} |` : ' |';
    lines.push(
      `| ${cell(finding.origin.path)} | ${finding.line} |${commit} ${cell(finding.provider)} | ${finding.severity} |${status} \`${key}\` | ${cell(finding.fingerprint)} |`,
    );
  }
  lines.push('', 'Rotate each key at its provider, then remove it from the code. A deliberate fake: add `keywarden:allow` to its line.', '');
  return lines.join('\n');
}
