import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/core/secret.js';
import type { MaskStyle } from '../../src/detect/mask.js';
import { redactStream, StreamRedactor } from '../../src/run/redact-stream.js';
import { seededRandom } from '../../src/rules/examples.js';
import { builtin } from '../helpers/engine.js';
import { base64, keyFactory, prefixes, type KeyFactory } from '../helpers/keys.js';

/**
 * `keywarden redact`'s streaming core: the output is the input with exactly the keys replaced,
 * however the input is cut into reads, and each read is released as far as it can be. Expected
 * outputs are built from where the test planted each key, never from what the detector reports.
 */
const engine = builtin().engine;
/** The smallest hold limit, so long lines cross it with test-sized data. */
const holdLimit = 16 * 1024;

const bytes = (text: string) => Buffer.from(text, 'latin1');
const utf8 = (text: string) => Buffer.from(text, 'utf8');

function prefixOf(key: string): string {
  const prefix = Object.values(prefixes).find((p) => key.startsWith(p));
  if (!prefix) throw new Error('not a test key');
  return prefix;
}

/** The masks, written out from their documented forms. */
function expectedMask(key: string, style: MaskStyle): string {
  const prefix = prefixOf(key);
  if (style === 'redacted') return redact(key, prefix);
  if (style === 'stars') return prefix + '*'.repeat(key.length - prefix.length);
  return `${prefix}[sha256:${createHash('sha256').update(key).digest('hex').slice(0, 12)}]`;
}

/** Feed the redactor read by read; returns everything it wrote, and what it wrote and held after each read. */
function feed(reads: Buffer[], mask: MaskStyle = 'redacted'): { out: Buffer; masked: number; perRead: string[]; heldAfterRead: number[] } {
  const redactor = new StreamRedactor({ engine, mask, holdLimit });
  const out: Buffer[] = [];
  const perRead: string[] = [];
  const heldAfterRead: number[] = [];
  // Output buffers are reused by the next call: keep copies.
  const take = (pieces: Buffer[]) => {
    const copy = Buffer.concat(pieces);
    out.push(copy);
    return copy;
  };
  for (const read of reads) {
    perRead.push(take(redactor.push(read)).toString('utf8'));
    heldAfterRead.push(redactor.held);
  }
  take(redactor.end());
  return { out: Buffer.concat(out), masked: redactor.masked, perRead, heldAfterRead };
}

/** Random reads: mostly tiny or small, sometimes up to 64 KiB. */
function splitRandomly(data: Buffer, random: () => number): Buffer[] {
  const reads: Buffer[] = [];
  for (let at = 0; at < data.length; ) {
    const kind = random();
    const size = kind < 0.4 ? 1 + Math.floor(random() * 16) : kind < 0.8 ? 1 + Math.floor(random() * 4096) : 1 + Math.floor(random() * 65536);
    reads.push(data.subarray(at, at + size));
    at += size;
  }
  return reads;
}

// ---- generated streams with planted keys ----

/** Bytes allowed right before a key: none a key character, some escapes the detector sees through. */
const before = [' ', '"', '=', ':', '\t', '\n', '\r\n', "'", '(', '\x1b[1;31m', '\x1b[0m', '%3D', '\\n', '\0', '\xff', '\xc3'];
/**
 * Bytes allowed right after a key. A colour change is followed by a space: one glued to the next
 * word (`KEY ESC[0m word` without the space) joins them, as it would a key cut by grep's colours,
 * and the word is masked with the key.
 */
const after = [' ', '"', '\n', '\r\n', '\r', ',', ';', '&', ')', '\x1b[0m ', '\0', '\xff', '%26', '\\n', '-', '_', '.'];
/** Around base64 text: nothing that is base64 (or padding) itself. */
const base64Before = [' ', '"', ': ', '\n', '\t', '\0'];
const base64After = [' ', '"', '\n', '\r\n', ',', '\0'];

