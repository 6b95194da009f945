import { spawnSync } from 'node:child_process';
import { borrowKernelReadBuffers } from '../../src/core/simd/instantiate.js';
import { describe, expect, it } from 'vitest';
import { buildPrefilter, findHits, singlePassPlan, type Prefilter } from '../../src/detect/prefilter.js';
import { forEachCandidate, planTeddy } from '../../src/detect/simd/teddy.js';
import { seededRandom } from '../../src/rules/examples.js';
import { repoRoot } from '../helpers/cli.js';
import { builtin } from '../helpers/engine.js';
import { base64, keyFactory } from '../helpers/keys.js';

/**
 * The prefilter's single SIMD pass (src/detect/simd/) against the one-`indexOf`-pass-per-anchor
 * search it replaces on inputs of 256 bytes and more: the same hits, in the same order, whatever
 * the data, the anchors and where they fall (chunk edges of the kernel's memory, the last bytes).
 */

const chunk = 1 << 20;

/** The same prefilter without its SIMD plan: `findHits` then makes one indexOf pass per anchor. */
function oneByOne(prefilter: Prefilter): Prefilter {
  return { anchors: prefilter.anchors, teddy: null };
}

function hitList(data: Buffer, prefilter: Prefilter): string[] {
  return findHits(data, prefilter).map((hit) => `${hit.offset}:${hit.needle.encoding}:${hit.needle.bytes.toString('latin1')}`);
}

/** Random bytes from a small alphabet, so that anchors' bytes and near misses occur often. */
function randomBytes(random: () => number, length: number, alphabet: string): Buffer {
  const data = Buffer.alloc(length);
  for (let i = 0; i < length; i++) data[i] = alphabet.charCodeAt(Math.floor(random() * alphabet.length));
  return data;
}

