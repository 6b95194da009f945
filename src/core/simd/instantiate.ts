/** The part of the WebAssembly API the kernels use (node's types leave it to lib.dom). */
const wasm = (globalThis as unknown as { WebAssembly: { Module: new (bytes: Uint8Array) => object; Instance: new (module: object) => { exports: unknown } } }).WebAssembly;

/** A kernel's memory: its views are made once, since a kernel's memory never grows after loading. */
export interface KernelMemory {
  buffer: ArrayBuffer;
  grow: (pages: number) => number;
}

/**
 * Instantiates a kernel assembled by scripts/build-wasm.mjs (its bytes in base64) with at least
 * `bytes` of memory; throws where WebAssembly or its SIMD instructions are unavailable.
 */
export function instantiateKernel<T extends { memory: KernelMemory }>(base64: string, bytes: number): T {
  const kernel = new wasm.Instance(new wasm.Module(Buffer.from(base64, 'base64'))).exports as T;
  const pages = Math.ceil(bytes / 65536);
  kernel.memory.grow(Math.max(0, pages - kernel.memory.buffer.byteLength / 65536));
  return kernel;
}
