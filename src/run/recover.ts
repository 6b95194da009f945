import { Secret } from '../core/secret.js';
import type { CompiledRule, Finding, Origin, ReportedFinding } from '../core/types.js';
import { createEngine, type Engine } from '../detect/detect.js';
import { findKeyByHash } from '../detect/recover.js';
import { readReportedLine } from '../sources/key-location.js';
import type { Source } from './source.js';

// Defined in core since the report reader builds it too; re-exported for the callers of recoverFindings.
export type { ReportedFinding };

/** Reads the line a finding points at; `undefined` when it cannot. */
export type LineReader = (origin: Origin, line: number) => Promise<Buffer | undefined>;

export interface RecoverOptions {
  rules: CompiledRule[];
  /** Where report paths are relative to, and the repository for history findings. */
  root: string;
  /** Injected in tests; by default the file, or the blob, at `root`. */
  readLine?: LineReader;
}

export interface Recovered {
  /** One per reported finding, in report order; a key that could not be recovered is already `skipped`. */
  findings: Finding[];
  /** How many lines were read from files and blobs. */
  linesRead: number;
}

function where(finding: ReportedFinding): string {
  const { origin } = finding;
  if (origin.kind === 'input') return 'a key given on stdin cannot be read again';
  const at = origin.kind === 'history' ? ` in commit ${origin.commit.slice(0, 12)}` : '';
  return `${origin.path}:${finding.line}${at} no longer has it`;
}

/** Why a key could not be recovered: one line naming the place, never the key. */
function reasonFor(group: readonly ReportedFinding[], finding: ReportedFinding): string {
  const held = group.some((member) => member.secret !== undefined);
  const report = held ? "the report's secret does not match its secretHash and rule" : 'the report holds no key (make it with --show-secrets)';
  return `${report} and ${where(finding)}`;
}

/**
 * The raw key of one (rule, hash) group: the report's own `secret` when it is the key the
 * rule matches, else the first of the group's places that still holds it.
 */
async function recoverKey(group: readonly ReportedFinding[], engine: Engine, readLine: LineReader, count: () => void): Promise<string | undefined> {
  const wanted = { ruleId: group[0]?.ruleId ?? '', secretHash: group[0]?.secretHash ?? '' };
  for (const finding of group) {
    if (finding.secret === undefined) continue;
    const match = findKeyByHash(Buffer.from(finding.secret, 'utf8'), engine, wanted);
    if (match) return match.key;
  }
  const tried = new Set<string>();
  for (const finding of group) {
    const place = JSON.stringify([finding.origin, finding.line]);
    if (finding.origin.kind === 'input' || tried.has(place)) continue;
    tried.add(place);
    count();
    const text = await readLine(finding.origin, finding.line);
    const match = text && findKeyByHash(text, engine, wanted);
    if (match) return match.key;
  }
  return undefined;
}

/** The finding's own fields, as the report gave them. */
function placeOf(finding: ReportedFinding): Omit<Finding, 'secret' | 'verification'> {
  const { ruleId, provider, severity, secretHash, fingerprint, origin, line, column, endColumn, encoding } = finding;
  return { ruleId, provider, severity, secretHash, fingerprint, origin, line, column, endColumn, ...(encoding ? { encoding } : {}) };
}

/**
 * Turn a report's findings back into findings with their keys, for a fresh live check.
 * Findings of one key share one recovery (so a key still present at any of its places is
 * recovered for all of them) and keep their place, commit and fingerprint. Severity restarts
 * from the rule's, since a raised one came from the old check. A key that cannot be recovered
 * (or whose rule is not loaded) keeps its redacted form and is `skipped` with the reason.
 */
export async function recoverFindings(reported: readonly ReportedFinding[], options: RecoverOptions): Promise<Recovered> {
  const engine = createEngine(options.rules);
  const rules = new Map(options.rules.map((rule) => [rule.id, rule]));
  const readLine = options.readLine ?? ((origin, line) => readReportedLine(options.root, origin, line));
  let linesRead = 0;
  const groups = new Map<string, ReportedFinding[]>();
  const groupId = (finding: ReportedFinding) => `${finding.ruleId}\0${finding.secretHash}`;
  for (const finding of reported) groups.set(groupId(finding), [...(groups.get(groupId(finding)) ?? []), finding]);
  const keys = new Map<string, string | undefined>();
  for (const [id, group] of groups) {
    const rule = rules.get(group[0]?.ruleId ?? '');
    keys.set(id, rule ? await recoverKey(group, engine, readLine, () => linesRead++) : undefined);
  }
  const findings = reported.map((finding): Finding => {
    const rule = rules.get(finding.ruleId);
    const key = keys.get(groupId(finding));
    if (rule && key !== undefined) {
      return { ...placeOf(finding), provider: rule.provider, severity: rule.severity, secret: new Secret(key, rule.prefix) };
    }
    const reason = rule ? reasonFor(groups.get(groupId(finding)) ?? [finding], finding) : `rule ${finding.ruleId} is not loaded (give the --rules DIR the report was made with)`;
    return { ...placeOf(finding), secret: Secret.fromRedacted(finding.redacted), verification: { status: 'skipped', detail: {}, reason } };
  });
  return { findings, linesRead };
}

/**
 * The findings of a json report read back (`verify --report`, `revoke --report`), each with
 * its key recovered, for a fresh live check. `bytes` is the report's size, for the stats.
 */
export function reportSource(reported: readonly ReportedFinding[], options: Omit<RecoverOptions, 'rules'> & { bytes: number }): Source {
  return {
    async read(context, emit) {
      const { findings, linesRead } = await recoverFindings(reported, { ...options, rules: [...context.rules] });
      await emit({ kind: 'read', files: linesRead, bytes: options.bytes });
      for (const finding of findings) await emit({ kind: 'finding', finding });
    },
  };
}
