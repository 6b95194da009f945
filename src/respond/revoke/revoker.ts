import type { Revocation, RevokeAction, RevokeTarget } from '../../core/revocation.js';
import type { Secret } from '../../core/secret.js';
import type { Finding, Verification } from '../../core/types.js';
import type { TaskLimit } from '../../net/limit.js';
import { createPinnedClient, type NetIO } from '../../net/pinned.js';
import type { RetryPolicy } from '../../net/retry.js';
import type { LoadedRuleFile } from '../../rules/schema.js';
import { resolveEndpoint } from '../../verify/endpoint.js';
import type { AuditLog, AuditRecord } from './audit-log.js';
import { createRuleFlow, type Decision, type RuleFlow } from './flow.js';

/**
 * The revoke step (SPEC §5.1): each checked finding is handed over as the run checks it; the
 * first finding of each key starts that key's revocation, later ones of the same key wait for
 * it (never twice for one key). Keys the live check did not call `live` are never acted on.
 * Every decision is written to the audit log as it is made, and every action is announced
 * there before its request is sent.
 */

export interface RevokerSettings {
  /** `--yes`: act; otherwise a dry run that plans and changes nothing. */
  execute: boolean;
  action: RevokeAction;
  /** Per management request, in ms. */
  timeoutMs: number;
  retry: RetryPolicy;
  /** The run's concurrency limit, shared with the live checks: one bound on what the provider sees. */
  limit: TaskLimit;
  /** Pages of an account list fetched at once. */
  window: number;
  /** For the audit log: what ran (`revoke`, `scan --revoke`) and who ran it. */
  command: string;
  actor: string;
}

export interface RevokerIO extends NetIO {
  /** Base URLs and credentials: the environment, never a file. */
  env: NodeJS.ProcessEnv;
  /** The live check of a rule, asked afresh (past the run's cached answer): the confirmation after an action. */
  confirm: (ruleId: string, secret: Secret) => Promise<Verification>;
  audit?: AuditLog;
}

export interface Revoker {
  /** A finding the run has checked; only its key's first finding counts. Never throws. */
  submit(finding: Finding): void;
  /** Every key's revocation, in the order of their first findings' places, once all are decided. Closes the audit log. */
  settle(): Promise<Revocation[]>;
}

type FlowTarget = { kind: 'ready'; flow: RuleFlow } | { kind: 'unset'; reason: string };

interface RuleInfo {
  provider: string;
  providerName: string;
  hint?: string;
  flow?: FlowTarget;
}

/** What names a key in a revocation and its audit records. */
const identity = (finding: Finding) => ({ ruleId: finding.ruleId, provider: finding.provider, secretHash: finding.secretHash, redacted: finding.secret.redacted });

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Raw keys and credentials out of text that came (in part) from a provider's answer. */
function scrubber(secrets: readonly string[]): (text: string) => string {
  return (text) => secrets.reduce((out, secret) => (secret === '' ? out : out.replaceAll(secret, '[redacted]')), text);
}

function scrubTarget(target: RevokeTarget | undefined, scrub: (text: string) => string): RevokeTarget | undefined {
  if (!target) return undefined;
  return Object.fromEntries(Object.entries(target).map(([name, value]) => [name, scrub(value)])) as unknown as RevokeTarget;
}

/** Whose turn is first in the report: by place, then by arrival. */
function byPlace(a: { finding: Finding; order: number }, b: { finding: Finding; order: number }): number {
  const [x, y] = [a.finding, b.finding];
  return x.origin.path.localeCompare(y.origin.path) || x.line - y.line || x.column - y.column || a.order - b.order;
}

