import { countByteWasm } from './simd/count-byte-module.js';
import { instantiateKernel, kernelChunk, kernelMemory, layout, offsetInKernelMemory } from './simd/instantiate.js';

/**
 * How many times a byte occurs: the line count every window hands the next (a 1 GB log is
 * 7.5 million lines). One `indexOf` call per occurrence cost ~150 ms per GB, a fifth of `logs`;
 * a SIMD kernel (count-byte.wat) counts sixteen bytes a step, in place when the data was read
 * into the kernel memory (a log's reads), else after a copy into it (~65 ms per GB with the copy).
 * Short data, and machines without WebAssembly SIMD, count with `indexOf`.
 */

interface Kernel {
  count: (data: number, length: number, byte: number) => number;
}

/** Below this, the copy and the call cost more than they save. */
const minimumForKernel = 4096;

let loaded: { kernel: Kernel; bytes: Uint8Array } | null | undefined;

/** The kernel, instantiated once per thread; null where WebAssembly SIMD is unavailable. */
function loadKernel(): { kernel: Kernel; bytes: Uint8Array } | null {
  if (loaded !== undefined) return loaded;
  try {
    const kernel = instantiateKernel<Kernel>(countByteWasm);
    loaded = { kernel, bytes: kernelMemory()!.bytes };
  } catch {
    loaded = null;
  }
  return loaded;
}

/** Occurrences of `byte` in `data[from, end)`, one `indexOf` per occurrence. */
function countByIndexOf(data: Uint8Array, byte: number, from: number, end: number): number {
  let count = 0;
  for (let at = data.indexOf(byte, from); at !== -1 && at < end; at = data.indexOf(byte, at + 1)) count++;
  return count;
}

/** How many times `byte` occurs in `data[0, end)`. */
export function countByte(data: Uint8Array, byte: number, end = data.length): number {
  const k = end >= minimumForKernel ? loadKernel() : null;
  if (!k) return countByIndexOf(data, byte, 0, end);
  // Whole 16-byte blocks through the kernel; the last few bytes here.
  const blocks = end - (end % 16);
  const inPlace = offsetInKernelMemory(data);
  if (inPlace !== -1) return k.kernel.count(inPlace, blocks, byte) + countByIndexOf(data, byte, blocks, end);
  let count = 0;
  for (let start = 0; start < blocks; start += kernelChunk) {
    const length = Math.min(kernelChunk, blocks - start);
    k.bytes.set(data.subarray(start, start + length), layout.countData);
    count += k.kernel.count(layout.countData, length, byte);
  }
  return count + countByIndexOf(data, byte, blocks, end);
}