describe('the single-pass prefilter', () => {
  const { rules } = builtin().engine;
  const prefilter = buildPrefilter(rules);
  const keys = keyFactory(0x5107);

  it('runs here (WebAssembly SIMD), with a plan for the built-in anchors', () => {
    // forEachCandidate answers false (visiting nothing) where the kernel cannot run.
    expect(forEachCandidate(Buffer.alloc(0), singlePassPlan(prefilter)!, () => undefined)).toBe(true);
    expect(singlePassPlan(prefilter)?.buckets.flat().sort((a, b) => a - b)).toEqual(prefilter.anchors.map((_, index) => index));
  });

  it('finds what the indexOf passes find in keys of every form, planted across the kernel’s chunk edges and at the very end', () => {
    const forms = [keys.openrouter(), keys.agentrouter(), keys.tokenrouterLive(), keys.tokenrouterTest()].flatMap((key) => [
      key,
      base64(key),
      base64(`x${key}`),
      base64(`xy${key}`),
      key.replace(/-/g, '\\u002d'),
      key.replace(/-/g, '%2D').replace(/_/g, '%5F'),
      key.replace(/_/g, '&#95;'),
      `\\u0073${key.slice(1)}`,
      `${key.slice(0, 4)}\x1b[31m${key.slice(4)}`,
      `${base64(key).slice(0, 5)}\n  ${base64(key).slice(5)}`,
    ]);
    const random = seededRandom(11);
    const size = 2 * chunk + 777;
    const data = randomBytes(random, size, 'abcdefghijklmnopqrstuvwxyz0123456789 _-\n');
    const places = [0, 1, chunk - 40, chunk - 3, chunk - 2, chunk - 1, chunk, 2 * chunk - 1, size - 12, size - 3, size - 2];
    for (const [i, form] of forms.entries()) {
      const at = places[i % places.length]! - (i % 3) * 7;
      Buffer.from(form, 'latin1').copy(data, Math.max(0, Math.min(at, size - 1)));
    }
    for (let i = 0; i < 300; i++) Buffer.from(forms[i % forms.length]!, 'latin1').copy(data, Math.floor(random() * size));
    const expected = hitList(data, oneByOne(prefilter));
    expect(expected.length).toBeGreaterThan(300);
    expect(hitList(data, prefilter)).toEqual(expected);
  });

  it('finds every anchor written across the edge of the kernel’s chunk or ending the data', () => {
    const size = chunk + 64;
    const base = randomBytes(seededRandom(10), size, 'abcdefghijklmnopqrstuvwxyz ');
    for (const anchor of prefilter.anchors) {
      for (const at of [chunk - 2, chunk - 1, chunk, chunk + 1, size - anchor.bytes.length]) {
        const data = Buffer.from(base);
        anchor.bytes.copy(data, at);
        const where = `${anchor.bytes.toString('latin1')} at ${at}`;
        const visited: number[] = [];
        forEachCandidate(data, singlePassPlan(prefilter)!, (position) => visited.push(position));
        expect(visited, where).toContain(at);
        expect(hitList(data, prefilter), where).toEqual(hitList(data, oneByOne(prefilter)));
      }
    }
  });

  it('scans data read into the kernel memory where it is, with the same hits, whatever follows it there', () => {
    const lent = borrowKernelReadBuffers();
    expect(lent).toBeDefined();
    const [read] = lent!.buffers;
    try {
      const random = seededRandom(14);
      // The read's rest holds every anchor's first bytes over and over, so whatever an in-place window
      // ends at, the bytes after it look like anchors that do not fit.
      const noise = Buffer.concat(prefilter.anchors.map((anchor) => anchor.bytes.subarray(0, 2)));
      for (let at = 0; at < read.length; at += noise.length) noise.copy(read, at);
      for (const size of [256, 4096, 65_537, chunk - 100]) {
        const window = read.subarray(0, size);
        randomBytes(random, size, 'sk-or-v1-ar_tliveest0cl9XZlN0HJfzayRyXNrLIjE&#%2D5F\\u\n').copy(window);
        for (const anchor of prefilter.anchors) anchor.bytes.copy(window, size - anchor.bytes.length);
        expect(hitList(window, prefilter), `size ${size}`).toEqual(hitList(Buffer.from(window), oneByOne(prefilter)));
      }
      // The whole read, to its last byte (the kernel reads on into the padding after it).
      expect(hitList(read, prefilter)).toEqual(hitList(Buffer.from(read), oneByOne(prefilter)));
    } finally {
      lent!.release();
    }
  });

  it('finds what the indexOf passes find in random text dense with anchor bytes, at sizes around its threshold and chunk', () => {
    const random = seededRandom(12);
    const alphabet = 'sk-or-v1-ar_tliveest0cl9XZlN0HJfzayRyXNrLIjE&#%2D5F\\u\n';
    for (const size of [255, 256, 257, 1000, 4096, 65_537, chunk - 1, chunk + 1]) {
      const data = randomBytes(random, size, alphabet);
      expect(hitList(data, prefilter), `size ${size}`).toEqual(hitList(data, oneByOne(prefilter)));
    }
  });

  it('with anchors tuned to byte counts and with custom rules’ many anchors, visits every place an anchor starts', () => {
    const random = seededRandom(13);
    const data = randomBytes(random, 300_000, 'abcdefgh{}[]<>!?');
    for (let trial = 0; trial < 6; trial++) {
      // 3 to 40 anchors of 2 or 3 bytes from the same alphabet: more than the kernel's 8 buckets.
      const anchors = Array.from({ length: 3 + trial * 7 }, () => randomBytes(random, 2 + Math.floor(random() * 2), 'abcdefgh{}[]<>!?'));
      const plan = planTeddy(anchors, () => 1 / 16);
      expect(plan).toBeDefined();
      const visited = new Map<number, number>();
      forEachCandidate(data, plan!, (position, buckets) => visited.set(position, buckets));
      for (const [index, anchor] of anchors.entries()) {
        const bucket = plan!.buckets.findIndex((members) => members.includes(index));
        for (let at = data.indexOf(anchor); at !== -1; at = data.indexOf(anchor, at + 1)) {
          expect(((visited.get(at) ?? 0) >> bucket) & 1, `anchor ${index} at ${at}`).toBe(1);
        }
      }
    }
    const tuned = buildPrefilter(rules, Array.from({ length: 256 }, () => Math.floor(random() * 1000)));
    const text = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 2 ? keys.tokenrouterTest() : base64(`${'z'.repeat(i % 3)}${keys.agentrouter()}`))).join(' · '));
    expect(hitList(text, tuned)).toEqual(hitList(text, oneByOne(tuned)));
  });

  it('declines anchors it cannot take (a NUL byte is its padding; none at all), leaving them to the indexOf passes', () => {
    expect(planTeddy([Buffer.from('a\0b')], () => 0.01)).toBeUndefined();
    expect(planTeddy([], () => 0.01)).toBeUndefined();
    expect(planTeddy([Buffer.from('abc\0')], () => 0.01)).toBeDefined();
  });

  it('is built from its source: the committed module is what teddy.wat assembles to', () => {
    const check = spawnSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { cwd: repoRoot, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
