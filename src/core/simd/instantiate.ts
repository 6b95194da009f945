/**
 * One WebAssembly memory per thread for every SIMD kernel (the prefilter's detect/simd/teddy.wat,
 * the line counter's core/simd/count-byte.wat), laid out once. Bytes a source reads straight into
 * it (`borrowKernelReadBuffers`: a log's reads) are scanned and counted where they are; anything else is
 * copied into the kernel's own region first. The memory never grows, so views on it stay valid.
 */

/** The part of the WebAssembly API the kernels use (node's types leave it to lib.dom). */
interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum: number }) => { buffer: ArrayBuffer };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** Bytes copied (or read) into the memory at a time. */
export const kernelChunk = 1 << 20;
/** Bytes after every data region: a kernel reads up to 16 + 2 bytes past its last position. */
export const kernelPadding = 64;
const region = kernelChunk + kernelPadding;

// teddy.wat's tables and scratch sit at fixed addresses below 128; then its candidates (4 bytes
// each), then one data region for each kernel's copies and two for reads.
const teddyOut = 128;
const teddyOutCapacity = 16 * 1024;
const teddyData = teddyOut + 4 * teddyOutCapacity;
const countData = teddyData + region;
const reads = [countData + region, countData + 2 * region] as const;
const size = reads[1] + region;

/** Where each kernel keeps what. */
export const layout = { teddyOut, teddyOutCapacity, teddyData, countData, reads } as const;

let shared: { memory: { buffer: ArrayBuffer }; bytes: Uint8Array } | null | undefined;

/** The thread's kernel memory; null where WebAssembly is unavailable. */
export function kernelMemory(): { memory: { buffer: ArrayBuffer }; bytes: Uint8Array } | null {
  if (shared !== undefined) return shared;
  try {
    const pages = Math.ceil(size / 65536);
    const memory = new wasm.Memory({ initial: pages, maximum: pages });
    shared = { memory, bytes: new Uint8Array(memory.buffer) };
  } catch {
    shared = null;
  }
  return shared;
}

/** Instantiates a kernel assembled by scripts/build-wasm.mjs (its bytes in base64) over the thread's memory; throws where WebAssembly SIMD is unavailable. */
export function instantiateKernel<T>(base64: string): T {
  const shared = kernelMemory();
  if (!shared) throw new Error('WebAssembly is unavailable');
  return new wasm.Instance(new wasm.Module(Buffer.from(base64, 'base64')), { env: { memory: shared.memory } }).exports as T;
}

/** Where `data` lies in the kernel memory, or -1 when it lies elsewhere (then a kernel copies it in). */
export function offsetInKernelMemory(data: Uint8Array): number {
  return shared && data.buffer === shared.memory.buffer ? data.byteOffset : -1;
}

let readsLent = false;

/**
 * Two read buffers of `kernelChunk` bytes inside the kernel memory, for a reader whose caller is
 * done with each chunk once it asks for the next (`readLog`'s `reuseBuffers`), lent to one reader
 * at a time until it calls `release`; undefined while they are lent or where WebAssembly is unavailable.
 */
export function borrowKernelReadBuffers(): { buffers: [Buffer, Buffer]; release: () => void } | undefined {
  const shared = kernelMemory();
  if (!shared || readsLent) return undefined;
  readsLent = true;
  const buffers: [Buffer, Buffer] = [Buffer.from(shared.memory.buffer, layout.reads[0], kernelChunk), Buffer.from(shared.memory.buffer, layout.reads[1], kernelChunk)];
  let released = false;
  return {
    buffers,
    release: () => {
      if (released) return;
      released = true;
      readsLent = false;
    },
  };
}
