import { instantiateKernel, kernelChunk, kernelMemory, kernelPadding, layout, offsetInKernelMemory } from '../../core/simd/instantiate.js';
import { teddyWasm } from './teddy-module.js';

/**
 * The prefilter's single pass: every anchor searched at once by a SIMD kernel in WebAssembly
 * (teddy.wat), instead of one `Buffer#indexOf` pass per anchor (fifteen passes for the built-in
 * rules). The kernel only narrows: it reports positions whose first three bytes may start an
 * anchor of some bucket, and each is checked here byte for byte, so which anchors are found never
 * depends on it. Anchors go into up to eight buckets; anchors alike (by their first bytes) share
 * one, so the nibble tables admit few byte pairs no anchor has.
 */

export interface TeddyPlan {
  /** The kernel's six 16-byte nibble tables: low then high nibble for anchor bytes 0, 1 and 2. */
  tables: Uint8Array;
  /** Indexes of the anchors in each bucket (bucket i is bit i of a candidate's mask). */
  buckets: number[][];
}

const bucketCount = 8;
/** Anchor bytes the kernel looks at; longer anchors' further bytes are checked here. */
const fingerprintLength = 3;

/**
 * Bucket the anchors and build the kernel's tables; undefined when the kernel cannot take them
 * (an empty anchor, or a NUL byte: the kernel's padding). `byteFrequency` (0–1 each) steers the
 * bucketing: a bucket admits every byte whose nibbles its anchors have at each place, so two
 * anchors share one where that admits the fewest frequent byte triples (`tr_test_`'s `_te` with
 * `jEt` would admit `out`).
 */
export function planTeddy(anchors: readonly Uint8Array[], byteFrequency: (byte: number) => number): TeddyPlan | undefined {
  if (anchors.length === 0 || anchors.some((anchor) => anchor.length === 0 || anchor.subarray(0, fingerprintLength).includes(0))) return undefined;
  const frequency = Float64Array.from({ length: 256 }, (_, byte) => byteFrequency(byte));
  const costOf = (members: readonly number[]) => admittedFrequency(placeMasks(members.map((index) => anchors[index]!)), frequency);
  let buckets = anchors.map((_, index) => ({ members: [index], cost: costOf([index]) }));
  while (buckets.length > bucketCount) {
    let best = { a: 0, b: 1, added: Infinity, cost: 0 };
    for (let a = 0; a < buckets.length; a++) {
      for (let b = a + 1; b < buckets.length; b++) {
        const cost = costOf([...buckets[a]!.members, ...buckets[b]!.members]);
        const added = cost - buckets[a]!.cost - buckets[b]!.cost;
        if (added < best.added) best = { a, b, added, cost };
      }
    }
    const merged = { members: [...buckets[best.a]!.members, ...buckets[best.b]!.members], cost: best.cost };
    buckets = [...buckets.filter((_, index) => index !== best.a && index !== best.b), merged];
  }
  const members = buckets.map((bucket) => bucket.members);
  return { tables: nibbleTables(members.map((indexes) => placeMasks(indexes.map((index) => anchors[index]!)))), buckets: members };
}

/** What a bucket admits at one fingerprint place: the low and the high nibbles its anchors have there, as 16-bit masks. */
interface PlaceMask {
  lows: number;
  highs: number;
}

/** For each fingerprint place, the nibbles these anchors have there; all of them where one is too short (it takes any byte). */
function placeMasks(anchors: readonly Uint8Array[]): PlaceMask[] {
  return Array.from({ length: fingerprintLength }, (_, at) => {
    let lows = 0;
    let highs = 0;
    for (const anchor of anchors) {
      const byte = anchor[at];
      lows |= byte === undefined ? 0xffff : 1 << (byte & 15);
      highs |= byte === undefined ? 0xffff : 1 << (byte >> 4);
    }
    return { lows, highs };
  });
}

