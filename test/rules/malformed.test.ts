import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { loadRuleFiles } from '../../src/rules/load.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';

cleanTmpDirs();

/** A valid rule file; each case below breaks one thing in it. */
const valid = `provider: acme
name: ACME gateway
rules:
  - id: acme.gateway-key
    name: ACME gateway key
    severity: medium
    keywords: [acme_]
    pattern: '(?<![A-Za-z0-9_])acme_[a-z0-9]{32}(?![A-Za-z0-9])'
    examples: ['acme_{{lower:32}}']
    negativeExamples: ['acme_your_key_here']
`;

const replace = (from: string, to: string) => {
  if (!valid.includes(from)) throw new Error(`test fixture does not contain ${from}`);
  return valid.replace(from, to);
};

/** Each malformed file must be a UsageError whose message names the file and the field. */
const cases: { name: string; text: string; field: string; message?: RegExp }[] = [
  { name: 'bad YAML', text: `${valid}  - id: [unclosed\n`, field: '(yaml)', message: /not valid YAML \(line \d+\)/ },
  { name: 'a missing pattern', text: replace("    pattern: '(?<![A-Za-z0-9_])acme_[a-z0-9]{32}(?![A-Za-z0-9])'\n", ''), field: 'rules[0].pattern' },
  { name: 'a missing provider', text: replace('provider: acme\n', ''), field: 'provider' },
  { name: 'missing examples', text: replace("    examples: ['acme_{{lower:32}}']\n", ''), field: 'rules[0].examples' },
  { name: 'empty negative examples', text: replace("negativeExamples: ['acme_your_key_here']", 'negativeExamples: []'), field: 'rules[0].negativeExamples' },
  { name: 'a bad severity', text: replace('severity: medium', 'severity: urgent'), field: 'rules[0].severity' },
  { name: 'a rule id that is not provider.name', text: replace('id: acme.gateway-key', 'id: AcmeKey'), field: 'rules[0].id', message: /must look like provider\.name/ },
  { name: 'a keyword shorter than 3 characters', text: replace('keywords: [acme_]', 'keywords: [ac]'), field: 'rules[0].keywords[0]' },
  { name: 'an unknown field', text: replace('severity: medium', 'severity: medium\n    colour: red'), field: 'rules[0]', message: /colour/ },
  {
    name: 'a regex that does not compile',
    text: replace("pattern: '(?<![A-Za-z0-9_])acme_[a-z0-9]{32}(?![A-Za-z0-9])'", "pattern: 'acme_([a-z0-9]{32}'"),
    field: 'rules[0].pattern',
    message: /does not compile/,
  },
  {
    name: "an unbounded '+' quantifier",
    text: replace('acme_[a-z0-9]{32}(?!', 'acme_[a-z0-9]+(?!'),
    field: 'rules[0].pattern',
    message: /unbounded '\+'/,
  },
  {
    name: "an unbounded '*' quantifier",
    text: replace('acme_[a-z0-9]{32}(?!', 'acme_[a-z0-9]*(?!'),
    field: 'rules[0].pattern',
    message: /unbounded '\*'/,
  },
  {
    name: "an unbounded '{n,}' quantifier",
    text: replace('acme_[a-z0-9]{32}(?!', 'acme_[a-z0-9]{32,}(?!'),
    field: 'rules[0].pattern',
    message: /unbounded '\{n,\}'/,
  },
  {
    name: 'a user rule naming its own base URL (a rules dir may sit in the scanned repository)',
    text: replace('name: ACME gateway', 'name: ACME gateway\nbaseUrl: { env: ACME_BASE_URL, default: "https://acme.example" }'),
    field: 'baseUrl.default',
  },
  {
    name: 'a user rule trusting whatever host its variable names',
    text: replace('name: ACME gateway', 'name: ACME gateway\nbaseUrl: { env: ACME_BASE_URL, selfHosted: true }'),
    field: 'baseUrl.selfHosted',
  },
  {
    name: 'a user rule borrowing a variable that is not its own base URL',
    text: replace('name: ACME gateway', 'name: ACME gateway\nbaseUrl: { env: GITHUB_SERVER_URL }'),
    field: 'baseUrl.env',
    message: /must name a variable ending in _BASE_URL/,
  },
  {
    name: 'a key in a verify URL (it would end up in logs)',
    text: replace("    examples:", "    verify:\n      request: { method: GET, path: '/check?key={key}' }\n      live: { status: [200] }\n      invalid: { status: [401] }\n    examples:"),
    field: 'rules[0].verify.request.path',
    message: /must not contain \{key\}/,
  },
  {
    name: 'a prefix that agrees with no keyword',
    text: replace('keywords: [acme_]', 'keywords: [acme_]\n    prefix: zeta_'),
    field: 'rules[0].prefix',
  },
];

describe('a malformed rule file is a UsageError naming the file and the field', () => {
  it.each(cases)('$name → $field', ({ text, field, message }) => {
    const dir = writeTree(makeTmpDir('rules'), { 'acme.yaml': text });
    let error: unknown;
    try {
      loadRuleFiles([dir]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    const text_ = (error as Error).message;
    expect(text_).toContain(`${join(dir, 'acme.yaml')}: ${field}`);
    if (message) expect(text_).toMatch(message);
  });

  it('the fixture itself is valid', () => {
    const dir = writeTree(makeTmpDir('rules'), { 'acme.yaml': valid });
    expect(loadRuleFiles([dir], false)).toHaveLength(1);
  });

  it('a rule id defined twice across files names the second file, the field and the first file', () => {
    const dir = writeTree(makeTmpDir('rules'), { 'a.yaml': valid, 'b.yaml': valid.replace('provider: acme', 'provider: acme-copy') });
    expect(() => loadRuleFiles([dir], false)).toThrow(UsageError);
    expect(() => loadRuleFiles([dir], false)).toThrow(
      `${join(dir, 'b.yaml')}: rules[0].id: 'acme.gateway-key' is already defined in ${join(dir, 'a.yaml')}`,
    );
  });

  it('a rule id defined twice in one file names the second rule', () => {
    const twice = valid + valid.slice(valid.indexOf('  - id:'));
    const dir = writeTree(makeTmpDir('rules'), { 'acme.yaml': twice });
    expect(() => loadRuleFiles([dir], false)).toThrow(`${join(dir, 'acme.yaml')}: rules[1].id: 'acme.gateway-key' is already defined`);
  });

  it('a user rule reusing a built-in rule id is rejected', () => {
    const dir = writeTree(makeTmpDir('rules'), { 'mine.yaml': valid.replace('id: acme.gateway-key', 'id: openrouter.api-key') });
    expect(() => loadRuleFiles([dir])).toThrow(`${join(dir, 'mine.yaml')}: rules[0].id: 'openrouter.api-key' is already defined`);
  });

  it('every problem of every file is listed, not only the first', () => {
    const dir = writeTree(makeTmpDir('rules'), {
      'a.yaml': replace('severity: medium', 'severity: urgent'),
      'b.yaml': replace('acme_[a-z0-9]{32}(?!', 'acme_[a-z0-9]+(?!'),
    });
    expect(() => loadRuleFiles([dir], false)).toThrow(
      new RegExp(`a\\.yaml: rules\\[0\\]\\.severity[^]*b\\.yaml: rules\\[0\\]\\.pattern`),
    );
  });
});
