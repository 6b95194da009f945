import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);

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

export {
  sniffText,
  isUtf16,
  utf8Of,
  decodeText
};