const words = ['INFO', 'WARN', 'request', 'id=42', 'path=/api/v1/chat', 'status=200', 'über', 'naïve', '日本語', 'ok', '{"a":1}', 'x'.repeat(300)];

interface Planted {
  input: Buffer;
  expected: Buffer;
  keys: number;
}

/** Filler that cannot touch a planted key: escape bytes are left out, so no sequence can run into one. */
function filler(random: () => number, keys: KeyFactory, kind: 'binary' | 'text' | 'query', length: number): Buffer {
  if (kind === 'query') {
    // No separator at all: the stream is one long run, cut only by the hold limit.
    let text = '';
    while (text.length < length) text += `&${keys.chars('lower', 1 + Math.floor(random() * 8))}=${keys.chars('alnum', Math.floor(random() * 200))}`;
    return bytes(text);
  }
  if (kind === 'binary') {
    const out = Buffer.alloc(length);
    for (let i = 0; i < length; i++) {
      const byte = Math.floor(random() * 256);
      out[i] = byte === 0x1b ? 0x1a : byte;
    }
    return out;
  }
  const parts: Buffer[] = [];
  let size = 0;
  while (size < length) {
    const pick = random();
    let part: Buffer;
    if (pick < 0.55) part = utf8(words[Math.floor(random() * words.length)] ?? '');
    else if (pick < 0.65) part = bytes(random() < 0.5 ? '\r\n' : '\n');
    else if (pick < 0.7) part = bytes('\x1b[32m');
    else if (pick < 0.75) part = bytes('\x1b[0m');
    else if (pick < 0.8) part = bytes(['\0', '\xff\xfe', '\xc3\x28', '\xe2\x82', '\xed\xa0\x80'][Math.floor(random() * 5)] ?? '');
    // Near misses, which must pass unchanged: too short, a placeholder. (A key glued to a word, or
    // with one hex too many, is no near miss for a filter: it is planted below, and masked.)
    else if (pick < 0.87) part = bytes(` ${prefixes.agentrouter}${keys.chars('alnum', 15)} `);
    else if (pick < 0.93) part = bytes(` ${prefixes.openrouter}your_key_here `);
    // A long run with no newline, so partial lines cross the hold limit.
    else if (pick < 0.95) part = bytes(keys.chars('alnum', Math.floor(random() * 40000)) + ' ');
    else part = bytes(' ');
    parts.push(part);
    size += part.length;
  }
  return Buffer.concat(parts);
}

