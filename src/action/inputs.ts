import { runConfigProblem, type RunOption, type Spell } from '../run/config.js';
import { channelList, channelNames, type ChannelName } from '../run/notify-channels.js';

/**
 * The action's inputs (action.yml), as the runner passes them: `INPUT_<NAME>` with the
 * name upper-cased and spaces turned into `_` (hyphens stay). Read once, here.
 */
export interface ActionInputs {
  scan: 'diff' | 'history';
  verify: boolean;
  failOn: 'any' | 'live';
  /** `--results`: outcomes to report; undefined: all. */
  results?: string;
  comment: boolean;
  /** Where to write a SARIF file; undefined: none. */
  sarif?: string;
  rules: string[];
  config?: string;
  /** Empty when the workflow gives none: then no PR comment is possible. */
  githubToken: string;
  /** Disable the live keys found (SPEC §7's response side); needs `verify`. */
  revoke: boolean;
  /** For `revoke`: OpenRouter's management key, from a secret; empty when not given (the step's env may still hold one). */
  openrouterManagementKey: string;
  /** Where to tell the findings after the run (and `revoke`), as `--notify`; empty: not at all. */
  notify: ChannelName[];
  /** For `notify: webhook`: the webhook URL, from a secret; empty when not given (the step's env may still hold KEYWARDEN_WEBHOOK_URL). */
  webhookUrl: string;
}

/** Inputs that hold secrets: the runner must mask them before anything else is printed. */
const secretInputs = ['openrouter-management-key', 'webhook-url'];

/** The values of the secret inputs given, to mask first: before the inputs are even checked. */
export function secretInputValues(env: NodeJS.ProcessEnv): string[] {
  return secretInputs.map((name) => raw(env, name)).filter((value) => value !== '');
}

export class InputError extends Error {}

/** Run settings named in the workflow's words: `input fail-on: 'live'`, `verify: true`. */
const actionSpell: Spell = (option, value) => {
  if (option === 'verify') return 'verify: true';
  const name = option === 'failOn' ? 'fail-on' : option === 'results' ? 'results' : option;
  return value === undefined ? `input ${name}` : `input ${name}: '${value}'`;
};

function raw(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** YAML 1.2 core booleans, as the Actions toolkit reads them; anything else is an error, not a guess. */
function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = raw(env, name);
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(`input ${name}: '${value}' is not a boolean (true or false)`);
}

function choice<T extends string>(env: NodeJS.ProcessEnv, name: string, choices: readonly T[], fallback: T): T {
  const value = raw(env, name);
  if (value === '') return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new InputError(`input ${name}: '${value}' is not one of ${choices.join(', ')}`);
  return value as T;
}

/** A list given one a line or comma-separated. */
function list(env: NodeJS.ProcessEnv, name: string): string[] {
  return raw(env, name)
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** `notify: issue, webhook` (or one a line): each channel once; an unknown one is an error naming the channels. */
function notifyChannels(env: NodeJS.ProcessEnv, webhookUrl: string): ChannelName[] {
  const { channels, unknown } = channelList(list(env, 'notify'));
  const [wrong] = unknown;
  // Quoted only when it looks like a mistyped name: a webhook URL pasted here by mistake holds a token.
  if (wrong !== undefined) throw new InputError(`input notify: ${/^[a-z-]{1,30}$/.test(wrong) ? `'${wrong}' is` : 'an entry is'} not a channel (${channelNames.join(', ')})`);
  // Inputs that would change nothing are mistakes, not no-ops (as --webhook without --notify webhook).
  if (webhookUrl !== '' && !channels.includes('webhook')) throw new InputError('input webhook-url needs notify: webhook: without it nothing is sent to the webhook');
  return channels;
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const results = raw(env, 'results');
  const sarif = raw(env, 'sarif');
  const config = raw(env, 'config');
  const verify = boolean(env, 'verify', false);
  const failOn = choice(env, 'fail-on', ['any', 'live'] as const, 'any');
  const revoke = boolean(env, 'revoke', false);
  const given = new Set<RunOption>([...(verify ? ['verify' as const] : []), ...(results !== '' ? ['results' as const] : []), ...(revoke ? ['revoke' as const] : [])]);
  const problem = runConfigProblem(given, failOn, actionSpell);
  if (problem) throw new InputError(problem);
  const webhookUrl = raw(env, 'webhook-url');
  return {
    scan: choice(env, 'scan', ['diff', 'history'] as const, 'diff'),
    verify,
    failOn,
    ...(results !== '' ? { results } : {}),
    comment: boolean(env, 'comment', true),
    // `sarif: true` is a convenience for the usual file name.
    ...(sarif !== '' && sarif !== 'false' ? { sarif: sarif === 'true' ? 'keywarden.sarif' : sarif } : {}),
    rules: list(env, 'rules'),
    ...(config !== '' ? { config } : {}),
    githubToken: raw(env, 'github-token'),
    revoke,
    openrouterManagementKey: raw(env, 'openrouter-management-key'),
    notify: notifyChannels(env, webhookUrl),
    webhookUrl,
  };
}

