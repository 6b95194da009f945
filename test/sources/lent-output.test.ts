/** A child's stdout read into one reused buffer (a socket's onread), or from its own pipe. */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { childOutput, type ChunkHandler } from '../../src/sources/lent-output.js';
import { cleanTmpDirs, makeTmpDir } from '../helpers/tmp.js';

cleanTmpDirs('each');

const savedTmp = process.env.TMPDIR;
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});

/** A child that writes `size` bytes of a known pattern in writes of `piece` bytes. */
const writer = (size: number, piece: number) =>
  `const out = Buffer.alloc(${size}); for (let i = 0; i < out.length; i++) out[i] = (i * 31 + (i >> 12)) & 255;` +
  `for (let at = 0; at < out.length; at += ${piece}) require('fs').writeSync(1, out.subarray(at, at + ${piece}));`;

function expected(size: number): Buffer {
  const out = Buffer.alloc(size);
  for (let i = 0; i < out.length; i++) out[i] = (i * 31 + (i >> 12)) & 255;
  return out;
}

async function readChild(lend: boolean, script: string, onChunk: ChunkHandler): Promise<void> {
  const output = await childOutput(lend);
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', output.stdio, 'inherit'] });
  await output.read(child, onChunk);
}

describe('childOutput', () => {
  it('lends one reused buffer here, and leaves no socket file behind', async () => {
    process.env.TMPDIR = makeTmpDir('lent-tmp');
    const output = await childOutput(true);
    expect(output.stdio).not.toBe('pipe');
    expect(readdirSync(process.env.TMPDIR)).toEqual([]);
    const memory = new Set<ArrayBufferLike>();
    const parts: Buffer[] = [];
    const child = spawn(process.execPath, ['-e', writer(3_000_000, 70_000)], { stdio: ['ignore', output.stdio, 'inherit'] });
    await output.read(child, (chunk) => {
      memory.add(chunk.buffer);
      parts.push(Buffer.from(chunk));
    });
    expect(Buffer.concat(parts).equals(expected(3_000_000))).toBe(true);
    expect(parts.length).toBeGreaterThan(2);
    expect(memory.size).toBe(1);
  });

  it('falls back to the child pipe where a socket path would not fit (libuv would cut it, outside the private directory)', async () => {
    const long = join(makeTmpDir('lent-tmp'), 'x'.repeat(90), 'y'.repeat(90));
    mkdirSync(long, { recursive: true });
    process.env.TMPDIR = long;
    const output = await childOutput(true);
    expect(output.stdio).toBe('pipe');
    expect(readdirSync(long)).toEqual([]);
    expect(readdirSync(join(long, '..'))).toEqual(['y'.repeat(90)]);
    const parts: Buffer[] = [];
    const child = spawn(process.execPath, ['-e', writer(500_000, 9_000)], { stdio: ['ignore', output.stdio, 'inherit'] });
    await output.read(child, (chunk) => void parts.push(Buffer.from(chunk)));
    expect(Buffer.concat(parts).equals(expected(500_000))).toBe(true);
  });

  describe.each([true, false])('lent: %s', (lend) => {
    it('hands over nothing while a returned promise is pending, and every byte in order', async () => {
      const parts: Buffer[] = [];
      let pending = false;
      let overlapped = false;
      await readChild(lend, writer(2_000_000, 50_000), (chunk) => {
        if (pending) overlapped = true;
        parts.push(Buffer.from(chunk));
        if (parts.length % 3 !== 0) return undefined;
        pending = true;
        return new Promise<void>((resolve) =>
          setTimeout(() => {
            pending = false;
            resolve();
          }, 5),
        );
      });
      expect(overlapped).toBe(false);
      expect(Buffer.concat(parts).equals(expected(2_000_000))).toBe(true);
    });

    it('ends the read when the handler throws or its promise rejects', async () => {
      const thrown = readChild(lend, writer(2_000_000, 50_000), () => {
        throw new Error('handler failed');
      });
      await expect(thrown).rejects.toThrow('handler failed');
      const rejected = readChild(lend, writer(2_000_000, 50_000), () => Promise.reject(new Error('later failure')));
      await expect(rejected).rejects.toThrow('later failure');
    });

    it('resolves at once for a child that writes nothing', async () => {
      let calls = 0;
      await readChild(lend, '', () => void calls++);
      expect(calls).toBe(0);
    });
  });
});
