/**
 * The Action's notify inputs (issue 13, point 5): `notify` as `--notify` reads its channels, and
 * `webhook-url`, a secret, handed to the runner's mask before the inputs are even checked.
 * In process: readInputs is pure over the INPUT_* variables the runner sets.
 */
import { describe, expect, it } from 'vitest';
import { InputError, readInputs, secretInputValues } from '../../src/action/inputs.js';

const url = 'https://hooks.example.com/services/T0NOTE/B0NOTE/test-webhook-token';

describe('input notify and webhook-url', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['empty: off', { INPUT_NOTIFY: '' }, []],
    ['one channel', { INPUT_NOTIFY: 'webhook', 'INPUT_WEBHOOK-URL': url }, ['webhook']],
    ['comma-separated and one a line, each once', { INPUT_NOTIFY: 'issue, commit-comment\nissue\n' }, ['issue', 'commit-comment']],
  ])('%s', (_case, env, channels) => {
    expect(readInputs(env).notify).toEqual(channels);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['an unknown channel', { INPUT_NOTIFY: 'webhok' }, /^input notify: 'webhok' is not a channel \(issue, commit-comment, webhook\)$/],
    ['a URL given as a channel, not quoted', { INPUT_NOTIFY: url }, /^input notify: an entry is not a channel \(issue, commit-comment, webhook\)$/],
    ['webhook-url without the webhook channel', { INPUT_NOTIFY: 'issue', 'INPUT_WEBHOOK-URL': url }, /^input webhook-url needs notify: webhook: without it nothing is sent to the webhook$/],
  ])('refuses %s', (_case, env, message) => {
    expect(() => readInputs(env)).toThrow(InputError);
    expect(() => readInputs(env)).toThrow(message);
  });

  it('names the secret inputs given, to be masked first, even when the inputs are wrong', () => {
    const env = { 'INPUT_WEBHOOK-URL': ` ${url} `, 'INPUT_OPENROUTER-MANAGEMENT-KEY': 'test-management-2', INPUT_NOTIFY: 'nope' };
    expect(secretInputValues(env).sort()).toEqual([url, 'test-management-2'].sort());
    expect(secretInputValues({ 'INPUT_WEBHOOK-URL': '' })).toEqual([]);
    expect(() => readInputs(env)).toThrow(InputError);
  });
});
