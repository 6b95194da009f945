import { describe, expect, it } from 'vitest';
import { isRepeating, longestSequence, placeholderReason, shannonEntropy } from '../../src/detect/placeholder.js';
import { detectText } from '../helpers/engine.js';
import { keyFactory } from '../helpers/keys.js';

/** SPEC §1: documentation placeholders, fake and masked keys are not findings. */
const keys = keyFactory(0x706c6163);
const alnum = (n: number) => keys.body('alnum', n);

const notFindings: { name: string; text: string }[] = [
  // The placeholders SPEC §1 names.
  { name: 'sk-or-v1-your_key_here', text: 'OPENROUTER_API_KEY=sk-or-v1-your_key_here' },
  { name: 'sk-ar-xxxxxxxxxxxxxxxx', text: 'AGENTROUTER_API_KEY=sk-ar-xxxxxxxxxxxxxxxx' },
  { name: 'tr_live_1234567890abcdef…', text: 'TOKENROUTER_API_KEY=tr_live_1234567890abcdef…' },
  { name: 'tr_live_1234567890abcdef1234567890abcdef', text: 'TOKENROUTER_API_KEY=tr_live_1234567890abcdef1234567890abcdef' },
  { name: 'masked sk-or-v1-abc...xyz', text: 'apiKey: sk-or-v1-abc...xyz' },
  { name: 'masked with an ellipsis character', text: 'sk-or-v1-e2e…ecbe' },
  { name: 'masked with stars', text: `sk-or-v1-${'*'.repeat(64)}` },
  { name: 'sk-or-v1-YOUR_KEY', text: 'OPENROUTER_API_KEY=sk-or-v1-YOUR_KEY' },
  { name: 'sk-or-v1-EXAMPLE', text: 'sk-or-v1-EXAMPLE' },
  { name: 'sk-or-v1-REDACTED', text: 'sk-or-v1-REDACTED' },
  { name: 'sk-or-v1-<key>', text: 'Authorization: Bearer sk-or-v1-<your-key>' },
  { name: 'sk-ar-your-api-key', text: 'sk-ar-your-api-key' },
  { name: 'tr_live_your_key_here', text: 'tr_live_your_key_here' },
  // All-zero and repeating bodies.
  { name: 'all-zero OpenRouter body', text: `sk-or-v1-${'0'.repeat(64)}` },
  { name: 'all-zero AgentRouter body', text: `sk-ar-${'0'.repeat(16)}` },
  { name: 'all-zero TokenRouter body', text: `tr_live_${'0'.repeat(24)}` },
  { name: 'one repeated letter', text: `tr_test_${'a'.repeat(28)}` },
  { name: 'xxxx…', text: `sk-or-v1-${'x'.repeat(64)}` },
  { name: 'XXXX…', text: `tr_live_${'X'.repeat(24)}` },
  { name: 'a repeated 4-character unit', text: `sk-or-v1-${'abcd'.repeat(16)}` },
  { name: 'a repeated 8-character unit', text: `sk-ar-${'Ab3dE5g7'.repeat(4)}` },
  { name: 'deadbeef repeated', text: `sk-or-v1-${'deadbeef'.repeat(8)}` },
  // Sequences.
  { name: '0123456789abcdef repeated', text: `sk-or-v1-${'0123456789abcdef'.repeat(4)}` },
  { name: 'the alphabet', text: 'sk-ar-abcdefghijklmnopqrstuvwxyz' }, // keywarden:allow
  { name: 'a sequence of 8 inside random text', text: `sk-ar-${alnum(10)}12345678${alnum(10)}` },
  // Placeholder words no random body of this length would spell (one four-letter word such as
  // YOUR or XXXX is not enough: random bodies spell one that often, see random-bodies.test.ts).
  { name: 'EXAMPLE inside a body', text: `tr_live_${alnum(10)}EXAMPLE${alnum(10)}` },
  { name: 'example inside a body', text: `tr_test_${alnum(10)}example${alnum(10)}` },
  { name: 'REDACTED inside a body', text: `tr_live_REDACTED${alnum(16)}` },
  { name: 'YOUR and HERE inside a body', text: `sk-ar-${alnum(6)}YOUR${alnum(6)}HERE${alnum(4)}` },
  { name: 'XXXX twice inside a body', text: `tr_live_${alnum(10)}XXXX${alnum(4)}XXXX${alnum(6)}` },
  { name: 'YOURKEYGOESHERE', text: 'sk-ar-YOURKEYGOESHERE1234' }, // keywarden:allow
  // Regex sources that describe a key.
  { name: 'a regex literal', text: 'const pattern = /sk-or-v1-[a-f0-9]{64}/;' },
  { name: 'a regex for AgentRouter', text: 'const re = /sk-ar-[A-Za-z0-9]{16,128}/' },
  { name: 'a regex for TokenRouter', text: "re.compile(r'tr_live_[A-Za-z0-9]{24,128}')" },
  { name: 'a regex in YAML', text: "pattern: '(?<![A-Za-z0-9_-])sk-or-v1-[0-9a-f]{64}(?![0-9A-Za-z])'" },
  // Low entropy.
  { name: 'two characters alternating irregularly', text: `sk-ar-${'abbaabab'.repeat(3)}abba` },
];

