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
function instantiateKernel(base64, bytes) {
  const kernel = new wasm.Instance(new wasm.Module(Buffer.from(base64, "base64"))).exports;
  const pages = Math.ceil(bytes / 65536);
  kernel.memory.grow(Math.max(0, pages - kernel.memory.buffer.byteLength / 65536));
  return kernel;
}

export {
  utf16Length,
  containsInlineAllow,
  isBase64Byte,
  instantiateKernel
};
