/**
 * A user's rule (`--rules`, `rules check`, a config's `rules:`, the Action's `rules` input)
 * whose pattern backtracks super-linearly would hang every scan of a crafted line: bounded
 * quantifiers alone do not prevent it (`(a|a){1,64}` tries 2^64 ways). Such patterns are
 * refused when rules are loaded, with a message naming the rule and the construct; every
 * built-in rule and the usual shapes of a key pattern still pass, and run in linear time.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { nonLinearConstructs } from '../../src/rules/linear.js';
import { loadRuleFiles } from '../../src/rules/load.js';
import { runCli } from '../helpers/cli.js';
import { scan } from '../helpers/in-process.js';
import { keyFactory } from '../helpers/keys.js';
import { DetectWorker } from '../helpers/timed-detect.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';

cleanTmpDirs('all');

/** A rule file holding one rule with this pattern (JSON is YAML too). */
function ruleFile(pattern: string, id = 'zzz.token'): string {
  return JSON.stringify({
    provider: 'zzz',
    name: 'ZZZ',
    rules: [{ id, name: 'ZZZ token', severity: 'high', keywords: ['zzz'], pattern, examples: ['zzz'], negativeExamples: ['nothing'] }],
  });
}

const ruleDir = (pattern: string) => writeTree(makeTmpDir('backtracking'), { 'zzz.yaml': ruleFile(pattern) });

/** Patterns that can backtrack super-linearly, and the construct the refusal must name. */
const bad: [pattern: string, construct: RegExp][] = [
  ['zzz(a|a){1,64}b', /quantified alternation: in '\(a\|a\)\{1,64\}', the alternatives 'a' and 'a'/],
  ['zzz(a{1,30}){1,30}b', /nested quantifier: 'a\{1,30\}' inside '\(a\{1,30\}\)\{1,30\}'/],
  ['zzz(a+)+', /nested quantifier: 'a\+' inside '\(a\+\)\+'/],
  ['zzz(a|ab)*', /quantified alternation: in '\(a\|ab\)\*', the alternatives 'a' and 'ab'/],
  ['zzz(a?){20}a{20}', /nested quantifier: 'a\?' inside '\(a\?\)\{20\}'/],
  ['zzz(?:\\w|\\d){1,30}', /quantified alternation: .*'\\w' and '\\d'/],
  ['zzz(?:a|){1,30}', /quantified alternation: .* matches nothing/],
  ['zzz(?:(?:a|b)|a){1,9}', /quantified alternation: .*'\(\?:a\|b\)' and 'a'/],
  ['zzz(?:[a-z]{1,9}|[0-9]){1,9}', /nested quantifier: '\[a-z\]\{1,9\}'/],
  ['zzz(?:[a-z]{1,3}\\.){1,4}', /nested quantifier/],
  ['zzz(?<key>(?:x[a-f]?){2,8})', /nested quantifier: '\[a-f\]\?'/],
  ['zzz[a-z]{1,64}[a-z0-9]{1,64}', /overlapping quantifiers: '\[a-z\]\{1,64\}' and then '\[a-z0-9\]\{1,64\}'/],
  ['zzz\\w{1,9}-?\\w{1,9}', /overlapping quantifiers: '\\w\{1,9\}' and then '\\w\{1,9\}'/],
  ['zzz[a-z]{1,64}x[a-z]{1,64}', /overlapping quantifiers/],
  ['zzz(?:a|[a-z]{1,64})[a-z]{1,64}', /overlapping quantifiers: '\[a-z\]\{1,64\}' and then '\[a-z\]\{1,64\}'/],
  ['zzz_[a-z]{1,9}(?:[a-z]{1,9}|-)', /overlapping quantifiers/],
  ['zzz[a-z]{8,64}(?:_[0-9]{2})?[a-z]{0,8}', /overlapping quantifiers: '\[a-z\]\{8,64\}' and then '\[a-z\]\{0,8\}'/],
  ['zzz.{1,64}[^\\s]{1,64}', /overlapping quantifiers/],
  ['(?<=(?:a|a){2})zzz', /quantified alternation/],
];

/** Linear shapes a key pattern takes: refusing them would make the check useless. */
const good: string[] = [
  '(?<![A-Za-z0-9_])zzz_[A-Za-z0-9]{24,128}(?![A-Za-z0-9])',
  'zzz_[a-z0-9]{32}',
  'zzz-[a-z]{1,9}-[a-z]{1,9}',
  'zzz_[a-z0-9]{8,64}_[a-z0-9_]{0,64}',
  'zzz(?:[0-9a-f]{4}-){3}[0-9a-f]{4}',
  'zzz(?:ab|cd){1,8}',
  'zzz(?:[a-z]{2}|[0-9]{2}){1,10}',
  'zzz[a-z]{1,9}\\.[0-9]{1,9}',
  'zzz_(?<key>[a-z]{32})(?!\\w)',
  'zzz[^\\s"\']{16,64}',
  'zzz(?:live|test)_[A-Za-z0-9]{24,128}',
  'zzz[a-z]{4,8}(?:-[0-9]{1,4})?',
  'zzz\\{[a-f0-9]{8}\\}',
  'zzz[\\]a-c]{1,9}[\\-_][\\]a-c]{1,9}',
];