/** How often a bucket flags a position: the product, over the fingerprint's places, of the frequency of the bytes admitted there (every byte whose low and high nibbles are both admitted). */
function admittedFrequency(places: readonly PlaceMask[], frequency: Float64Array): number {
  let product = 1;
  for (const { lows, highs } of places) {
    // Any byte admitted: the place narrows nothing.
    if (lows === 0xffff && highs === 0xffff) continue;
    let sum = 0;
    for (let high = 0; high < 16; high++) {
      if (!(highs & (1 << high))) continue;
      for (let low = 0; low < 16; low++) if (lows & (1 << low)) sum += frequency[(high << 4) | low]!;
    }
    product *= sum;
  }
  return product;
}

/** The kernel's six 16-byte tables from each bucket's place masks: for each place, the buckets admitting each low nibble, then each high nibble. */
function nibbleTables(buckets: readonly PlaceMask[][]): Uint8Array {
  const tables = new Uint8Array(16 * 2 * fingerprintLength);
  buckets.forEach((places, bucket) => {
    places.forEach(({ lows, highs }, at) => {
      for (let nibble = 0; nibble < 16; nibble++) {
        if (lows & (1 << nibble)) tables[32 * at + nibble]! |= 1 << bucket;
        if (highs & (1 << nibble)) tables[32 * at + 16 + nibble]! |= 1 << bucket;
      }
    });
  });
  return tables;
}

interface Kernel {
  scan: (data: number, length: number, from: number, out: number, capacity: number) => number;
  resume: { value: number };
}

/** Data scanned at a time; candidates are `position << 8 | buckets`, so a chunk stays under 2^24 bytes. */
const chunkSize = kernelChunk;

/** The instantiated kernel with views on the thread's kernel memory, and the plan whose tables it holds. */
interface Loaded {
  kernel: Kernel;
  bytes: Uint8Array;
  out: Int32Array;
  plan?: TeddyPlan;
}

let loaded: Loaded | null | undefined;

/** The kernel, instantiated once per thread; null where WebAssembly SIMD is unavailable (the indexOf passes are used then). */
function loadKernel(): Loaded | null {
  if (loaded !== undefined) return loaded;
  try {
    const kernel = instantiateKernel<Kernel>(teddyWasm);
    const { memory, bytes } = kernelMemory()!;
    loaded = { kernel, bytes, out: new Int32Array(memory.buffer, layout.teddyOut, layout.teddyOutCapacity) };
  } catch {
    loaded = null;
  }
  return loaded;
}

/**
 * Call `visit(position, buckets)` for each candidate position in `data`, in increasing order:
 * every position where an anchor starts is among them. False when the kernel is unavailable
 * (nothing was visited).
 */
export function forEachCandidate(data: Uint8Array, plan: TeddyPlan, visit: (position: number, buckets: number) => void): boolean {
  const k = loadKernel();
  if (!k) return false;
  const { kernel, bytes, out } = k;
  if (k.plan !== plan) {
    bytes.set(plan.tables, 0);
    k.plan = plan;
  }
  // Data read into the kernel memory is scanned where it is: what follows it there (the rest of its read,
  // or another's bytes) can only add candidates, never hide one, since an anchor must fit within the data.
  const inPlace = offsetInKernelMemory(data);
  for (let start = 0; start < data.length; start += chunkSize) {
    const length = Math.min(chunkSize, data.length - start);
    let at = inPlace + start;
    if (inPlace === -1) {
      // The chunk, the two bytes after it (an anchor starting at its end), then zeros to the region's end.
      const copied = Math.min(length + fingerprintLength - 1, data.length - start);
      bytes.set(data.subarray(start, start + copied), layout.teddyData);
      bytes.fill(0, layout.teddyData + copied, layout.teddyData + copied + kernelPadding - (fingerprintLength - 1));
      at = layout.teddyData;
    }
    let from = 0;
    while (from < length) {
      const found = kernel.scan(at, length, from, layout.teddyOut, layout.teddyOutCapacity);
      for (let i = 0; i < found; i++) {
        const candidate = out[i]!;
        const position = candidate >>> 8;
        // Positions past the chunk's end belong to the next chunk, or lie past the data (in place, the kernel's last
        // step reads on into whatever follows it in memory).
        if (position < length) visit(start + position, candidate & 0xff);
      }
      from = kernel.resume.value;
    }
  }
  return true;
}