function plantedStream(seed: number, kind: 'binary' | 'text' | 'query', mask: MaskStyle = 'redacted'): Planted {
  const random = seededRandom(seed);
  const keys = keyFactory(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const input: Buffer[] = [];
  const expected: Buffer[] = [];
  const both = (part: Buffer) => {
    input.push(part);
    expected.push(part);
  };
  const count = 1 + Math.floor(random() * 12);
  for (let i = 0; i < count; i++) {
    both(filler(random, keys, kind, Math.floor(random() * (random() < 0.2 ? 60000 : 3000))));
    const key = pick([
      () => keys.openrouter(),
      () => keys.agentrouter(16 + Math.floor(random() * 113)),
      () => keys.tokenrouterLive(24 + Math.floor(random() * 105)),
      () => keys.tokenrouterTest(24 + Math.floor(random() * 105)),
    ])();
    if (kind === 'query') {
      both(bytes(pick(['=', '%3D', ':'])));
      input.push(bytes(key));
      expected.push(utf8(expectedMask(key, mask)));
      both(bytes(pick(['&', '%26', '.', '-'])));
    } else if (random() < 0.2) {
      both(bytes(pick(base64Before)));
      input.push(bytes(base64(key)));
      expected.push(utf8(`[base64:${expectedMask(key, mask)}]`));
      both(bytes(pick(base64After)));
    } else if (random() < 0.15) {
      // Glued to a word before it, or (a hex body) to one more hex digit after it: masked all the same.
      both(bytes(` ${pick(['sep', 'x', '_', '9'])}`));
      input.push(bytes(key));
      expected.push(utf8(expectedMask(key, mask)));
      both(bytes(key.startsWith(prefixes.openrouter) ? `${pick(['0', 'f', 'g'])} ` : ' '));
    } else {
      both(bytes(pick(before)));
      input.push(bytes(key));
      expected.push(utf8(expectedMask(key, mask)));
      both(bytes(pick(after)));
    }
  }
  both(filler(random, keys, kind, Math.floor(random() * 3000)));
  return { input: Buffer.concat(input), expected: Buffer.concat(expected), keys: count };
}

describe('redact changes nothing but keys (property)', () => {
  for (const kind of ['text', 'binary', 'query'] as const) {
    it(`${kind} streams with planted keys, cut into random reads`, () => {
      for (let seed = 1; seed <= 60; seed++) {
        const { input, expected, keys } = plantedStream(seed * 7919 + ['text', 'binary', 'query'].indexOf(kind), kind);
        const random = seededRandom(seed);
        for (let split = 0; split < 4; split++) {
          const { out, masked } = feed(split === 0 ? [input] : splitRandomly(input, random));
          // Compared as buffers, so a mismatch reports its position rather than a 100 KB diff.
          if (!out.equals(expected)) {
            let at = 0;
            while (out[at] === expected[at]) at++;
            expect.fail(`seed ${seed} split ${split}: output differs at byte ${at} of ${expected.length}: ${JSON.stringify(out.toString('latin1', at - 20, at + 40))}`);
          }
          expect(masked, `seed ${seed} split ${split}`).toBe(keys);
        }
      }
    });
  }

  it.each(['hash', 'stars'] as const)('--mask %s replaces the same bytes', (mask) => {
    for (let seed = 1; seed <= 10; seed++) {
      const { input, expected } = plantedStream(seed, 'text', mask);
      expect(feed(splitRandomly(input, seededRandom(seed)), mask).out.equals(expected), `seed ${seed}`).toBe(true);
    }
  });

  it('leaves its own output alone: redacting twice is redacting once', () => {
    for (const mask of ['redacted', 'hash', 'stars'] as const) {
      const { input } = plantedStream(99, 'text', mask);
      const once = feed([input], mask);
      const twice = feed([once.out], mask);
      expect(twice.masked).toBe(0);
      expect(twice.out.equals(once.out)).toBe(true);
    }
  });
});

describe('what redact holds back, and when it lets go', () => {
  const keys = keyFactory(0x7265);
  const or = keys.openrouter();
  const ar = keys.agentrouter();

  it('releases each read up to its last separator; only a word that could still be (part of) a key waits', () => {
    const { perRead, heldAfterRead, out } = feed([
      bytes('first line\nsecond'),
      bytes(' part\nthird'),
      bytes('Password: '),
      bytes(`using key ${or.slice(0, 20)}`),
      bytes(`${or.slice(20)} done`),
    ]);
    expect(perRead).toEqual(['first line\n', 'second part\n', 'thirdPassword: ', 'using key ', `${redact(or, prefixes.openrouter)} `]);
    expect(heldAfterRead).toEqual(['second'.length, 'third'.length, 0, 20, 'done'.length]);
    expect(out.toString()).toBe(`first line\nsecond part\nthirdPassword: using key ${redact(or, prefixes.openrouter)} done`);
  });

  it('masks a key split across two reads, wherever the split falls', () => {
    const line = `token=${or}\n`;
    for (let cut = 1; cut < line.length; cut++) {
      const { out, masked } = feed([bytes(line.slice(0, cut)), bytes(line.slice(cut))]);
      expect(out.toString('utf8')).toBe(`token=${redact(or, prefixes.openrouter)}\n`);
      expect(masked).toBe(1);
    }
  });

  it('holds a word being written that could still grow into a key', () => {
    // `sk-ar-` with 15 characters is not a key yet; a 16th makes it one.
    const short = ar.slice(0, prefixes.agentrouter.length + 15);
    const { out, perRead } = feed([bytes(`a ${short}`), bytes(ar.slice(short.length)), bytes(' b')]);
    expect(perRead).toEqual(['a ', '', `${redact(ar, prefixes.agentrouter)} `]);
    expect(out.toString()).toBe(`a ${redact(ar, prefixes.agentrouter)} b`);
  });

  it('sees escapes that end right before a key across a read edge (ANSI, %3D, \\n)', () => {
    for (const [head, tail] of [['\x1b[1;', '31m'], ['key%', '3D'], ['"\\', 'n']]) {
      const { out, masked } = feed([bytes(`${head}`), bytes(`${tail}${ar}"\n`)]);
      expect(masked, head).toBe(1);
      expect(out.toString('utf8')).toBe(`${head}${tail}${redact(ar, prefixes.agentrouter)}"\n`);
    }
  });

  it('keeps memory bounded on a long line without separators, and masks keys across every cut', () => {
    const redactor = new StreamRedactor({ engine, holdLimit });
    const random = seededRandom(5);
    const expected: Buffer[] = [];
    const out: Buffer[] = [];
    let maxHeld = 0;
    for (let i = 0; i < 400; i++) {
      const pad = keys.chars('alnum', Math.floor(random() * 3000));
      const key = i % 3 === 0 ? keys.openrouter() : keys.tokenrouterLive(24 + (i % 100));
      // A query string: `=` before a key and `&` after it end the key, but neither is a separator.
      const piece = `${pad}&k=${key}&`;
      expected.push(utf8(`${pad}&k=${redact(key, prefixOf(key))}&`));
      // Reads cut at odd places, so keys straddle them.
      for (let at = 0; at < piece.length; at += 777) {
        out.push(...redactor.push(bytes(piece.slice(at, at + 777))).map((b) => Buffer.from(b)));
        maxHeld = Math.max(maxHeld, redactor.held);
      }
    }
    out.push(...redactor.end().map((b) => Buffer.from(b)));
    expect(Buffer.concat(out).equals(Buffer.concat(expected))).toBe(true);
    expect(redactor.masked).toBe(400);
    expect(maxHeld).toBeLessThanOrEqual(holdLimit);
  });

  it('masks the same keys after the prefilter is tuned to the stream (past its first MiB)', () => {
    const random = seededRandom(11);
    const input: Buffer[] = [];
    const expected: Buffer[] = [];
    for (let i = 0; i < 80; i++) {
      const lines = Array.from({ length: 1000 }, (_, n) => `2026-11-24T10:00:${String(n % 60).padStart(2, '0')}Z INFO [w${n % 8}] id=${n * 7919} ok\n`).join('');
      const key = [keys.openrouter(), keys.agentrouter(), keys.tokenrouterLive(), keys.tokenrouterTest()][i % 4] ?? '';
      const plain = random() < 0.75;
      input.push(utf8(`${lines}auth: ${plain ? key : base64(key)}\n`));
      expected.push(utf8(`${lines}auth: ${plain ? redact(key, prefixOf(key)) : `[base64:${redact(key, prefixOf(key))}]`}\n`));
    }
    const data = Buffer.concat(input);
    expect(data.length).toBeGreaterThan(3 * 1024 * 1024);
    const { out, masked } = feed(splitRandomly(data, random));
    expect(masked).toBe(80);
    expect(out.equals(Buffer.concat(expected))).toBe(true);
  });

  it('takes a huge read in pieces', () => {
    const pad = 'a'.repeat(200_000);
    const { out, masked } = feed([bytes(`${pad} ${or} ${pad} ${ar}`)]);
    expect(masked).toBe(2);
    expect(out.toString()).toBe(`${pad} ${redact(or, prefixes.openrouter)} ${pad} ${redact(ar, prefixes.agentrouter)}`);
  });

  it('masks keys on lines marked keywarden:allow too, and leaves placeholders and mere mentions of a prefix alone', () => {
    const text = [
      `${or} # keywarden:allow`,
      `${prefixes.openrouter}your_key_here`,
      `${prefixes.agentrouter}${'x'.repeat(16)}`,
      `${prefixes.tokenrouterLive}1234567890abcdef12345678`,
      `${prefixes.agentrouter}${'ab'.repeat(10)}`,
      '',
    ].join('\n');
    expect(feed([bytes(text)]).out.toString()).toBe(text.replace(or, redact(or, prefixes.openrouter)));
  });

  it('masks a key whose random body happens to spell a placeholder word (reports skip those)', () => {
    // About one random 32-character body in 9,000 holds `fake`, `here` or `your` somewhere.
    const unlucky = `${prefixes.tokenrouterTest}${keys.body('alnum', 14)}FakE${keys.body('alnum', 14)}`;
    expect(feed([bytes(`Bearer ${unlucky}\n`)]).out.toString()).toBe(`Bearer ${redact(unlucky, prefixes.tokenrouterTest)}\n`);
  });

  it('replaces the base64 characters that encode a key, and only those in a longer blob', () => {
    const secret = `  openrouter-key: ${base64(or)}\n`;
    expect(feed([bytes(secret)]).out.toString()).toBe(`  openrouter-key: [base64:${redact(or, prefixes.openrouter)}]\n`);
    // The key 30 bytes into a longer blob: characters carrying no bit of the key stay.
    const blob = base64(`${'x'.repeat(29)}"${or}"${'y'.repeat(29)}`);
    const out = feed([bytes(`data: ${blob}\n`)]).out.toString();
    expect(out).toBe(`data: ${blob.slice(0, 40)}[base64:${redact(or, prefixes.openrouter)}]${blob.slice(Math.ceil(((30 + or.length) * 4) / 3))}\n`);
  });
});

describe('redactStream', () => {
  const keys = keyFactory(0x7273);
  const or = keys.openrouter();

  async function* slowly(parts: string[], pauseMs: number) {
    for (const part of parts) {
      yield bytes(part);
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }

  it('writes what each read allows before asking for the next one', async () => {
    const written: { read: number; text: string }[] = [];
    let reads = 0;
    async function* input() {
      for (const part of ['Password: ', `${or.slice(0, 12)}`, `${or.slice(12)}\n`]) {
        reads++;
        yield bytes(part);
      }
    }
    const { masked } = await redactStream(input(), (chunk) => void written.push({ read: reads, text: chunk.toString() }), { engine });
    expect(masked).toBe(1);
    expect(written).toEqual([
      { read: 1, text: 'Password: ' },
      { read: 3, text: `${redact(or, prefixes.openrouter)}\n` },
    ]);
  });

  it('waits for a slow writer (backpressure) and counts keys', async () => {
    const out: Buffer[] = [];
    const write = async (chunk: Buffer) => {
      const copy = Buffer.from(chunk);
      await new Promise((resolve) => setTimeout(resolve, 5));
      out.push(copy);
    };
    const { masked } = await redactStream(slowly([`a ${or}\n`, 'b\n', `${or}`], 1), write, { engine });
    expect(masked).toBe(2);
    expect(Buffer.concat(out).toString()).toBe(`a ${redact(or, prefixes.openrouter)}\nb\n${redact(or, prefixes.openrouter)}`);
  });

  it('stops reading when a write fails, and passes the error on', async () => {
    let finished = false;
    async function* endless() {
      try {
        for (;;) yield bytes('line\n');
      } finally {
        finished = true;
      }
    }
    await expect(
      redactStream(endless(), () => {
        throw new Error('closed');
      }, { engine }),
    ).rejects.toThrow('closed');
    expect(finished).toBe(true);
  });
});
