/**
 * Findings built directly, as the pipeline would hand them to a reporter: no scan and no
 * HTTP, so each report test states exactly the verification it renders.
 */
import type { CompiledRule, Finding, Origin, ScanResult, Severity, Verification } from '../../src/core/types.js';
import { toFinding } from '../../src/detect/finding.js';
import type { ReportContext } from '../../src/report/model.js';
import { builtin } from '../helpers/engine.js';
import { ruleIds } from '../helpers/keys.js';

export function builtinRules(): CompiledRule[] {
  return builtin().engine.rules;
}

function ruleById(id: string): CompiledRule {
  const rule = builtinRules().find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

/** The built-in rule a key of this shape belongs to. */
function ruleIdFor(key: string): string {
  if (key.startsWith('sk-or-v1-')) return ruleIds.openrouter;
  if (key.startsWith('sk-ar-')) return ruleIds.agentrouter;
  return key.startsWith('tr_live_') ? ruleIds.tokenrouterLive : ruleIds.tokenrouterTest;
}

export interface FindingOptions {
  origin?: Origin;
  line?: number;
  column?: number;
  verification?: Verification;
  /** A severity the verifier raised (an OpenRouter management key is critical). */
  severity?: Severity;
}

export function findingOf(key: string, options: FindingOptions = {}): Finding {
  const { origin = { kind: 'file', path: 'src/client.ts' }, line = 3, column = 27 } = options;
  const finding = toFinding({ ruleId: ruleIdFor(key), key, origin, line, column, endColumn: column + key.length }, ruleById(ruleIdFor(key)));
  return {
    ...finding,
    ...(options.severity ? { severity: options.severity } : {}),
    ...(options.verification ? { verification: options.verification } : {}),
  };
}

/** A result with fixed stats, so text reports are byte-for-byte repeatable. */
export function resultOf(findings: Finding[]): ScanResult {
  return { findings, warnings: [], stats: { files: 2, bytes: 2048, durationMs: 125 } };
}

export function contextOf(overrides: Partial<ReportContext> = {}): ReportContext {
  return { toolVersion: '0.1.0', showSecrets: false, ...overrides };
}

/** What OpenRouter's `GET /key` reports for a live key, as the rule keeps it. */
export function openRouterDetail(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    label: 'sk-or-v1-abc...xyz',
    usage: 12.5,
    limit: 100,
    limit_remaining: 87.5,
    is_free_tier: false,
    is_management_key: false,
    expires_at: null,
    ...overrides,
  };
}

export const managementReason = 'management key — it can create, change and delete every key on the account';

/** Every outcome the verifier can give, as the verifier words them. */
export function verifications(): Record<'live' | 'critical' | 'unknown' | 'invalid' | 'skipped', { verification: Verification; severity?: Severity }> {
  return {
    live: { verification: { status: 'live', detail: openRouterDetail() } },
    critical: {
      verification: { status: 'live', detail: openRouterDetail({ is_management_key: true, limit: null, limit_remaining: null }), reason: managementReason },
      severity: 'critical',
    },
    unknown: { verification: { status: 'unknown', detail: {}, reason: 'timed out after 10 s' } },
    invalid: { verification: { status: 'invalid', detail: {}, reason: 'HTTP 401' } },
    skipped: { verification: { status: 'skipped', detail: {}, reason: 'AGENTROUTER_BASE_URL is not set' } },
  };
}
