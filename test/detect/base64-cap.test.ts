import { describe, expect, it } from 'vitest';
import { detectKeys } from '../../src/detect/detect.js';
import { builtin } from '../helpers/engine.js';
import { keyFactory } from '../helpers/keys.js';

/**
 * One base64 run longer than the 1 MiB decoded at once: a key whose encoding crosses that
 * cap used to be dropped as "touching the cut" and never decoded again (found by review).
 */
const cap = 1 << 20;
const key = keyFactory(66).openrouter();

/** A single base64 line whose encoded key starts about `encodedAt` characters in. */
function base64Line(encodedAt: number): Buffer {
  const filler = Math.floor(((encodedAt - 10) * 3) / 4 / 3) * 3;
  const plain = Buffer.concat([Buffer.alloc(filler, 'x'), Buffer.from(` token=${key} `), Buffer.alloc(3000, 'y')]);
  return Buffer.from(plain.toString('base64'));
}

describe('a base64-encoded key in a run longer than the decode cap', () => {
  it.each([cap - 200, cap - 100, cap - 60, cap - 20, cap + 30, 2 * cap - 80, 900_000])('is found once when its encoding starts near %i', (encodedAt) => {
    const found = detectKeys(base64Line(encodedAt), builtin().engine);
    expect(found.map((match) => [match.key === key, match.encoding])).toEqual([[true, 'base64']]);
  });
});
