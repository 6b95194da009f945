import { describe, expect, it } from 'vitest';
import { buildPrefilter, findHits } from '../../src/detect/prefilter.js';
import { seededRandom } from '../../src/rules/examples.js';
import { builtin } from '../helpers/engine.js';
import { base64, keyFactory } from '../helpers/keys.js';

/**
 * Anchors tuned to a stream's byte counts (`keywarden redact` does this after its first MiB)
 * change how fast keywords are found, never which: every needle is still searched.
 */
describe('prefilter anchors tuned to byte counts', () => {
  const rules = builtin().engine.rules;
  const keys = keyFactory(0x7475);
  const text = Buffer.from(
    Array.from({ length: 200 }, (_, i) => {
      const key = [keys.openrouter(), keys.agentrouter(), keys.tokenrouterLive(), keys.tokenrouterTest()][i % 4] ?? '';
      return `line ${i} x${'ab'.repeat(i % 3)} ${i % 2 ? key : base64(`${'z'.repeat(i % 3)}${key}`)} tail\n`;
    }).join(''),
  );
  const expected = findHits(text, buildPrefilter(rules)).map((hit) => [hit.offset, hit.needle.keyword, hit.needle.encoding]);

  it('finds the same hits whatever the counts say', () => {
    expect(expected.length).toBeGreaterThanOrEqual(200);
    const random = seededRandom(3);
    for (let trial = 0; trial < 20; trial++) {
      const counts = Array.from({ length: 256 }, () => Math.floor(random() * 1000));
      const tuned = buildPrefilter(rules, counts);
      expect(findHits(text, tuned).map((hit) => [hit.offset, hit.needle.keyword, hit.needle.encoding])).toEqual(expected);
    }
  });

  it('starts anchors at bytes rare in the sample', () => {
    const counts = new Array<number>(256).fill(100);
    for (const byte of Buffer.from('jE')) counts[byte] = 0;
    const tuned = buildPrefilter(rules, counts);
    // The encoded form of the OpenRouter prefix holds `jE`; with that byte the rarest, its anchor starts there.
    expect(tuned.anchors.map((anchor) => anchor.bytes.toString())).toContain('jEt');
  });
});
