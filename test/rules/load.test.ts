import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { createEngine, detectKeys } from '../../src/detect/detect.js';
import { compileRules } from '../../src/rules/compile.js';
import { builtinRulesDir } from '../../src/rules/cache.js';
import { loadRuleFiles } from '../../src/rules/load.js';
import { selfTestRules } from '../../src/run/selftest.js';
import { keyFactory, ruleIds } from '../helpers/keys.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';

cleanTmpDirs();

/** A valid user rule file: an in-house gateway's keys, `acme_` + 32 lowercase alphanumerics. */
const acmeRules = `
provider: acme
name: ACME gateway
hosts: [gateway.acme.test]
rules:
  - id: acme.gateway-key
    name: ACME gateway key
    severity: medium
    keywords: [acme_]
    pattern: '(?<![A-Za-z0-9_])acme_[a-z0-9]{32}(?![A-Za-z0-9])'
    examples:
      - 'ACME_KEY=acme_{{lower:32}}'
    negativeExamples:
      - 'ACME_KEY=acme_your_key_here'
      - 'ACME_KEY=acme_{{lower:31}}'
`;

describe('the built-in rules', () => {
  const files = loadRuleFiles();
  const rules = compileRules(files);

  it('load from rules/ at the package root, one file per provider', () => {
    expect(files.map((file) => file.file.slice(builtinRulesDir.length)).sort()).toEqual(['agentrouter.yaml', 'openrouter.yaml', 'tokenrouter.yaml']);
    expect(files.map((file) => file.data.provider).sort()).toEqual(['agentrouter', 'openrouter', 'tokenrouter']);
  });

  it.each([
    { id: ruleIds.openrouter, provider: 'openrouter', severity: 'high', prefix: 'sk-or-v1-' },
    { id: ruleIds.agentrouter, provider: 'agentrouter', severity: 'high', prefix: 'sk-ar-' },
    { id: ruleIds.tokenrouterLive, provider: 'tokenrouter', severity: 'high', prefix: 'tr_live_' },
    { id: ruleIds.tokenrouterTest, provider: 'tokenrouter', severity: 'low', prefix: 'tr_test_' },
  ])('define $id ($severity, prefix $prefix)', ({ id, provider, severity, prefix }) => {
    const rule = rules.find((r) => r.id === id);
    expect(rule).toMatchObject({ provider, severity, prefix });
    expect(rule?.pattern.global).toBe(true);
    expect(rule?.hint).not.toBe('');
  });

  it('have unique ids', () => {
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
  });

  it("pass their own self-test: every example gives exactly one finding from its rule, every negative example none", () => {
    const report = selfTestRules(files);
    expect(report.failures).toEqual([]);
    expect(report.rules).toBe(4);
    const declared = files.flatMap((f) => f.data.rules).reduce((n, r) => n + r.examples.length + r.negativeExamples.length, 0);
    expect(report.examples).toBe(declared);
  });

  it.each([1, 2, 3, 0xdeadbeef])('pass the self-test with other random keys too (seed %i)', (seed) => {
    expect(selfTestRules(files, seed).failures).toEqual([]);
  });

  it('declare no hosts outside their own provider', () => {
    const hosts = Object.fromEntries(files.map((f) => [f.data.provider, f.data.hosts]));
    expect(hosts).toEqual({ openrouter: ['openrouter.ai'], agentrouter: [], tokenrouter: ['api.tokenrouter.com'] });
  });
});

describe('loadRuleFiles with --rules directories', () => {
  it('adds the user rules to the built-in ones, and they detect keys', () => {
    const dir = writeTree(makeTmpDir('rules'), { 'acme.yaml': acmeRules, 'README.md': 'not a rule file' });
    const files = loadRuleFiles([dir]);
    expect(files.map((f) => f.data.provider).sort()).toEqual(['acme', 'agentrouter', 'openrouter', 'tokenrouter']);
    expect(selfTestRules(files).failures).toEqual([]);

    const key = `acme_${keyFactory(11).body('lower', 32)}`;
    const found = detectKeys(Buffer.from(`token = "${key}"`), createEngine(compileRules(files)));
    expect(found.map((m) => [m.rule.id, m.key === key])).toEqual([['acme.gateway-key', true]]);
  });

  it('reads both .yaml and .yml files, in name order', () => {
    const dir = writeTree(makeTmpDir('rules'), {
      'b.yml': acmeRules.replace(/acme/g, 'beta'),
      'a.yaml': acmeRules,
    });
    expect(loadRuleFiles([dir], false).map((f) => f.file)).toEqual([join(dir, 'a.yaml'), join(dir, 'b.yml')]);
  });

  it('loads only the given directories when the built-in rules are left out', () => {
    const dir = writeTree(makeTmpDir('rules'), { 'acme.yaml': acmeRules });
    expect(compileRules(loadRuleFiles([dir], false)).map((r) => r.id)).toEqual(['acme.gateway-key']);
  });

  it('compiles a `key` named group so that only the group is the key', () => {
    const dir = writeTree(makeTmpDir('rules'), {
      'acme.yaml': acmeRules.replace(
        "pattern: '(?<![A-Za-z0-9_])acme_[a-z0-9]{32}(?![A-Za-z0-9])'",
        "pattern: 'acme_key=(?<key>[a-z0-9]{32})(?![A-Za-z0-9])'\n    prefix: acme_",
      ).replace(/'ACME_KEY=acme_/g, "'acme_key="),
    });
    const engine = createEngine(compileRules(loadRuleFiles([dir], false)));
    const body = keyFactory(12).body('lower', 32);
    const found = detectKeys(Buffer.from(`x acme_key=${body}`), engine);
    expect(found.map((m) => ({ key: m.key === body, column: m.column, endColumn: m.endColumn }))).toEqual([{ key: true, column: 12, endColumn: 44 }]);
  });

  it.each([true, false])('rejects a --rules directory without rule files (built-in rules included: %s)', (includeBuiltin) => {
    // A typo in --rules must not silently scan with fewer rules than the user asked for.
    const dir = writeTree(makeTmpDir('rules'), { 'notes.txt': 'x', 'acme.json': '{}' });
    expect(() => loadRuleFiles([dir], includeBuiltin)).toThrow(UsageError);
    expect(() => loadRuleFiles([dir], includeBuiltin)).toThrow(`no rule files (*.yaml) in ${dir}`);
  });

  it.each([
    { name: 'a path that does not exist', setup: (dir: string) => join(dir, 'missing'), message: /cannot read rules directory .*missing.*ENOENT/ },
    { name: 'a file instead of a directory', setup: (dir: string) => join(writeTree(dir, { 'rules.yaml': acmeRules }), 'rules.yaml'), message: /not a directory/ },
  ])('rejects $name with a UsageError', ({ setup, message }) => {
    const path = setup(makeTmpDir('rules'));
    expect(() => loadRuleFiles([path])).toThrow(UsageError);
    expect(() => loadRuleFiles([path])).toThrow(message);
  });
});