export function createRevoker(ruleFiles: readonly LoadedRuleFile[], settings: RevokerSettings, io: RevokerIO): Revoker {
  const sleep = io.sleep ?? sleepFor;
  const now = io.now ?? Date.now;
  const at = () => new Date(now()).toISOString();
  const rules = new Map<string, RuleInfo>();
  const credentialValues: string[] = [];
  for (const file of ruleFiles) {
    for (const rule of file.data.rules) {
      const info: RuleInfo = { provider: file.data.provider, providerName: file.data.name, ...(rule.hint !== undefined ? { hint: rule.hint } : {}) };
      rules.set(rule.id, info);
      const spec = rule.revoke;
      if (!spec) continue;
      for (const variable of Object.values(spec.credentials).flat()) credentialValues.push(io.env[variable]?.trim() ?? '');
      const endpoint = resolveEndpoint(file, io.env);
      if (endpoint.kind === 'unset') {
        info.flow = endpoint;
        continue;
      }
      const client = createPinnedClient({ allowedHosts: endpoint.allowedHosts, timeoutMs: settings.timeoutMs, retry: settings.retry, limit: settings.limit }, io);
      const flow = createRuleFlow(
        spec,
        { execute: settings.execute, action: settings.action, window: settings.window },
        { client, baseUrl: endpoint.baseUrl, env: io.env, sleep, confirm: (secret) => io.confirm(rule.id, secret) },
      );
      info.flow = { kind: 'ready', flow };
    }
  }
  const started: { finding: Finding; order: number; revocation: Promise<Revocation> }[] = [];
  const seen = new Set<string>();

  /** One audit record: a revocation decided, or an action about to be sent (`started`). */
  function record(revocation: Omit<Revocation, 'outcome'> & { outcome: AuditRecord['outcome'] }): void {
    if (!io.audit) return;
    const entry: AuditRecord = {
      at: revocation.at,
      actor: settings.actor,
      command: settings.command,
      provider: revocation.provider,
      ruleId: revocation.ruleId,
      secretHash: revocation.secretHash,
      redacted: revocation.redacted,
      action: revocation.action,
      target: revocation.target ?? null,
      outcome: revocation.outcome,
      httpStatus: revocation.httpStatus ?? null,
      dryRun: !settings.execute,
      ...(revocation.reason !== undefined ? { reason: revocation.reason } : {}),
    };
    io.audit.append(entry);
  }

  async function decide(finding: Finding, scrub: (text: string) => string): Promise<Omit<Revocation, 'ruleId' | 'provider' | 'secretHash' | 'redacted' | 'at'>> {
    const verification = finding.verification ?? { status: 'skipped', detail: {}, reason: 'not checked' };
    if (verification.status === 'invalid') return { outcome: 'already-revoked', action: 'none', reason: `the live check says the key no longer works (${verification.reason ?? 'invalid'})` };
    if (verification.status !== 'live') return { outcome: 'unknown', action: 'none', reason: `the live check could not tell (${verification.reason ?? verification.status}); nothing was done` };
    const info = rules.get(finding.ruleId);
    const flow = info?.flow;
    if (!flow) {
      const name = info?.providerName ?? finding.provider;
      return { outcome: 'unsupported', action: 'none', reason: `${name} documents no API to revoke a key. ${info?.hint ?? 'Revoke it at the provider.'} Tell its owner: keywarden notify.` };
    }
    if (flow.kind === 'unset') return { outcome: 'failed', action: 'none', reason: flow.reason, configuration: true };
    const announce = (target: RevokeTarget) => record({ ...identity(finding), outcome: 'started', action: settings.action, target: scrubTarget(target, scrub) ?? target, at: at() });
    const live = { secret: finding.secret, sha256: finding.secretHash.replace(/^sha256:/, ''), detail: verification.detail };
    const { acted, ...decision }: Decision & { acted?: boolean } = await flow.flow.revoke(live, announce);
    const action = decision.outcome === 'revoked' || decision.outcome === 'would-revoke' || acted === true ? settings.action : 'none';
    return { ...decision, action };
  }

  async function revocationOf(finding: Finding): Promise<Revocation> {
    const scrub = scrubber([finding.secret.known ? finding.secret.reveal() : '', ...credentialValues]);
    let decided: Omit<Revocation, 'ruleId' | 'provider' | 'secretHash' | 'redacted' | 'at'>;
    try {
      decided = await decide(finding, scrub);
    } catch (error) {
      decided = { outcome: 'failed', action: 'none', reason: `internal error: ${(error as Error).message}` };
    }
    const target = scrubTarget(decided.target, scrub);
    const revocation: Revocation = {
      ...identity(finding),
      ...decided,
      ...(target ? { target } : {}),
      ...(decided.reason !== undefined ? { reason: scrub(decided.reason) } : {}),
      at: at(),
    };
    record(revocation);
    return revocation;
  }

  return {
    submit(finding) {
      if (seen.has(finding.secretHash)) return;
      seen.add(finding.secretHash);
      started.push({ finding, order: started.length, revocation: revocationOf(finding) });
    },
    async settle() {
      try {
        const done = await Promise.all(started.map(async (entry) => ({ ...entry, revocation: await entry.revocation })));
        return done.sort(byPlace).map((entry) => entry.revocation);
      } finally {
        io.audit?.close();
      }
    },
  };
}
