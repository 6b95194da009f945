/** A child's stdout read into one reused buffer (a socket's onread), or from its own pipe. */
import { spawn } from 'node:child_process';
import { Socket } from 'node:net';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { spawnWith } from '../../src/sources/git.js';
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

/** A promise that runs `effect` and then settles, once `schedule` calls back. */
function settleLater(schedule: (callback: () => void) => void, effect: () => void): Promise<void> {
  return new Promise((resolve) =>
    schedule(() => {
      effect();
      resolve();
    }),
  );
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
        return settleLater((callback) => setTimeout(callback, 5), () => (pending = false));
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

    it('loses nothing the child wrote before the read began', async () => {
      const output = await childOutput(lend);
      const child = spawn(process.execPath, ['-e', "process.stdout.write('first'); setTimeout(() => process.stdout.write('second'), 300)"], { stdio: ['ignore', output.stdio, 'inherit'] });
      await new Promise((resolve) => setTimeout(resolve, 150));
      let text = '';
      await output.read(child, (chunk) => void (text += chunk.toString()));
      expect(text).toBe('firstsecond');
    });

    it('ends after the last promise a handler returned has settled', async () => {
      let pending = 0;
      let handled = 0;
      await readChild(lend, writer(1_000_000, 40_000), (chunk) => {
        handled += chunk.length;
        pending++;
        return settleLater(setImmediate, () => pending--);
      });
      expect({ pending, handled }).toEqual({ pending: 0, handled: 1_000_000 });
    });

    it('stops reading while a promise is pending, so the child waits (back-pressure)', async () => {
      const output = await childOutput(lend);
      const child = spawn(process.execPath, ['-e', writer(8_000_000, 64_000)], { stdio: ['ignore', output.stdio, 'inherit'] });
      let exited = false;
      child.on('exit', () => (exited = true));
      let exitedWhilePaused: boolean | undefined;
      await output.read(child, () => {
        if (exitedWhilePaused !== undefined) return undefined;
        return settleLater((callback) => setTimeout(callback, 400), () => (exitedWhilePaused = exited));
      });
      expect(exitedWhilePaused).toBe(false);
    });

    it('resolves at once for a child that writes nothing', async () => {
      let calls = 0;
      await readChild(lend, '', () => void calls++);
      expect(calls).toBe(0);
    });
  });

  it('closes both ends when the child cannot be spawned at all (an open socket would keep node running)', async () => {
    const output = await childOutput(true);
    const destroy = Socket.prototype.destroy;
    const destroyed: Socket[] = [];
    const spy = vi.spyOn(Socket.prototype, 'destroy').mockImplementation(function (this: Socket, error?: Error) {
      destroyed.push(this);
      return destroy.call(this, error);
    });
    try {
      // What spawn does with an argument node refuses (a NUL byte), E2BIG or ENOMEM: it throws at once.
      expect(() => spawnWith(output, () => spawn('git', ['log', 'a\0b'], { stdio: ['ignore', output.stdio, 'pipe'] }))).toThrow();
    } finally {
      spy.mockRestore();
    }
    expect(new Set(destroyed).size).toBe(2);
    expect(destroyed).toContain(output.stdio);
  });
});
