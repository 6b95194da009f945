/**
 * countByte (src/core/count-byte.ts) against the obvious loop: below and above the length where
 * the SIMD kernel takes over, around its 16-byte blocks and its 1 MiB chunks, every byte value,
 * a view that does not start at its buffer's start, and an end short of the data.
 */
import { describe, expect, it } from 'vitest';
import { countByte } from '../../src/core/count-byte.js';
import { borrowKernelReadBuffers } from '../../src/core/simd/instantiate.js';

const mib = 1 << 20;

/** Seeded bytes, mostly from a small alphabet so that every value counted occurs often. */
function bytes(length: number, seed: number): Buffer {
  const data = Buffer.alloc(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    data[i] = state >>> 24 < 200 ? [10, 0, 32, 97, 255][(state >>> 8) % 5]! : (state >>> 16) & 0xff;
  }
  return data;
}

function slowCount(data: Uint8Array, byte: number, end: number): number {
  let count = 0;
  for (let i = 0; i < end; i++) if (data[i] === byte) count++;
  return count;
}

describe('countByte', () => {
  it('counts like the obvious loop at every length up to past the kernel threshold, and around its blocks and chunks', () => {
    const lengths = [
      ...Array.from({ length: 70 }, (_, i) => i),
      4095, 4096, 4097, 4111, 4112, 4113, 65_536 + 5,
      ...[mib, 2 * mib].flatMap((edge) => [-17, -16, -15, -1, 0, 1, 15, 16, 17].map((delta) => edge + delta)),
      2.5 * mib + 3,
    ];
    for (const length of lengths) {
      const data = bytes(length, length);
      for (const byte of [10, 0, 255]) expect(countByte(data, byte), `length ${length}, byte ${byte}`).toBe(slowCount(data, byte, length));
    }
  });

  it('counts every byte value', () => {
    const data = bytes(70_001, 7);
    for (let byte = 0; byte < 256; byte++) expect(countByte(data, byte), `byte ${byte}`).toBe(slowCount(data, byte, data.length));
  });

  it('counts only before `end`, and in a view that starts inside its buffer', () => {
    const data = bytes(3 * mib, 11);
    for (const end of [0, 1, 4096, mib + 7, 3 * mib - 9]) expect(countByte(data, 10, end), `end ${end}`).toBe(slowCount(data, 10, end));
    const view = data.subarray(5, 2 * mib + 5);
    expect(countByte(view, 10)).toBe(slowCount(view, 10, view.length));
    // Bytes read into the kernel memory are counted where they are, up to the read's last byte.
    const lent = borrowKernelReadBuffers();
    expect(lent).toBeDefined();
    try {
      for (const read of lent!.buffers) {
        bytes(read.length, 5).copy(read);
        for (const end of [4096, 4100, 777_777, read.length]) expect(countByte(read, 10, end), `in place, end ${end}`).toBe(slowCount(read, 10, end));
        const inside = read.subarray(3, 70_003);
        expect(countByte(inside, 10)).toBe(slowCount(inside, 10, inside.length));
      }
      // Lent to one reader at a time.
      expect(borrowKernelReadBuffers()).toBeUndefined();
    } finally {
      lent!.release();
    }
    // Right after a long count, a short one (the kernel's memory still holds the long one's bytes).
    expect(countByte(Buffer.from('a\nb\n'), 10)).toBe(2);
    expect(countByte(Buffer.alloc(5000, 'x'), 10)).toBe(0);
  });
});
