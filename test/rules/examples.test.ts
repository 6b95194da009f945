import { describe, expect, it } from 'vitest';
import { unboundedQuantifiers } from '../../src/rules/compile.js';
import { expandTemplate, randomString, seededRandom } from '../../src/rules/examples.js';

describe('seededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const take = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
  });

  it('gives numbers in [0, 1)', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 10_000; i++) {
      const value = random();
      expect(value >= 0 && value < 1).toBe(true);
    }
  });
});

describe('randomString', () => {
  it.each([
    ['hex', /^[0-9a-f]{500}$/],
    ['HEX', /^[0-9A-F]{500}$/],
    ['alnum', /^[A-Za-z0-9]{500}$/],
    ['lower', /^[a-z0-9]{500}$/],
    ['digits', /^[0-9]{500}$/],
  ] as const)('%s draws only from its alphabet', (alphabet, shape) => {
    expect(randomString(seededRandom(1), alphabet, 500)).toMatch(shape);
  });
});

describe('expandTemplate', () => {
  const expand = (template: string) => expandTemplate(template, seededRandom(99));

  it.each([
    { template: 'sk-or-v1-{{hex:64}}', shape: /^sk-or-v1-[0-9a-f]{64}$/ },
    { template: 'sk-or-v1-{{HEX:64}}', shape: /^sk-or-v1-[0-9A-F]{64}$/ },
    { template: 'K=sk-ar-{{alnum:16}} and sk-ar-{{alnum:128}}', shape: /^K=sk-ar-[A-Za-z0-9]{16} and sk-ar-[A-Za-z0-9]{128}$/ },
    { template: 'acme_{{lower:32}}', shape: /^acme_[a-z0-9]{32}$/ },
    { template: 'pin {{digits:6}}', shape: /^pin [0-9]{6}$/ },
    { template: 'no placeholders', shape: /^no placeholders$/ },
    { template: '{{unknown:5}} {{hex:}}', shape: /^\{\{unknown:5\}\} \{\{hex:\}\}$/ },
  ])('$template', ({ template, shape }) => {
    expect(expand(template)).toMatch(shape);
  });

  it('is deterministic for a seed', () => {
    expect(expand('{{hex:64}}')).toBe(expand('{{hex:64}}'));
  });

  it('base64-encodes the text of {{base64:…}} after expanding the random parts inside it', () => {
    const out = expand('  token: {{base64:tr_live_{{alnum:32}}}}');
    const encoded = out.slice('  token: '.length);
    expect(Buffer.from(encoded, 'base64').toString('utf8')).toMatch(/^tr_live_[A-Za-z0-9]{32}$/);
    expect(Buffer.from(encoded, 'base64').toString('base64')).toBe(encoded);
  });

  it('base64-encodes literal text', () => {
    expect(expand('{{base64:sk-or-v1-}}')).toBe('c2stb3ItdjEt');
  });
});

describe('unboundedQuantifiers (rules must run in linear time)', () => {
  it.each([
    { pattern: 'sk-or-v1-[0-9a-f]{64}', problems: 0 },
    { pattern: '(?<![A-Za-z0-9_-])sk-ar-[A-Za-z0-9]{16,128}(?![A-Za-z0-9])', problems: 0 },
    { pattern: 'a[+*]b', problems: 0 },
    { pattern: 'a\\+b\\*', problems: 0 },
    { pattern: 'x?y{0,3}', problems: 0 },
    { pattern: 'key-[a-z]+', problems: 1 },
    { pattern: 'key-.*', problems: 1 },
    { pattern: 'key-[a-z]{8,}', problems: 1 },
    { pattern: '(a+)+', problems: 2 },
  ])('$pattern has $problems problem(s)', ({ pattern, problems }) => {
    expect(unboundedQuantifiers(pattern)).toHaveLength(problems);
  });
});
