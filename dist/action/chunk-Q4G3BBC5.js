import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);

// src/core/text.ts
function utf16Length(data, start, end) {
  let units = 0;
  for (let i = start; i < end; i++) {
    const byte = data[i] ?? 0;
    if ((byte & 192) !== 128) units += byte >= 240 ? 2 : 1;
  }
  return units;
}
var inlineAllowMarkers = [Buffer.from("keywarden:allow"), Buffer.from("gitleaks:allow")];
function containsInlineAllow(bytes) {
  return inlineAllowMarkers.some((marker) => bytes.indexOf(marker) !== -1);
}
function isBase64Byte(byte) {
  return byte !== void 0 && (byte >= 65 && byte <= 90 || byte >= 97 && byte <= 122 || byte >= 48 && byte <= 57 || byte === 43 || byte === 47 || byte === 45 || byte === 95);
}

// src/core/simd/instantiate.ts
var wasm = globalThis.WebAssembly;
var kernelChunk = 1 << 20;
var kernelPadding = 64;
var region = kernelChunk + kernelPadding;
var teddyOut = 128;
var teddyOutCapacity = 16 * 1024;
var teddyData = teddyOut + 4 * teddyOutCapacity;
var countData = teddyData + region;
var reads = [countData + region, countData + 2 * region];
var size = reads[1] + region;
var layout = { teddyOut, teddyOutCapacity, teddyData, countData, reads };
var shared;
function kernelMemory() {
  if (shared !== void 0) return shared;
  try {
    const pages = Math.ceil(size / 65536);
    const memory = new wasm.Memory({ initial: pages, maximum: pages });
    shared = { memory, bytes: new Uint8Array(memory.buffer) };
  } catch {
    shared = null;
  }
  return shared;
}
function instantiateKernel(base64) {
  const shared2 = kernelMemory();
  if (!shared2) throw new Error("WebAssembly is unavailable");
  return new wasm.Instance(new wasm.Module(Buffer.from(base64, "base64")), { env: { memory: shared2.memory } }).exports;
}
function offsetInKernelMemory(data) {
  return shared && data.buffer === shared.memory.buffer ? data.byteOffset : -1;
}

export {
  utf16Length,
  containsInlineAllow,
  isBase64Byte,
  kernelChunk,
  kernelPadding,
  layout,
  kernelMemory,
  instantiateKernel,
  offsetInKernelMemory
};