describe('placeholders are not findings', () => {
  it.each(notFindings)('$name', ({ text }) => {
    expect(detectText(text)).toEqual([]);
  });

  it('provider documentation pasted into a repository scans clean', () => {
    const docs = [
      '# Quick start',
      '',
      'Create a key at https://openrouter.ai/settings/keys and export it:',
      '',
      '```sh',
      'export OPENROUTER_API_KEY=sk-or-v1-your_key_here',
      'export AGENTROUTER_API_KEY=sk-ar-xxxxxxxxxxxxxxxx',
      'export TOKENROUTER_API_KEY=tr_live_1234567890abcdef1234567890abcdef',
      'export TOKENROUTER_TEST_KEY=tr_test_your_key_here',
      '```',
      '',
      'Keys look like `sk-or-v1-abc...xyz`; we show them masked as `sk-or-v1-e2e…ecbe`.',
      '',
      '```json',
      '{ "apiKey": "sk-or-v1-YOUR_KEY", "fallback": "sk-ar-your-api-key" }',
      '```',
      '',
      `Validate with \`/sk-or-v1-[0-9a-f]{64}/\` or \`tr_live_[A-Za-z0-9]{24,128}\`.`,
    ].join('\n');
    expect(detectText(docs)).toEqual([]);
  });

  it('random keys next to placeholders are still found', () => {
    const real = keys.openrouter();
    const found = detectText(`example: sk-or-v1-your_key_here\nreal: ${real}\nmasked: sk-or-v1-abc...xyz\n`);
    expect(found.map((m) => [m.key === real, m.line])).toEqual([[true, 2]]);
  });
});

describe('placeholder checks on key bodies', () => {
  it.each([
    { body: 'your_key_here', reason: 'placeholder word' },
    { body: 'aB3xYOURKEYHERE', reason: 'placeholder word' },
    { body: '0000000000000000', reason: 'repeating' },
    { body: 'abcabcabcabcabc', reason: 'repeating' },
    { body: 'k9Qz12345678Wm', reason: 'sequence' },
    { body: 'q1w2abcdefghr5', reason: 'sequence' },
    { body: 'aabbaabbabababbbaaab', reason: 'low entropy' },
  ])('$body → $reason', ({ body, reason }) => {
    expect(placeholderReason(body, 3)).toBe(reason);
  });

  it('random bodies of every length a rule allows are not placeholders', () => {
    for (let length = 16; length <= 128; length++) {
      expect(placeholderReason(keys.chars('alnum', length), 3), `alnum:${length}`).toBeUndefined();
    }
    for (let i = 0; i < 200; i++) expect(placeholderReason(keys.chars('hex', 64), 3)).toBeUndefined();
  });

  it.each([
    ['', 0],
    ['aaaa', 0],
    ['ab', 1],
    ['abcd', 2],
    ['0123456789abcdef', 4],
  ] as const)('shannonEntropy(%j) = %d bits per character', (text, bits) => {
    expect(shannonEntropy(text)).toBeCloseTo(bits, 10);
  });

  it.each([
    ['aaaa', true],
    ['abab', true],
    ['abcdefghabcdefgh', true],
    ['abcdefghiabcdefghi', false],
    ['abcab', false],
    ['a', false],
  ] as const)('isRepeating(%j) = %s', (body, repeating) => {
    expect(isRepeating(body)).toBe(repeating);
  });

  it.each([
    ['', 0],
    ['x', 1],
    ['a1b2', 1],
    ['123', 3],
    ['789ABC', 6],
    ['zz0123', 4],
  ] as const)('longestSequence(%j) = %i', (body, length) => {
    expect(longestSequence(body)).toBe(length);
  });
});
