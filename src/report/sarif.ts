import type { CompiledRule, Finding, ScanResult, Severity } from '../core/types.js';
import type { ReportContext } from './model.js';

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: every rule described once in the
 * driver, results pointing at repo-relative URIs, and `partialFingerprints` so GitHub
 * tracks an alert across pushes even as lines move.
 */

const level: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
/** GitHub maps this 0–10 score to its own critical/high/medium/low. */
const securitySeverity: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };

function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function describeRule(rule: CompiledRule) {
  return {
    id: rule.id,
    name: rule.name.replace(/[^A-Za-z0-9]+/g, ''),
    shortDescription: { text: `${rule.name} leaked` },
    fullDescription: { text: `${rule.name} found in plain text. Anyone who can read it can use it until it is revoked.` },
    help: { text: rule.hint, markdown: rule.hint },
    defaultConfiguration: { level: level[rule.severity] },
    properties: { tags: ['security', 'secret', rule.provider], precision: 'high', 'security-severity': securitySeverity[rule.severity] },
  };
}

function describeResult(finding: Finding, ruleIndex: number, context: ReportContext) {
  const status = finding.verification ? ` Verification: ${finding.verification.status}.` : '';
  const secret = context.showSecrets ? ` Key: ${finding.secret.reveal()}.` : '';
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: level[finding.severity],
    message: { text: `${finding.provider} key ${finding.secret.redacted} found.${status}${secret}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeUri((context.uriPrefix ?? '') + finding.origin.path), uriBaseId: '%SRCROOT%' },
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.line, endColumn: finding.endColumn },
        },
      },
    ],
    partialFingerprints: { 'keywarden/v1': finding.fingerprint, secretHash: finding.secretHash },
    properties: {
      provider: finding.provider,
      redacted: finding.secret.redacted,
      ...(finding.origin.kind === 'history' ? { commit: finding.origin.commit } : {}),
      ...(finding.verification ? { verification: finding.verification.status } : {}),
    },
  };
}

export function renderSarif(result: ScanResult, context: ReportContext, rules: readonly CompiledRule[]): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'keywarden',
            version: context.toolVersion,
            semanticVersion: context.toolVersion,
            rules: rules.map(describeRule),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The top of the repository (or the scanned directory outside one).' } } },
        results: result.findings.map((finding) => describeResult(finding, ruleIndex.get(finding.ruleId) ?? -1, context)),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