describe('nonLinearConstructs', () => {
  it.each(bad)('%s is refused', (pattern, construct) => {
    const problems = nonLinearConstructs(pattern);
    expect(problems.length, `${pattern}: ${problems.join('; ')}`).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(construct);
  });

  it.each(good)('%s is accepted', (pattern) => {
    expect(nonLinearConstructs(pattern)).toEqual([]);
  });

  it('accepts every built-in rule', () => {
    const patterns = loadRuleFiles().flatMap((file) => file.data.rules.map((rule) => rule.pattern));
    expect(patterns.length).toBeGreaterThanOrEqual(4);
    for (const pattern of patterns) expect(nonLinearConstructs(pattern), pattern).toEqual([]);
  });
});

describe('loading a rule file refuses a pattern that is not linear', () => {
  it.each(bad)('%s: a UsageError naming the file, the field, the rule and the construct', (pattern, construct) => {
    const dir = ruleDir(pattern);
    const load = () => loadRuleFiles([dir]);
    expect(load).toThrow(UsageError);
    expect(load).toThrow(`${join(dir, 'zzz.yaml')}: rules[0].pattern: zzz.token: not linear`);
    expect(load).toThrow(construct);
  });

  it.each(good)('%s: loads', (pattern) => {
    expect(loadRuleFiles([ruleDir(pattern)]).map((file) => file.data.provider)).toContain('zzz');
  });
});

describe('the CLI refuses it before scanning', () => {
  const issuePatterns = ['zzz(a|a){1,64}b', 'zzz(a{1,30}){1,30}b'];

  // `rules check` through the bin (it prints on the process's stdout); scan as scan builds its run, in process.
  it.each(issuePatterns)('rules check and scan --rules with %s: exit 2, naming the rule and the construct', async (pattern) => {
    const root = writeTree(makeTmpDir('backtracking-cli'), { 'rules/zzz.yaml': ruleFile(pattern, 'zzz.slow'), 'notes.txt': 'nothing to see\n' });
    const check = await runCli(['rules', 'check', 'rules'], { cwd: root });
    expect(check.code, `rules check rules: ${check.stderr}`).toBe(2);
    expect(check.stderr).toMatch(/rules[/\\]zzz\.yaml: rules\[0\]\.pattern: zzz\.slow: not linear/);
    expect(check.stderr).toMatch(/nested quantifier|quantified alternation/);
    expect(check.stdout).toBe('');
    const run = await scan(root, { rules: ['rules'], paths: ['notes.txt'] });
    expect(run.code, `scan --rules rules notes.txt: ${run.error}`).toBe(2);
    expect(run.error).toMatch(/rules[/\\]zzz\.yaml: rules\[0\]\.pattern: zzz\.slow: not linear/);
    expect(run.error).toMatch(/nested quantifier|quantified alternation/);
    expect(run.report).toBe('');
  });
});

/**
 * What the check lets through must also run in linear time: each accepted user pattern on 512 KiB
 * built to make it backtrack as much as it can (runs its classes accept, ending one character
 * short or with a character they refuse). Stopped after a generous 20 s, whatever the load;
 * a quadratic pattern would take hours (see test/detect/linear-time.test.ts).
 */
describe('accepted user patterns run in linear time on adversarial input', () => {
  const size = 512 * 1024;
  const keys = keyFactory(0x6261636b);
  const dir = writeTree(makeTmpDir('backtracking-linear'), Object.fromEntries(good.map((pattern, i) => [`r${i}.yaml`, ruleFile(pattern, `zzz.good-${i}`).replace('"provider":"zzz"', `"provider":"zzz${i}"`)])));
  const detector = new DetectWorker([dir]);
  afterAll(() => detector.close());

  const fill = (unit: () => string) => {
    const parts: string[] = [];
    for (let length = 0, part = unit(); length + part.length <= size; part = unit()) {
      parts.push(part);
      length += part.length;
    }
    return Buffer.from(parts.join(''));
  };
  // One line each: a finding's column is counted from its line's start, which on one 1 MiB line
  // would measure that (see the report), not the patterns.
  const inputs: [string, () => string][] = [
    ['zzz + a long lowercase run', () => `zzz${keys.chars('lower', 200)}\n`],
    ['zzz_ + alphanumerics, a dash, hex and a dot', () => `zzz_${keys.chars('alnum', 150)}-${keys.chars('hex', 90)}.\n`],
    ['zzz-a-a-a…', () => `zzz-${'a-'.repeat(40)}\n`],
    ['zzz{ + hex one short of the brace', () => `zzz{${keys.chars('hex', 7)}\n`],
  ];

  it.each(inputs)('%s', async (_name, unit) => {
    const timing = await detector.run(fill(unit), 20_000);
    if ('timedOut' in timing) expect.fail(`did not finish within ${timing.timedOut} ms (stopped)`);
  });
});
