import { pathToFileURL } from 'node:url';
import type { CompiledRule, Finding, ScanResult, ScanWarning, Severity, Verification, VerificationStatus } from '../core/types.js';
import type { Masked } from './mask.js';
import type { ReportContext } from './model.js';
import { describeOutcome, escalationOf, verificationOf } from './verification.js';

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

/** Where a path lies: repo-relative under `%SRCROOT%` like every result, or a file URI when absolute (a log outside the tree). */
function artifactLocation(path: string, context: ReportContext) {
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) return { uri: pathToFileURL(path).href };
  return { uri: encodeUri((context.uriPrefix ?? '') + path), uriBaseId: '%SRCROOT%' };
}

/** `API` → `Api`, `key` → `Key`, `OpenRouter` stays: each word capitalised, an all-capitals acronym read as a word. */
function pascalWord(word: string): string {
  const rest = word.slice(1);
  return word.charAt(0).toUpperCase() + (word === word.toUpperCase() ? rest.toLowerCase() : rest);
}

/** ASCII words of `text`, accents dropped (`clé` → `cle`) rather than the letters they sit on. */
function asciiWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
}

/**
 * `reportingDescriptor.name`: an identifier-like name (`AgentRouterApiKey`), which GitHub shows
 * and filters alerts by; the readable name (`AgentRouter API key`) stays in the descriptions.
 * A rule name with no ASCII letters or digits falls back to its id (always ASCII); a name
 * starting with a digit gets `Rule` in front, as an identifier cannot start with one.
 */
export function sarifRuleName(rule: Pick<CompiledRule, 'id' | 'name'>): string {
  const words = asciiWords(rule.name);
  const name = (words.length > 0 ? words : asciiWords(rule.id)).map(pascalWord).join('');
  return /^[0-9]/.test(name) ? `Rule${name}` : name;
}

function describeRule(rule: CompiledRule) {
  return {
    id: rule.id,
    name: sarifRuleName(rule),
    shortDescription: { text: `${rule.name} leaked` },
    fullDescription: { text: `${rule.name} found in plain text. Anyone who can read it can use it until it is revoked.` },
    help: { text: rule.hint, markdown: rule.hint },
    defaultConfiguration: { level: level[rule.severity] },
    properties: { tags: ['security', 'secret', rule.provider], precision: 'high', 'security-severity': securitySeverity[rule.severity] },
  };
}

/** A checked key's outcome outranks its rule's severity: a live key is an error, a dead one a note. */
function levelOf(finding: Finding): 'error' | 'warning' | 'note' {
  if (finding.verification?.status === 'live') return 'error';
  if (finding.verification?.status === 'invalid') return 'note';
  return level[finding.severity];
}

/** How the message names a checked key: what a reader of an alert list most needs to know first. */
const statusWord: Record<VerificationStatus, string> = { live: 'Live', unknown: 'Possibly live', invalid: 'Invalid', skipped: 'Unverified' };

