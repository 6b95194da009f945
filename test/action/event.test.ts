import { describe, expect, it } from 'vitest';
import { scanTargetOf, UnsupportedEvent } from '../../src/action/event.js';
import { readInputs, InputError } from '../../src/action/inputs.js';

const a = 'a'.repeat(40);
const b = 'b'.repeat(40);
const zero = '0'.repeat(40);

describe('scanTargetOf: what each event asks the action to scan', () => {
  it.each([
    ['pull_request', { pull_request: { number: 7, base: { sha: a }, head: { sha: b } } }, { kind: 'range', base: a, head: b, pullRequest: 7 }],
    ['pull_request_target', { pull_request: { number: 8, base: { sha: a }, head: { sha: b } } }, { kind: 'range', base: a, head: b, pullRequest: 8 }],
    ['push', { before: a, after: b, repository: { default_branch: 'main' } }, { kind: 'range', base: a, head: b, defaultBranch: 'main' }],
    ['push', { before: zero, after: b, created: true, repository: { default_branch: 'main' } }, { kind: 'new-branch', head: b, defaultBranch: 'main' }],
    ['push', { before: a, after: zero, deleted: true }, { kind: 'nothing', why: 'the push deleted a branch' }],
    ['push', { before: a, after: a, repository: { default_branch: 'main' } }, { kind: 'nothing', why: 'the push added no commits' }],
  ])('%s %j', (name, payload, target) => {
    expect(scanTargetOf(name, payload)).toEqual(target);
  });

  it.each([
    ['workflow_dispatch', {}, /runs on pull_request, pull_request_target and push/],
    ['pull_request', { pull_request: { base: { sha: 'main' }, head: { sha: b } } }, /no pull_request.base.sha/],
    ['push', { before: a, after: '--upload-pack=evil' }, /no valid "after" sha/],
    ['push', { before: zero, after: b, created: true }, /names no default branch/],
  ])('refuses %s %j with a message that says what to do', (name, payload, message) => {
    expect(() => scanTargetOf(name, payload)).toThrow(UnsupportedEvent);
    expect(() => scanTargetOf(name, payload)).toThrow(message);
  });
});

describe('readInputs: INPUT_* as the runner passes them', () => {
  it('has the documented defaults', () => {
    expect(readInputs({})).toEqual({ scan: 'diff', verify: false, failOn: 'any', comment: true, rules: [], githubToken: '', revoke: false, openrouterManagementKey: '', notify: [], webhookUrl: '' });
  });

  it('reads every input', () => {
    const env = {
      INPUT_SCAN: 'history',
      INPUT_VERIFY: 'true',
      'INPUT_FAIL-ON': 'live',
      INPUT_RESULTS: 'live,unknown',
      INPUT_COMMENT: 'False',
      INPUT_SARIF: 'out/keywarden.sarif',
      INPUT_RULES: 'rules/a\nrules/b, rules/c',
      INPUT_CONFIG: '.keywarden.yml',
      'INPUT_GITHUB-TOKEN': 'test-token-1',
      INPUT_REVOKE: 'true',
      'INPUT_OPENROUTER-MANAGEMENT-KEY': 'test-management-1',
      INPUT_NOTIFY: 'issue,\nwebhook',
      'INPUT_WEBHOOK-URL': 'https://hooks.example.com/services/T0/B0/test-webhook-1',
    };
    expect(readInputs(env)).toEqual({
      scan: 'history',
      verify: true,
      failOn: 'live',
      results: 'live,unknown',
      comment: false,
      sarif: 'out/keywarden.sarif',
      rules: ['rules/a', 'rules/b', 'rules/c'],
      config: '.keywarden.yml',
      githubToken: 'test-token-1',
      revoke: true,
      openrouterManagementKey: 'test-management-1',
      notify: ['issue', 'webhook'],
      webhookUrl: 'https://hooks.example.com/services/T0/B0/test-webhook-1',
    });
  });

  it('takes sarif: true as keywarden.sarif and sarif: false as none', () => {
    expect(readInputs({ INPUT_SARIF: 'true' }).sarif).toBe('keywarden.sarif');
    expect(readInputs({ INPUT_SARIF: 'false' }).sarif).toBeUndefined();
  });

  it.each([
    [{ INPUT_VERIFY: 'yes' }, /input verify: 'yes' is not a boolean/],
    [{ 'INPUT_FAIL-ON': 'all' }, /input fail-on: 'all' is not one of any, live/],
    [{ INPUT_SCAN: 'tree' }, /input scan: 'tree' is not one of diff, history/],
    [{ 'INPUT_FAIL-ON': 'live' }, /input fail-on: 'live' needs verify: true/],
    [{ INPUT_VERIFY: 'false', INPUT_RESULTS: 'live' }, /input results needs verify: true/],
    [{ INPUT_REVOKE: 'true' }, /^input revoke needs verify: true/],
  ])('refuses %j', (env, message) => {
    expect(() => readInputs(env)).toThrow(InputError);
    expect(() => readInputs(env)).toThrow(message);
  });
});
