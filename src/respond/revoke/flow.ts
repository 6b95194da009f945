import type { RevokeAction, RevokeTarget } from '../../core/revocation.js';
import type { Secret } from '../../core/secret.js';
import type { Verification } from '../../core/types.js';
import type { PinnedClient } from '../../net/pinned.js';
import type { RevokeFlowSpec } from '../../rules/revoke-schema.js';
import { createAccountDirectory, type AccountDirectory, type AccountKey } from './account-keys.js';
import { answers, credentialRefused, describeAnswer, send } from './answer.js';
import { fillRequest, MissingVariable } from './template.js';

/**
 * One rule's revoke flow for a run (steps 2–4 of SPEC §5.1; step 1, the live check, has run
 * before): find the account key, act on it unless this is a dry run, and confirm with the
 * live check, asked afresh. State shared by every key of the run lives here: the account
 * directory (the list fetched once), a credential the API refused (no other key will get past
 * it, so no other key asks), and the account keys already acted on (never twice).
 */

/** What the flow decided for one live key; the revoker turns it into a Revocation. */
export type Decision =
  | { outcome: 'revoked' | 'would-revoke'; target: RevokeTarget; httpStatus?: number }
  | { outcome: 'already-revoked'; target: RevokeTarget; reason: string }
  | { outcome: 'not-found' | 'ambiguous'; reason: string }
  /** `acted`: the action's request was sent (its answer was not the success the flow expects, or the key still works). */
  | { outcome: 'failed'; reason: string; target?: RevokeTarget; httpStatus?: number; configuration?: boolean; acted?: boolean };

export interface FlowSettings {
  /** `--yes`: act; otherwise only plan. */
  execute: boolean;
  action: RevokeAction;
  /** List pages fetched at once. */
  window: number;
}

export interface FlowIO {
  /** A client pinned to the rule file's hosts, sharing the run's concurrency limit. */
  client: PinnedClient;
  baseUrl: URL;
  env: NodeJS.ProcessEnv;
  /** The live check, past any answer the run has cached. */
  confirm: (secret: Secret) => Promise<Verification>;
  sleep: (ms: number) => Promise<void>;
}

/** Called, and must have written its audit record, before the action's request is sent. */
export type BeforeAction = (target: RevokeTarget) => void;

/** What a live key brings to the flow. */
export interface LiveKey {
  secret: Secret;
  /** Hex SHA-256 of the raw key. */
  sha256: string;
  /** The live check's detail: the `{detail.NAME}` variables. */
  detail: Record<string, unknown>;
}

export interface RuleFlow {
  revoke(key: LiveKey, beforeAction: BeforeAction): Promise<Decision>;
}

/** The first variable of each credential that is set, or the message naming what to set. */
function readCredentials(spec: RevokeFlowSpec, env: NodeJS.ProcessEnv): Map<string, string> | string {
  const values = new Map<string, string>();
  for (const [name, variables] of Object.entries(spec.credentials)) {
    const value = variables.map((variable) => env[variable]?.trim()).find((text) => text !== undefined && text !== '');
    if (value === undefined) return `${variables.join(' (or ')}${variables.length > 1 ? ')' : ''} is not set: revoking needs the owner's ${name} key, from the environment`;
    values.set(`credential.${name}`, value);
  }
  return values;
}

/** The target as the report shows it: the captured hash, label and name, when they are text. */
function targetOf(capture: ReadonlyMap<string, unknown>): RevokeTarget | undefined {
  const text = (name: string) => {
    const value = capture.get(`capture.${name}`);
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  };
  const hash = text('hash');
  if (hash === undefined || hash === '') return undefined;
  const label = text('label');
  const name = text('name');
  return { hash, ...(label !== undefined ? { label } : {}), ...(name !== undefined ? { name } : {}) };
}

