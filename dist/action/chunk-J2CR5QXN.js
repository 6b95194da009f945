import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);

// src/sources/long-path.ts
import { closeSync, constants, existsSync, openSync } from "node:fs";
var maxPathBytes = 4e3;
var hopBytes = 3e3;
var procFd = "/proc/self/fd";
var procFdPresent;
function canOpenRelative() {
  return procFdPresent ??= existsSync(procFd);
}
function throughDescriptor(fd, rest) {
  const base = `${procFd}/${fd}`;
  return rest === void 0 ? base : joinPath(base, rest);
}
function bytesOf(path) {
  return typeof path === "string" ? Buffer.from(path, "utf8") : path;
}
function pathLength(path) {
  return typeof path === "string" ? Buffer.byteLength(path) : path.byteLength;
}
function joinPath(dir, name) {
  if (typeof dir === "string" && typeof name === "string") return `${dir}/${name}`;
  return Buffer.concat([bytesOf(dir), Buffer.from("/"), bytesOf(name)]);
}
function nameOf(bytes) {
  const text = bytes.toString("utf8");
  return { text, path: !text.includes("\uFFFD") || Buffer.from(text, "utf8").equals(bytes) ? text : Buffer.from(bytes) };
}
function tooLong() {
  return Object.assign(new Error("ENAMETOOLONG: name too long"), { code: "ENAMETOOLONG" });
}
function openLong(path, flags = constants.O_RDONLY) {
  if (pathLength(path) <= maxPathBytes) return openSync(path, flags);
  if (!canOpenRelative()) throw tooLong();
  const bytes = bytesOf(path);
  let dir;
  try {
    for (let at = 0; ; ) {
      const rest = bytes.subarray(at);
      const base = dir === void 0 ? rest : throughDescriptor(dir, rest);
      if (pathLength(base) <= maxPathBytes) return openSync(base, flags);
      const cut = bytes.lastIndexOf(47, at + hopBytes);
      if (cut <= at) throw tooLong();
      const piece = bytes.subarray(at, cut);
      const next = openSync(dir === void 0 ? piece : throughDescriptor(dir, piece), constants.O_RDONLY | constants.O_DIRECTORY);
      if (dir !== void 0) closeSync(dir);
      dir = next;
      at = cut + 1;
    }
  } finally {
    if (dir !== void 0) closeSync(dir);
  }
}

// src/sources/files.ts
import { closeSync as closeSync2, fstatSync, readSync } from "node:fs";

// src/sources/gzip.ts
import zlib, { createInflateRaw } from "node:zlib";
var maxHeaderText = 64 * 1024;
var queueLimit = 4 * 1024 * 1024;
var crc32 = zlib.crc32;