function sentence(text: string): string {
  return ` ${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** `Live OpenRouter API key sk-or-v1-e2e…ecbe found. Critical: management key — …. Live: usage $12.50, no limit.` */
function verifiedMessage(finding: Finding, verification: Verification, ruleName: string): string {
  const escalation = escalationOf(verification);
  const outcome = describeOutcome(verification);
  return `${statusWord[verification.status]} ${ruleName} ${finding.secret.redacted} found.${escalation ? sentence(`${finding.severity}: ${escalation}`) : ''}${outcome ? sentence(outcome) : ''}`;
}

function messageOf(finding: Finding, rule: CompiledRule | undefined, context: ReportContext): string {
  const secret = context.showSecrets ? ` Key: ${finding.secret.reveal()}.` : '';
  const verification = verificationOf(finding);
  if (!verification) return `${finding.provider} key ${finding.secret.redacted} found.${secret}`;
  return `${verifiedMessage(finding, verification, rule?.name ?? finding.ruleId)}${secret}`;
}

/**
 * The outcome in full for tools reading the log, and the finding's own severity, which a
 * live check can raise above its rule's (GitHub scores alerts by the rule's, so the level
 * and message carry it too).
 */
function verificationProperties(finding: Finding) {
  const verification = verificationOf(finding);
  if (!verification) return {};
  return {
    verification,
    severity: finding.severity,
    'security-severity': securitySeverity[finding.severity],
  };
}

/**
 * Which copy of its key in its file each finding is, counted from 1 in line and column order.
 *
 * The fingerprint (`path:ruleId:hash16`) is one per key and file by design, so baselines and
 * `.keywardenignore` survive edits above a key; but GitHub merges results whose
 * partialFingerprints are equal into one alert, so two copies of a key in one file would show
 * as one. `keywarden/v1` stays the fingerprint (stable, what baselines hold), and
 * `keywarden/occurrence/v1` adds the copy's number. A number rather than the line: lines added
 * above a key must not turn its alert into a new one; the number changes only when a copy
 * above it in the same file comes or goes.
 */
function occurrences(findings: readonly Finding[]): Map<Finding, number> {
  const byFingerprint = new Map<string, Finding[]>();
  for (const finding of findings) {
    const copies = byFingerprint.get(finding.fingerprint);
    if (copies) copies.push(finding);
    else byFingerprint.set(finding.fingerprint, [finding]);
  }
  const numbers = new Map<Finding, number>();
  for (const copies of byFingerprint.values()) {
    copies.sort((a, b) => a.line - b.line || a.column - b.column);
    copies.forEach((finding, index) => numbers.set(finding, index + 1));
  }
  return numbers;
}

/** Which fields had a key masked (see `maskFinding`): the URI then names no file as it stands. */
function redactedProperty(masked: Masked<Finding> | Masked<ScanWarning>) {
  return masked.redactedFields ? { redactedFields: masked.redactedFields } : {};
}

function describeResult(finding: Masked<Finding>, rule: CompiledRule | undefined, ruleIndex: number, occurrence: number, context: ReportContext) {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: levelOf(finding),
    message: { text: messageOf(finding, rule, context) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(finding.origin.path, context),
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.line, endColumn: finding.endColumn },
        },
      },
    ],
    partialFingerprints: { 'keywarden/v1': finding.fingerprint, 'keywarden/occurrence/v1': `${finding.fingerprint}:${occurrence}`, secretHash: finding.secretHash },
    properties: {
      provider: finding.provider,
      redacted: finding.secret.redacted,
      // An audit of several repositories: the URI stays relative to the finding's own repository.
      ...(finding.origin.repository !== undefined ? { repository: finding.origin.repository } : {}),
      ...(finding.origin.kind === 'history' ? { commit: finding.origin.commit } : {}),
      ...verificationProperties(finding),
      ...redactedProperty(finding),
    },
  };
}

/**
 * A warning as SARIF's tool execution notification: what went wrong, and the file when there
 * is one. A `--results` note is a `note`: everything was scanned, some findings are not shown.
 */
function notificationOf(warning: Masked<ScanWarning>, context: ReportContext) {
  const redacted = redactedProperty(warning);
  return {
    level: warning.kind === 'filter' ? 'note' : 'warning',
    message: { text: warning.message },
    ...(warning.path !== undefined ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(warning.path, context) } }] } : {}),
    ...(redacted.redactedFields ? { properties: redacted } : {}),
  };
}

/**
 * The run's one invocation, only when something is to be said about it (a run without warnings
 * reads as before). Not successful when a source could not be read to its end: the results may
 * miss keys, and a reader of the log should not take it for a clean run.
 */
function invocationsOf(warnings: readonly ScanWarning[], context: ReportContext) {
  if (warnings.length === 0) return {};
  return {
    invocations: [
      {
        executionSuccessful: !warnings.some((warning) => warning.kind === 'incomplete'),
        toolExecutionNotifications: warnings.map((warning) => notificationOf(warning, context)),
      },
    ],
  };
}

/**
 * SARIF 2.1.0: one run, or, for an audit of several repositories (findings that carry their
 * `repository`), one run per repository, each named by its `automationDetails.id`
 * (`keywarden/OWNER/NAME/`, how GitHub tells runs apart), so the same path in two repositories
 * is never one artifact. The audit's warnings sit in the first run.
 */
export function renderSarif(result: ScanResult, context: ReportContext, rules: readonly CompiledRule[]): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const occurrenceOf = occurrences(result.findings);
  const groups = byRepository(result.findings);
  const run = (findings: readonly Finding[], repository: string | undefined, withWarnings: boolean) => ({
    tool: {
      driver: {
        name: 'keywarden',
        version: context.toolVersion,
        semanticVersion: context.toolVersion,
        rules: rules.map(describeRule),
      },
    },
    ...(repository !== undefined ? { automationDetails: { id: `keywarden/${repository}/` } } : {}),
    ...invocationsOf(withWarnings ? result.warnings : [], context),
    originalUriBaseIds: { '%SRCROOT%': { description: { text: repository !== undefined ? `The top of ${repository}.` : 'The top of the repository (or the scanned directory outside one).' } } },
    results: findings.map((finding) => describeResult(finding, byId.get(finding.ruleId), ruleIndex.get(finding.ruleId) ?? -1, occurrenceOf.get(finding) ?? 1, context)),
    columnKind: 'utf16CodeUnits',
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: groups.length === 0 ? [run([], undefined, true)] : groups.map(([repository, findings], index) => run(findings, repository, index === 0)),
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** Findings by their repository, in the order each repository first appears; one group (undefined) when none names one. */
function byRepository(findings: readonly Finding[]): [string | undefined, Finding[]][] {
  const groups = new Map<string | undefined, Finding[]>();
  for (const finding of findings) {
    const repository = finding.origin.repository;
    const group = groups.get(repository);
    if (group) group.push(finding);
    else groups.set(repository, [finding]);
  }
  return [...groups];
}