export function createRuleFlow(spec: RevokeFlowSpec, settings: FlowSettings, io: FlowIO): RuleFlow {
  const credentials = readCredentials(spec, io.env);
  const credentialVariables = typeof credentials === 'string' ? new Map<string, string>() : credentials;
  let refused: { reason: string; httpStatus?: number } | undefined;
  const actedOn = new Set<string>();
  const directory: AccountDirectory = createAccountDirectory(spec.find, {
    window: settings.window,
    direct: (variables) => (spec.find.direct ? send(io.client, fillRequest(spec.find.direct.request, io.baseUrl, variables)) : Promise.resolve({ kind: 'failure', reason: 'no direct request' })),
    page: (offset) => (spec.find.list ? send(io.client, fillRequest(spec.find.list.request, io.baseUrl, new Map<string, unknown>([...credentialVariables, ['offset', offset]]))) : Promise.resolve({ kind: 'failure', reason: 'no list' })),
  });
  const actionSpec = settings.action === 'delete' ? spec.delete : spec.disable;

  const refuse = (reason: string, httpStatus?: number): Extract<Decision, { outcome: 'failed' }> => {
    refused ??= { reason, ...(httpStatus !== undefined ? { httpStatus } : {}) };
    return { outcome: 'failed', reason: `${reason}: the management credential was refused`, configuration: true, ...(httpStatus !== undefined ? { httpStatus } : {}) };
  };

  async function confirmDead(key: LiveKey, target: RevokeTarget, httpStatus: number): Promise<Decision> {
    for (let attempt = 1; ; attempt++) {
      const check = await io.confirm(key.secret);
      if (check.status === 'invalid') return { outcome: 'revoked', target, httpStatus };
      if (attempt >= spec.confirm.attempts) {
        const why = check.status === 'live' ? `the key still works after ${settings.action} (checked ${attempt} times)` : `could not tell whether the key still works (${check.reason ?? check.status})`;
        return { outcome: 'failed', reason: `confirm: ${why}`, target, httpStatus, acted: true };
      }
      await io.sleep(spec.confirm.delaySeconds * 1000);
    }
  }

  async function revoke(key: LiveKey, beforeAction: BeforeAction): Promise<Decision> {
    if (typeof credentials === 'string') return { outcome: 'failed', reason: credentials, configuration: true };
    if (refused) return { outcome: 'failed', reason: `${refused.reason}: the management credential was refused (earlier in this run)`, configuration: true, ...(refused.httpStatus !== undefined ? { httpStatus: refused.httpStatus } : {}) };
    if (!actionSpec) return { outcome: 'failed', reason: `this provider's flow declares no ${settings.action}`, configuration: true };
    const variables = new Map<string, unknown>([
      ['key', key.secret.reveal()],
      ['sha256', key.sha256],
      ...credentialVariables,
      ...Object.entries(key.detail).map(([name, value]): [string, unknown] => [`detail.${name}`, value]),
    ]);
    const found = await directory.find(variables);
    if (found.kind === 'failed') {
      const { reason, httpStatus } = found;
      return found.configuration ? refuse(reason, httpStatus) : { outcome: 'failed', reason, ...(httpStatus !== undefined ? { httpStatus } : {}) };
    }
    if (found.kind !== 'found') return { outcome: found.kind, reason: found.reason };
    const capture = new Map(Object.entries(spec.find.capture).map(([name, field]): [string, unknown] => [`capture.${name}`, (found.item as AccountKey)[field]]));
    const target = targetOf(capture);
    if (!target) return { outcome: 'failed', reason: 'find: the account key has no hash' };
    if (spec.find.alreadyRevoked && found.item[spec.find.alreadyRevoked.when] === spec.find.alreadyRevoked.equals) {
      return { outcome: 'already-revoked', target, reason: `the account key is already ${spec.find.alreadyRevoked.when}` };
    }
    if (actedOn.has(target.hash)) return { outcome: 'failed', target, reason: 'find: another leaked key of this run led to the same account key; it is changed once only' };
    actedOn.add(target.hash);
    if (!settings.execute) return { outcome: 'would-revoke', target };
    const request = fillRequest(actionSpec.request, io.baseUrl, new Map([...variables, ...capture]));
    beforeAction(target);
    const answer = await send(io.client, request);
    if (credentialRefused(answer) && answer.kind === 'response') return { ...refuse(settings.action, answer.status), target, acted: true };
    if (!answers(actionSpec.success, answer)) {
      return { outcome: 'failed', target, acted: true, reason: describeAnswer(settings.action, answer), ...(answer.kind === 'response' ? { httpStatus: answer.status } : {}) };
    }
    return confirmDead(key, target, answer.kind === 'response' ? answer.status : 0);
  }

  return {
    async revoke(key, beforeAction) {
      try {
        return await revoke(key, beforeAction);
      } catch (error) {
        // A template naming a value this key lacks (no label from the live check): nothing is sent.
        if (error instanceof MissingVariable) return { outcome: 'failed', reason: `find: ${error.message}; the live check's answer lacks it` };
        throw error;
      }
    },
  };
}