// src/sources/text-encoding.ts
var sniffLength = 8e3;
function isAsciiTextUnit(unit) {
  return unit >= 32 && unit < 127 || unit === 9 || unit === 10 || unit === 13;
}
function readsAsUtf16(sample, littleEndian, marked) {
  const units = sample.length >> 1;
  let ascii = 0;
  for (let i = 0; i < units; i++) {
    const low = sample[2 * i + (littleEndian ? 0 : 1)] ?? 0;
    const high = sample[2 * i + (littleEndian ? 1 : 0)] ?? 0;
    const unit = high << 8 | low;
    if (unit === 0) return false;
    if (isAsciiTextUnit(unit)) ascii++;
  }
  return marked || units > 0 && 2 * ascii >= units;
}
function sniffText(head) {
  const sample = head.subarray(0, sniffLength);
  const first = sample[0];
  const second = sample[1];
  if (first === 255 && second === 254) return readsAsUtf16(sample.subarray(2), true, true) ? "utf16le" : "binary";
  if (first === 254 && second === 255) return readsAsUtf16(sample.subarray(2), false, true) ? "utf16be" : "binary";
  if (sample.indexOf(0) === -1) return "utf8";
  if (readsAsUtf16(sample, true, false)) return "utf16le";
  if (readsAsUtf16(sample, false, false)) return "utf16be";
  return "binary";
}
function isUtf16(kind) {
  return kind === "utf16le" || kind === "utf16be";
}
var anySurrogate = /[\uD800-\uDFFF]/;
function wtf8(text) {
  if (!anySurrogate.test(text)) return Buffer.from(text, "utf8");
  const out = Buffer.allocUnsafe(text.length * 3);
  let at = 0;
  for (const char of text) {
    const point = char.codePointAt(0) ?? 0;
    if (point < 128) {
      out[at++] = point;
    } else if (point < 2048) {
      out[at++] = 192 | point >> 6;
      out[at++] = 128 | point & 63;
    } else if (point < 65536) {
      out[at++] = 224 | point >> 12;
      out[at++] = 128 | point >> 6 & 63;
      out[at++] = 128 | point & 63;
    } else {
      out[at++] = 240 | point >> 18;
      out[at++] = 128 | point >> 12 & 63;
      out[at++] = 128 | point >> 6 & 63;
      out[at++] = 128 | point & 63;
    }
  }
  return out.subarray(0, at);
}
function swapped(data) {
  return Buffer.from(data).swap16();
}
var Utf16Decoder = class {
  #littleEndian;
  #pending = Buffer.alloc(0);
  #started = false;
  bom = false;
  constructor(kind) {
    this.#littleEndian = kind === "utf16le";
  }
  push(chunk) {
    let data = this.#pending.length > 0 ? Buffer.concat([this.#pending, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (!this.#started) {
      if (data.length < 2) {
        this.#pending = Buffer.from(data);
        return Buffer.alloc(0);
      }
      this.#started = true;
      this.bom = this.#littleEndian ? data[0] === 255 && data[1] === 254 : data[0] === 254 && data[1] === 255;
      if (this.bom) data = data.subarray(2);
    }
    let end = data.length & ~1;
    const lastHigh = this.#littleEndian ? data[end - 1] : data[end - 2];
    if (end >= 2 && lastHigh !== void 0 && lastHigh >= 216 && lastHigh <= 219) end -= 2;
    this.#pending = Buffer.from(data.subarray(end));
    return this.#decode(data.subarray(0, end));
  }
  /** The end of input: a surrogate half still waiting is decoded alone; an odd last byte is returned apart, undecoded. */
  end() {
    const even = this.#pending.length & ~1;
    const text = this.#decode(this.#pending.subarray(0, even));
    const oddByte = Buffer.from(this.#pending.subarray(even));
    this.#pending = Buffer.alloc(0);
    return { text, oddByte };
  }
  #decode(units) {
    if (units.length === 0) return Buffer.alloc(0);
    const little = this.#littleEndian ? Buffer.from(units.buffer, units.byteOffset, units.byteLength) : swapped(units);
    return wtf8(little.toString("utf16le"));
  }
};
function utf8Of(data) {
  const kind = sniffText(data);
  return isUtf16(kind) ? decodeText(data) ?? data : data;
}
function decodeText(data) {
  const kind = sniffText(data);
  if (kind === "binary") return void 0;
  if (kind === "utf8") return data;
  const decoder = new Utf16Decoder(kind);
  const text = decoder.push(data);
  const rest = decoder.end().text;
  return rest.length > 0 ? Buffer.concat([text, rest]) : text;
}

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

// src/sources/windows.ts
var defaultWindowSize = 16 * 1024 * 1024;

// src/sources/files.ts
var scratch = Buffer.allocUnsafe(1024 * 1024);
var streamChunkSize = 1024 * 1024;
function readUpTo(path, maxBytes, looksRight = () => true) {
  const fd = openLong(path);
  try {
    const stats = fstatSync(fd);
    if (stats.isFile() && stats.size > maxBytes) return { data: Buffer.alloc(0), more: true };
    const parts = [];
    let total = 0;
    for (; ; ) {
      const buffer = Buffer.allocUnsafe(Math.min(1024 * 1024, maxBytes + 1 - total));
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) return { data: Buffer.concat(parts, total), more: false };
      if (total === 0 && !looksRight(buffer.subarray(0, n))) return { data: Buffer.alloc(0), more: false, wrong: true };
      parts.push(buffer.subarray(0, n));
      total += n;
      if (total > maxBytes) return { data: Buffer.concat(parts, total).subarray(0, maxBytes), more: true };
    }
  } finally {
    closeSync2(fd);
  }
}

export {
  utf16Length,
  containsInlineAllow,
  isBase64Byte,
  sniffText,
  isUtf16,
  utf8Of,
  decodeText,
  hopBytes,
  canOpenRelative,
  throughDescriptor,
  pathLength,
  joinPath,
  nameOf,
  readUpTo
};
