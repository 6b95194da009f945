import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);
import {
  authorOf,
  gitHubClient,
  httpStatus,
  isTrustedAuthor,
  listAll,
  sameBody
} from "./chunk-5OBIPVHM.js";
import {
  builtinRulesDir,
  readRuleCache
} from "./chunk-4UID5OHX.js";
import {
  Secret,
  countByStatus,
  describeOutcome,
  distinctFiles,
  escalationOf,
  fakeAdvice,
  isVerified,
  placeOf,
  plainText,
  printable,
  redact,
  sha256,
  statusOf,
  statusSummary,
  verificationOf,
  withoutBidi
} from "./chunk-HQYL6ITT.js";
import {
  createPinnedClient,
  refusal
} from "./chunk-CFVY2CGA.js";
import {
  fetchClient
} from "./chunk-NCL6JRMM.js";
import {
  gitOutput
} from "./chunk-V4Q45ZKT.js";
import {
  containsInlineAllow,
  instantiateKernel,
  isBase64Byte,
  kernelChunk,
  kernelMemory,
  kernelPadding,
  layout,
  offsetInKernelMemory,
  utf16Length
} from "./chunk-Q4G3BBC5.js";
import {
  ExitCode,
  KeywardenError,
  UsageError
} from "./chunk-H6EUIU7K.js";

// src/detect/base64.ts
var maxBase64Run = 1 << 20;
var base64CutOverlap = 1024;
var minWrapWidth = 48;
function base64RunAround(data, offset, floor) {
  let start = offset;
  const lowest = Math.max(floor, offset - maxBase64Run);
  while (start > lowest && isBase64Byte(data[start - 1])) start--;
  if (start === lowest && isBase64Byte(data[start - 1])) start = Math.max(floor, offset - 8);
  let end = offset;
  while (end < data.length && end - start < maxBase64Run && isBase64Byte(data[end])) end++;
  if (isBase64Byte(data[end]) && end - offset < base64CutOverlap) {
    start = Math.max(start, offset + base64CutOverlap - maxBase64Run);
    while (end < data.length && end - start < maxBase64Run && isBase64Byte(data[end])) end++;
  }
  while (end < data.length && data[end] === 61) end++;
  return { start, end };
}
function afterLineBreak(data, at) {
  if (data[at] === 13) at++;
  if (data[at] !== 10) return -1;
  at++;
  while (data[at] === 32 || data[at] === 9) at++;
  return at;
}
function lineBreakBefore(data, at) {
  while (at > 0 && (data[at - 1] === 32 || data[at - 1] === 9)) at--;
  if (data[at - 1] !== 10) return -1;
  at--;
  return data[at - 1] === 13 ? at - 1 : at;
}
function base64EndingAt(data, breakAt, floor) {
  let start = breakAt;
  while (start > floor && breakAt - start < maxBase64Run && isBase64Byte(data[start - 1])) start--;
  return { start, end: breakAt };
}
function lineBefore(data, line, floor) {
  const breakAt = lineBreakBefore(data, line.start);
  if (breakAt === -1 || breakAt <= floor) return void 0;
  const previous = base64EndingAt(data, breakAt, floor);
  return previous.end > previous.start ? previous : void 0;
}
function lineAfter(data, line) {
  const start = afterLineBreak(data, line.end);
  if (start === -1 || !isBase64Byte(data[start])) return void 0;
  let end = start;
  while (end < data.length && isBase64Byte(data[end])) end++;
  while (end < data.length && data[end] === 61) end++;
  return end === data.length || data[end] === 13 || data[end] === 10 ? { start, end } : void 0;
}
var lengthOf = (span) => span.end - span.start;
var padded = (data, span) => data[span.end - 1] === 61;
function wrappedLines(data, run, floor) {
  const next = padded(data, run) ? void 0 : lineAfter(data, run);
  const previous = lineBefore(data, run, floor);
  const width = next ? lengthOf(run) : previous ? lengthOf(previous) : 0;
  if (width < minWrapWidth || width % 4 !== 0 || !next && lengthOf(run) > width) return [run];
  const lines = [run];
  let length = lengthOf(run);
  for (let line = previous; line && lengthOf(line) === width && length + width <= maxBase64Run; line = lineBefore(data, line, floor)) {
    lines.unshift(line);
    length += width;
    if (lineBreakBefore(data, line.start) === -1) break;
  }
  for (let line = run, after = next; after && lengthOf(line) === width && !padded(data, line); line = after, after = lineAfter(data, after)) {
    if (lengthOf(after) > width || length + lengthOf(after) > maxBase64Run) break;
    lines.push(after);
    length += lengthOf(after);
  }
  return lines;
}
function lineHolding(starts, value) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = low + high + 1 >>> 1;
    if ((starts[middle] ?? 0) <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}
function keysInBase64(data, lines, findPlain, continues = false) {
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (!first || !last) return [];
  const text = lines.map((line) => data.toString("latin1", line.start, line.end)).join("");
  const startsAt = [];
  let joined = 0;
  for (const line of lines) {
    startsAt.push(joined);
    joined += line.end - line.start;
  }
  const offsetOf = (index) => {
    const line = lineHolding(startsAt, index);
    return (lines[line]?.start ?? last.end) + index - (startsAt[line] ?? 0);
  };
  const cutBefore = isBase64Byte(data[first.start - 1]);
  const cutAfter = continues || isBase64Byte(data[last.end]);
  for (let shift = 0; shift < 4; shift++) {
    const decoded = Buffer.from(text.slice(shift), "base64");
    const { keys, sawKeyword } = findPlain(decoded);
    if (!sawKeyword) continue;
    const whole = keys.filter((k) => !(cutBefore && k.start < 2) && !(cutAfter && k.end > decoded.length - 3));
    return whole.map((k) => ({
      rule: k.rule,
      key: k.key,
      at: offsetOf(shift + Math.floor(k.start * 4 / 3)),
      atEnd: offsetOf(shift + Math.ceil(k.end * 4 / 3) - 1) + 1
    }));
  }
  return [];
}

// src/detect/locate.ts
var LineLocator = class {
  #line;
  #countedTo = 0;
  #data;
  #startLine;
  #firstLineColumnOffset;
  /**
   * @param startLine 1-based line of `data[0]`.
   * @param firstLineColumnOffset UTF-16 units of `data[0]`'s line that lie before `data` (streamed windows).
   */
  constructor(data, startLine, firstLineColumnOffset = 0) {
    this.#data = data;
    this.#startLine = startLine;
    this.#line = startLine;
    this.#firstLineColumnOffset = firstLineColumnOffset;
  }
  lineAt(offset) {
    if (offset < this.#countedTo) {
      this.#line = this.#startLine;
      this.#countedTo = 0;
    }
    const data = this.#data;
    for (let nl = data.indexOf(10, this.#countedTo); nl !== -1 && nl < offset; nl = data.indexOf(10, nl + 1)) {
      this.#line++;
    }
    this.#countedTo = offset;
    return this.#line;
  }
  /** Byte offset where the line holding `offset` starts (0 when it started before `data`). */
  lineStart(offset) {
    return offset === 0 ? 0 : this.#data.lastIndexOf(10, offset - 1) + 1;
  }
  /** Byte offset of the newline ending the line holding `offset` (or the end of `data`). */
  lineEnd(offset) {
    const end = this.#data.indexOf(10, offset);
    return end === -1 ? this.#data.length : end;
  }
  /** 1-based column of the byte at `offset`. */
  columnAt(offset) {
    const start = this.lineStart(offset);
    return this.utf16Length(start, offset) + 1 + (start === 0 ? this.#firstLineColumnOffset : 0);
  }
  /** UTF-16 units of the UTF-8 bytes in [start, end). */
  utf16Length(start, end) {
    return utf16Length(this.#data, start, end);
  }
};

// src/detect/placeholder.ts
var evidenceBits = 30;
var placeholderWords = /your|example|redacted|placeholder|xxxx|dummy|sample|changeme|insert|replace|fake|test(?:key|token)|secret|here/gi;
function placeholderWordBits(body) {
  let bits = 0;
  for (const [word] of body.matchAll(placeholderWords)) {
    const places = body.length - word.length + 1;
    bits += Math.max(0, word.length * Math.log2(31) - Math.log2(places));
  }
  return bits;
}
var commonPairs = "th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou io le ve co me de hi ri ro ic ne ea ra ce li ch ll be ma si om ur ca el ta la ns di fo ho pe ec pr no ct us ac ot il tr ly nc et ut ss so rs un lo wa ge ie wh ee wi em ad ol rt po we na ul ni ts mo ow pa im mi ai sh ir su id os iv ia am fi ci vi pl ig tu ev ld ry mp fe".split(" ");
var lettersByFrequency = "etaoinshrdlcumwfgypbvkjxqz";
var letterWeight = (letter) => 1 / (lettersByFrequency.indexOf(String.fromCharCode(97 + letter)) + 4);
var commonShare = 0.75;
var firstLetterBits = (() => {
  const weights = Array.from({ length: 26 }, (_, letter) => letterWeight(letter));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return Float64Array.from(weights, (weight) => Math.log2(weight / total));
})();
var pairBits = (() => {
  const table = new Float64Array(26 * 26);
  for (let first = 0; first < 26; first++) {
    const common = new Float64Array(26);
    commonPairs.forEach((pair, rank) => {
      if (pair.charCodeAt(0) - 97 === first) common[pair.charCodeAt(1) - 97] = 1 / (rank + 10);
    });
    const commonTotal = common.reduce((sum, weight) => sum + weight, 0);
    let otherTotal = 0;
    for (let second = 0; second < 26; second++) if (common[second] === 0) otherTotal += letterWeight(second);
    for (let second = 0; second < 26; second++) {
      const weight = common[second] ?? 0;
      const odds = weight > 0 ? commonShare * weight / commonTotal : (commonTotal > 0 ? 1 - commonShare : 1) * letterWeight(second) / otherTotal;
      table[first * 26 + second] = Math.log2(odds);
    }
  }
  return table;
})();
function classOf(code2) {
  if (code2 >= 97 && code2 <= 122) return 0;
  if (code2 >= 65 && code2 <= 90) return 1;
  if (code2 >= 48 && code2 <= 57) return 2;
  return void 0;
}
var classOdds = [
  [0.8, 0.15, 0.05],
  [0.7, 0.25, 0.05],
  [0.25, 0.25, 0.5]
];
var firstClassOdds = [0.45, 0.45, 0.1];
var classBits = classOdds.map((row) => row.map(Math.log2));
var firstClassBits = firstClassOdds.map(Math.log2);
var digitBits = Math.log2(1 / 10);
function wordModelBits(body, alphabet) {
  if (!/[g-zG-Z]/.test(body)) return void 0;
  let bits = 0;
  let previous;
  let previousLetter = -1;
  const seen = [false, false, false];
  for (let i = 0; i < body.length; i++) {
    const code2 = body.charCodeAt(i);
    const cls = classOf(code2);
    if (cls === void 0) return void 0;
    seen[cls] = true;
    bits += (previous === void 0 ? firstClassBits[cls] : classBits[previous]?.[cls]) ?? 0;
    previous = cls;
    if (cls === 2) {
      bits += digitBits;
      previousLetter = -1;
      continue;
    }
    const letter = (code2 | 32) - 97;
    const startsWord = previousLetter === -1 || cls === 1 && body.charCodeAt(i - 1) >= 97;
    bits += (startsWord ? firstLetterBits[letter] : pairBits[previousLetter * 26 + letter]) ?? 0;
    previousLetter = letter;
  }
  const seenAlphabet = (seen[0] ? 26 : 0) + (seen[1] ? 26 : 0) + (seen[2] ? 10 : 0);
  return bits + body.length * Math.log2(Math.max(alphabet ?? 0, seenAlphabet));
}
var charCounts = new Uint32Array(256);
function shannonEntropy(text) {
  if (text.length === 0) return 0;
  let wide;
  for (let i = 0; i < text.length; i++) {
    const code2 = text.charCodeAt(i);
    if (code2 < 256) charCounts[code2] = (charCounts[code2] ?? 0) + 1;
    else (wide ??= /* @__PURE__ */ new Map()).set(code2, (wide.get(code2) ?? 0) + 1);
  }
  let bits = 0;
  const add = (count) => {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  };
  for (let i = 0; i < text.length; i++) {
    const code2 = text.charCodeAt(i);
    const count = charCounts[code2] ?? 0;
    if (code2 >= 256 || count === 0) continue;
    add(count);
    charCounts[code2] = 0;
  }
  for (const count of wide?.values() ?? []) add(count);
  return bits;
}
function entropyFloor(length, minEntropy) {
  return Math.min(minEntropy, Math.log2(Math.max(1, length)) - 2);
}
function isRepeating(body, maxUnit = 8) {
  for (let unit = 1; unit <= maxUnit && unit * 2 <= body.length; unit++) {
    let repeats = true;
    for (let i = unit; i < body.length; i++) {
      if (body[i] !== body[i - unit]) {
        repeats = false;
        break;
      }
    }
    if (repeats) return true;
  }
  return false;
}
function orderOf(code2) {
  if (code2 >= 48 && code2 <= 57) return code2 - 48;
  const lower = code2 | 32;
  return lower >= 97 && lower <= 122 ? lower - 87 : -1;
}
function longestSequence(body) {
  let longest = body.length > 0 ? 1 : 0;
  let run = 1;
  let previous = -2;
  for (let i = 0; i < body.length; i++) {
    const index = orderOf(body.charCodeAt(i));
    run = index !== -1 && index === previous + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = index;
  }
  return longest;
}
function placeholderReason(body, minEntropy, words = true, alphabet) {
  if (words && placeholderWordBits(body) >= evidenceBits) return "placeholder word";
  if (words && (wordModelBits(body, alphabet) ?? 0) >= evidenceBits) return "made of words";
  if (isRepeating(body)) return "repeating";
  if (longestSequence(body) >= 8) return "sequence";
  if (shannonEntropy(body) < entropyFloor(body.length, minEntropy)) return "low entropy";
  return void 0;
}

// src/detect/normalize.ts
var escapes = /\x1b\[[0-9;?]*[ -/]*[@-~]|\\+(?:u[0-9a-fA-F]{4}|[nrtbf"'/])?|%[0-9A-Fa-f]{2}/g;
var mayContainEscape = /[\x1b\\%]/;
function blankEscapes(text) {
  if (!mayContainEscape.test(text)) return text;
  return text.replace(escapes, (escape) => " ".repeat(escape.length));
}
function isEscapeIntroducer(byte) {
  return byte === 27 || byte === 92 || byte === 37 || byte === 38;
}
var ESC = 27;
var letterEscapes = { n: "\n", r: "\r", t: "	", b: "\b", f: "\f", v: "\v", e: "\x1B", '"': '"', "'": "'", "/": "/" };
var namedEntities = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\xA0", lowbar: "_", UnderBar: "_" };
var hexDigits = /^[0-9a-fA-F]+$/;
var longestCsi = 64;
var longestOsc = 1024;
function hexAt(source, at, length) {
  const digits = source.slice(at, at + length);
  return digits.length === length && hexDigits.test(digits) ? parseInt(digits, 16) : void 0;
}
function escapeAt(source, at, end) {
  const code2 = source.charCodeAt(at);
  if (code2 === 92) {
    let after = at;
    while (after < end && source.charCodeAt(after) === 92) after++;
    const letter = source[after];
    if (letter === "u") {
      const value = hexAt(source, after + 1, 4);
      if (value !== void 0 && after + 5 <= end) return { char: String.fromCharCode(value), length: after + 5 - at };
    } else if (letter === "x") {
      const value = hexAt(source, after + 1, 2);
      if (value !== void 0 && after + 3 <= end) return { char: String.fromCharCode(value), length: after + 3 - at };
    } else if (letter === "0" && source.startsWith("033", after) && after + 3 <= end) {
      return { char: "\x1B", length: after + 3 - at };
    } else if (letter !== void 0 && after < end && letterEscapes[letter] !== void 0) {
      return { char: letterEscapes[letter] ?? "", length: after + 1 - at };
    }
    return { char: "\\", length: after - at };
  }
  if (code2 === 37) {
    const value = hexAt(source, at + 1, 2);
    return value !== void 0 && at + 3 <= end ? { char: String.fromCharCode(value), length: 3 } : void 0;
  }
  if (code2 === 38) {
    const semicolon = source.indexOf(";", at + 2);
    if (semicolon === -1 || semicolon >= end || semicolon - at > 10) return void 0;
    const name = source.slice(at + 1, semicolon);
    let value;
    if (/^#[0-9]{1,7}$/.test(name)) value = parseInt(name.slice(1), 10);
    else if (/^#[xX][0-9a-fA-F]{1,6}$/.test(name)) value = parseInt(name.slice(2), 16);
    else if (namedEntities[name] !== void 0) return { char: namedEntities[name] ?? "", length: semicolon + 1 - at };
    if (value === void 0 || value > 1114111) return void 0;
    return { char: value > 65535 ? "\uFFFD" : String.fromCharCode(value), length: semicolon + 1 - at };
  }
  return void 0;
}
function controlSequenceLength(chars, at, oscEnd) {
  const next = chars[at + 1];
  if (next === "[") {
    let i = at + 2;
    while (i < chars.length && i - at < longestCsi && /^[0-9;:<=>?]$/.test(chars[i] ?? "")) i++;
    while (i < chars.length && i - at < longestCsi && /^[ -/]$/.test(chars[i] ?? "")) i++;
    return i < chars.length && /^[@-~]$/.test(chars[i] ?? "") ? i + 1 - at : 0;
  }
  if (next === "]") {
    const end = oscEnd(at + 2);
    return end !== -1 && end - at <= longestOsc ? end - at : 0;
  }
  if (next === "(" || next === ")") return chars[at + 2] !== void 0 ? 3 : 0;
  if (next !== void 0 && /^[=>78cDEHMNOZ]$/.test(next)) return 2;
  return 0;
}
function nextOscTerminator(chars) {
  let searched = 0;
  let found = -1;
  let foundAt = -1;
  return (from) => {
    if (foundAt >= from) return found;
    for (let i = Math.max(from, searched); i < chars.length; i++) {
      const length = chars[i] === "\x07" ? 1 : chars[i] === "\x1B" && chars[i + 1] === "\\" ? 2 : 0;
      if (length > 0) {
        searched = i + length;
        foundAt = i;
        found = i + length;
        return found;
      }
    }
    searched = chars.length;
    return -1;
  };
}
function decodeEscapes(source, from = 0, to = source.length) {
  const chars = [];
  const starts = [];
  const ends = [];
  for (let at = from; at < to; ) {
    const escape = isEscapeIntroducer(source.charCodeAt(at)) ? escapeAt(source, at, to) : void 0;
    chars.push(escape ? escape.char : source[at] ?? "");
    starts.push(at);
    at += escape ? escape.length : 1;
    ends.push(at);
  }
  const oscEnd = nextOscTerminator(chars);
  let text = "";
  const keptStarts = [];
  const keptEnds = [];
  for (let i = 0; i < chars.length; ) {
    const char = chars[i] ?? "";
    if (char.charCodeAt(0) === ESC) {
      const length = controlSequenceLength(chars, i, oscEnd);
      if (length > 0) {
        i += length;
        continue;
      }
    }
    text += char;
    keptStarts.push(starts[i] ?? 0);
    keptEnds.push(ends[i] ?? 0);
    i++;
  }
  return { text, starts: Int32Array.from(keptStarts), ends: Int32Array.from(keptEnds) };
}

// src/detect/simd/teddy-module.ts
var teddyWasm = "AGFzbQEAAAABCgFgBX9/f39/AX8CDwEDZW52Bm1lbW9yeQIAAQMCAQAGBgF/AUEACwcRAgZyZXN1bWUDAARzY2FuAAAKzQIBygICBH8Je0EA/QAEACEJQRD9AAQAIQpBIP0ABAAhC0Ew/QAEACEMQcAA/QAEACENQdAA/QAEACEOQQ/9DyEPIAIhBQJAA0AgBSABTw0BIAZBEGogBEsEQCAFJAAgBg8LIAAgBWr9AAQAIRAgCSAQIA/9Tv0OIAogEEEE/W39Dv1OIREgACAFav0ABAEhECARIAsgECAP/U79DiAMIBBBBP1t/Q79Tv1OIREgACAFav0ABAIhECARIA0gECAP/U79DiAOIBBBBP1t/Q79Tv1OIREgEf1TBEAgEf0MAAAAAAAAAAAAAAAAAAAAAP0k/WQhByAHBEBB4AAgEf0LBAADQCAHaCEIIAMgBkECdGogBSAIakEIdEHgACAIai0AAHI2AgAgBkEBaiEGIAcgB0EBa3EhByAHDQALCwsgBUEQaiEFDAALCyABJAAgBgs=";

// src/detect/simd/teddy.ts
var bucketCount = 8;
var fingerprintLength = 3;
function planTeddy(anchors, byteFrequency2) {
  if (anchors.length === 0 || anchors.some((anchor) => anchor.length === 0 || anchor.subarray(0, fingerprintLength).includes(0))) return void 0;
  const frequency = Float64Array.from({ length: 256 }, (_, byte) => byteFrequency2(byte));
  const costOf = (members2) => admittedFrequency(placeMasks(members2.map((index) => anchors[index])), frequency);
  let buckets = anchors.map((_, index) => ({ members: [index], cost: costOf([index]) }));
  while (buckets.length > bucketCount) {
    let best = { a: 0, b: 1, added: Infinity, cost: 0 };
    for (let a = 0; a < buckets.length; a++) {
      for (let b = a + 1; b < buckets.length; b++) {
        const cost = costOf([...buckets[a].members, ...buckets[b].members]);
        const added = cost - buckets[a].cost - buckets[b].cost;
        if (added < best.added) best = { a, b, added, cost };
      }
    }
    const merged = { members: [...buckets[best.a].members, ...buckets[best.b].members], cost: best.cost };
    buckets = [...buckets.filter((_, index) => index !== best.a && index !== best.b), merged];
  }
  const members = buckets.map((bucket) => bucket.members);
  return { tables: nibbleTables(members.map((indexes) => placeMasks(indexes.map((index) => anchors[index])))), buckets: members };
}
function placeMasks(anchors) {
  return Array.from({ length: fingerprintLength }, (_, at) => {
    let lows = 0;
    let highs = 0;
    for (const anchor of anchors) {
      const byte = anchor[at];
      lows |= byte === void 0 ? 65535 : 1 << (byte & 15);
      highs |= byte === void 0 ? 65535 : 1 << (byte >> 4);
    }
    return { lows, highs };
  });
}
function admittedFrequency(places, frequency) {
  let product = 1;
  for (const { lows, highs } of places) {
    if (lows === 65535 && highs === 65535) continue;
    let sum = 0;
    for (let high = 0; high < 16; high++) {
      if (!(highs & 1 << high)) continue;
      for (let low = 0; low < 16; low++) if (lows & 1 << low) sum += frequency[high << 4 | low];
    }
    product *= sum;
  }
  return product;
}
function nibbleTables(buckets) {
  const tables = new Uint8Array(16 * 2 * fingerprintLength);
  buckets.forEach((places, bucket) => {
    places.forEach(({ lows, highs }, at) => {
      for (let nibble = 0; nibble < 16; nibble++) {
        if (lows & 1 << nibble) tables[32 * at + nibble] |= 1 << bucket;
        if (highs & 1 << nibble) tables[32 * at + 16 + nibble] |= 1 << bucket;
      }
    });
  });
  return tables;
}
var chunkSize = kernelChunk;
var loaded;
function loadKernel() {
  if (loaded !== void 0) return loaded;
  try {
    const kernel = instantiateKernel(teddyWasm);
    const { memory, bytes } = kernelMemory();
    loaded = { kernel, bytes, out: new Int32Array(memory.buffer, layout.teddyOut, layout.teddyOutCapacity) };
  } catch {
    loaded = null;
  }
  return loaded;
}
function forEachCandidate(data, plan, visit) {
  const k = loadKernel();
  if (!k) return false;
  const { kernel, bytes, out } = k;
  if (k.plan !== plan) {
    bytes.set(plan.tables, 0);
    k.plan = plan;
  }
  const inPlace = offsetInKernelMemory(data);
  for (let start = 0; start < data.length; start += chunkSize) {
    const length = Math.min(chunkSize, data.length - start);
    let at = inPlace + start;
    if (inPlace === -1) {
      const copied = Math.min(length + fingerprintLength - 1, data.length - start);
      bytes.set(data.subarray(start, start + copied), layout.teddyData);
      bytes.fill(0, layout.teddyData + copied, layout.teddyData + copied + kernelPadding - (fingerprintLength - 1));
      at = layout.teddyData;
    }
    let from = 0;
    while (from < length) {
      const found = kernel.scan(at, length, from, layout.teddyOut, layout.teddyOutCapacity);
      for (let i = 0; i < found; i++) {
        const candidate = out[i];
        const position = candidate >>> 8;
        if (position < length) visit(start + position, candidate & 255);
      }
      from = kernel.resume.value;
    }
  }
  return true;
}

// src/detect/prefilter.ts
var escapeNeedles = [
  { anchor: "\\u0", forms: ["\\u002d", "\\u002D", "\\u005f", "\\u005F"] },
  { anchor: "%2D", forms: ["%2D"] },
  { anchor: "%5F", forms: ["%5F"] },
  { anchor: "&#", forms: ["&#45;", "&#045;", "&#x2d;", "&#x2D;", "&#X2D;", "&#95;", "&#095;", "&#x5f;", "&#x5F;", "&#X5F;"] }
];
var escapeBesideKeyword = { bytes: Buffer.alloc(0), keyword: "", encoding: "escape", rules: [] };
var anchorLength = 3;
var byteFrequencyOrder = ` etrnoiaslcdpumf.0123456789h()_gy,"/;=*b:vxT-{}SEkwAC'PIDNOR\`FML[]|>j&Bz?U$!\\Wq@V<+GHKJZ#YQX^%~`;
function commonness(byte) {
  const rank = byteFrequencyOrder.indexOf(byte);
  return rank === -1 ? 0 : byteFrequencyOrder.length - rank;
}
function anchorOffset(needle, byteCounts) {
  const weight = byteCounts ? (at) => byteCounts[needle.charCodeAt(at)] ?? 0 : (at) => commonness(needle[at] ?? "");
  let best = 0;
  for (let at = 1; at + anchorLength <= needle.length; at++) {
    if (weight(at) < weight(best)) best = at;
  }
  return best;
}
function base64Forms(keyword) {
  const keywordBytes2 = Buffer.from(keyword, "utf8");
  const forms = /* @__PURE__ */ new Set();
  for (let unknown = 0; unknown < 3; unknown++) {
    const encoded = Buffer.concat([Buffer.alloc(unknown), keywordBytes2]).toString("base64");
    const firstPure = Math.ceil(8 * unknown / 6);
    const endPure = Math.floor(8 * (unknown + keywordBytes2.length) / 6);
    const form = encoded.slice(firstPure, endPure);
    if (form.length < 4) continue;
    forms.add(form);
    forms.add(form.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return [...forms];
}
function buildPrefilter(rules, byteCounts) {
  const needles = /* @__PURE__ */ new Map();
  const add = (text, keyword, encoding, rule) => {
    const existing = needles.get(text);
    if (existing) {
      if (encoding === "plain" && !existing.rules.includes(rule)) existing.rules.push(rule);
      return;
    }
    needles.set(text, { bytes: Buffer.from(text, "utf8"), keyword, encoding, rules: encoding === "plain" ? [rule] : [] });
  };
  for (const rule of rules) {
    for (const keyword of rule.keywords) {
      add(keyword, keyword, "plain", rule);
      for (const form of base64Forms(keyword)) add(form, keyword, "base64", rule);
    }
  }
  const anchors = /* @__PURE__ */ new Map();
  const anchorAt = (key, needle, at) => {
    const anchor = anchors.get(key) ?? { bytes: Buffer.from(key, "latin1"), needles: [] };
    anchor.needles.push({ needle, at });
    anchors.set(key, anchor);
  };
  for (const { key, needle, at } of sharedAnchors([...needles.entries()], byteCounts)) anchorAt(key, needle, at);
  for (const { anchor, forms } of escapeNeedles) {
    for (const form of forms) anchorAt(anchor, { bytes: Buffer.from(form, "latin1"), keyword: "", encoding: "escape", rules: [] }, 0);
  }
  return { anchors: [...anchors.values()], byteFrequency: byteFrequency(byteCounts) };
}
function byteFrequency(byteCounts) {
  if (byteCounts) {
    let total = 0;
    for (let byte = 0; byte < 256; byte++) total += byteCounts[byte] ?? 0;
    return (byte) => total === 0 ? 0 : (byteCounts[byte] ?? 0) / total;
  }
  return (byte) => {
    const rank = byteFrequencyOrder.indexOf(String.fromCharCode(byte));
    return 1 / ((rank === -1 ? byteFrequencyOrder.length * 2 : rank) + 4) / 5;
  };
}
var commonBytes = 32;
function rareBytes(byteCounts) {
  const weight = (window) => byteCounts ? byteCounts[window.charCodeAt(0)] ?? 0 : commonness(window[0] ?? "");
  const weights = byteCounts ? Array.from({ length: 256 }, (_, byte) => byteCounts[byte] ?? 0) : [...byteFrequencyOrder].map(commonness);
  const limit = [...weights].sort((a, b) => b - a)[commonBytes - 1] ?? 0;
  return (window) => weight(window) < limit;
}
function sharedAnchors(needles, byteCounts) {
  const weight = (window) => byteCounts ? byteCounts[window.charCodeAt(0)] ?? 0 : commonness(window[0] ?? "");
  const rare = rareBytes(byteCounts);
  const holders = /* @__PURE__ */ new Map();
  for (const [text, needle] of needles) {
    const lengths = needle.encoding === "plain" ? [anchorLength, 2] : [anchorLength];
    for (const length of lengths) {
      for (let at = 0; at + length <= text.length; at++) {
        const key = text.slice(at, at + length);
        if (!rare(key)) continue;
        const list = holders.get(key) ?? [];
        if (!list.some((held) => held.needle === needle)) list.push({ needle, at });
        holders.set(key, list);
      }
    }
  }
  const chosen = [];
  const covered = /* @__PURE__ */ new Set();
  for (; ; ) {
    let best;
    for (const [key, held] of holders) {
      const list = held.filter((entry) => !covered.has(entry.needle));
      if (list.length < 2) continue;
      const better = !best || list.length > best.list.length || list.length === best.list.length && (key.length > best.key.length || key.length === best.key.length && weight(key) < weight(best.key));
      if (better) best = { key, list };
    }
    if (!best) break;
    for (const { needle, at } of best.list) {
      covered.add(needle);
      chosen.push({ key: best.key, needle, at });
    }
  }
  for (const [text, needle] of needles) {
    if (covered.has(needle)) continue;
    const at = anchorOffset(text, byteCounts);
    chosen.push({ key: text.slice(at, at + anchorLength), needle, at });
  }
  return chosen;
}
function needleAt(data, offset, needle) {
  if (offset < 0 || offset + needle.length > data.length) return false;
  for (let i = 0; i < needle.length; i++) {
    if (data[offset + i] !== needle[i]) return false;
  }
  return true;
}
function breakEndingAt(data, end) {
  let at = end;
  while (at > 0 && (data[at - 1] === 32 || data[at - 1] === 9)) at--;
  if (data[at - 1] !== 10) return 0;
  at--;
  if (data[at - 1] === 13) at--;
  return end - at;
}
function breakStartingAt(data, start) {
  let at = start;
  if (data[at] === 13) at++;
  if (data[at] !== 10) return 0;
  at++;
  while (data[at] === 32 || data[at] === 9) at++;
  return at - start;
}
function wrappedNeedleAt(data, anchorAt, within, needle) {
  let at = anchorAt;
  for (let i = within - 1; i >= 0; i--) {
    if (data[at - 1] !== needle[i]) at -= breakEndingAt(data, at);
    if (data[at - 1] !== needle[i]) return -1;
    at--;
  }
  const start = at;
  at = anchorAt + anchorLength;
  for (let i = within + anchorLength; i < needle.length; i++) {
    if (data[at] !== needle[i]) at += breakStartingAt(data, at);
    if (data[at] !== needle[i]) return -1;
    at++;
  }
  return start;
}
var longestEscape = 16;
function escapeCutsNeedle(data, anchorAt, anchorBytes, within, needle) {
  let at = anchorAt - 1;
  for (let i = within - 1; i >= 0; i--, at--) {
    if (data[at] === needle[i]) continue;
    for (let start = at; start > at - longestEscape && start >= 0; start--) if (isEscapeIntroducer(data[start])) return true;
    return false;
  }
  at = anchorAt + anchorBytes;
  for (let i = within + anchorBytes; i < needle.length; i++, at++) {
    if (data[at] !== needle[i]) return isEscapeIntroducer(data[at]);
  }
  return false;
}
function findHits(data, prefilter) {
  const { anchors } = prefilter;
  const teddy = data.length >= singlePassFrom ? singlePassPlan(prefilter) : null;
  const byAnchor = [];
  const single = teddy !== null && forEachCandidate(data, teddy, (at, buckets) => {
    for (let bucket = 0; buckets !== 0; bucket++, buckets >>>= 1) {
      if ((buckets & 1) === 0) continue;
      for (const index of teddy.buckets[bucket]) {
        const anchor = anchors[index];
        if (needleAt(data, at, anchor.bytes)) hitsAtAnchor(data, anchor, at, byAnchor[index] ??= []);
      }
    }
  });
  if (!single) {
    anchors.forEach((anchor, index) => {
      for (let at = data.indexOf(anchor.bytes); at !== -1; at = data.indexOf(anchor.bytes, at + 1)) hitsAtAnchor(data, anchor, at, byAnchor[index] ??= []);
    });
  }
  return byAnchor.flat().sort((a, b) => a.offset - b.offset);
}
function singlePassPlan(prefilter) {
  if (prefilter.teddy === void 0) {
    const { byteFrequency: byteFrequency2 } = prefilter;
    prefilter.teddy = byteFrequency2 ? planTeddy(prefilter.anchors.map((anchor) => anchor.bytes), byteFrequency2) ?? null : null;
  }
  return prefilter.teddy;
}
var singlePassFrom = 256;
function hitsAtAnchor(data, anchor, at, hits) {
  for (const { needle, at: within } of anchor.needles) {
    if (needleAt(data, at - within, needle.bytes)) {
      hits.push({ offset: at - within, needle });
    } else if (needle.encoding === "base64") {
      const start = wrappedNeedleAt(data, at, within, needle.bytes);
      if (start !== -1) hits.push({ offset: start, needle });
    } else if (needle.encoding === "plain" && escapeCutsNeedle(data, at, anchor.bytes.length, within, needle.bytes)) {
      hits.push({ offset: at, needle: escapeBesideKeyword });
    }
  }
}

// src/detect/views.ts
var contextBefore = 64;
var contextAfter = 2048;
var windowLength = 16 * 1024;
var RawWindow = class {
  constructor(data) {
    this.data = data;
  }
  data;
  start = 0;
  end = 0;
  text = "";
  get cutShort() {
    return this.end < this.data.length;
  }
  /** Make sure [offset - contextBefore, offset + contextAfter) is inside the window. */
  cover(offset) {
    const wantEnd = Math.min(this.data.length, offset + contextAfter);
    if (Math.max(0, offset - contextBefore) >= this.start && wantEnd <= this.end && this.text !== "") return;
    this.start = Math.max(0, offset - contextBefore);
    this.end = Math.min(this.data.length, Math.max(wantEnd, this.start + windowLength));
    this.text = blankEscapes(this.data.toString("latin1", this.start, this.end));
  }
  startOf(index) {
    return this.start + index;
  }
  endOf(index) {
    return this.start + index + 1;
  }
  indexAt(offset) {
    return offset - this.start;
  }
};
var DecodedWindow = class {
  constructor(data) {
    this.data = data;
  }
  data;
  start = 0;
  end = 0;
  text = "";
  #starts = new Int32Array(0);
  #ends = new Int32Array(0);
  get cutShort() {
    return this.end < this.data.length;
  }
  /**
   * Make sure [offset - before, offset + after) is decoded. A new stretch reaches well past what
   * was asked, so hits close together share one decoding and the work stays linear.
   */
  cover(offset, before, after) {
    const from = Math.max(0, offset - before);
    const to = Math.min(this.data.length, offset + after);
    if (from >= this.start && to <= this.end && this.text !== "") return;
    this.start = from;
    this.end = Math.min(this.data.length, to + 4 * (before + after));
    const decoded = decodeEscapes(this.data.toString("latin1", this.start, this.end));
    this.text = decoded.text;
    this.#starts = decoded.starts;
    this.#ends = decoded.ends;
  }
  startOf(index) {
    return this.start + (this.#starts[index] ?? this.end - this.start);
  }
  endOf(index) {
    return this.start + (this.#ends[index] ?? this.end - this.start);
  }
  indexAt(offset) {
    const target = offset - this.start;
    let low = 0;
    let high = this.#starts.length;
    while (low < high) {
      const middle = low + high >>> 1;
      if ((this.#starts[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  }
};
var EscapeScanner = class {
  constructor(data) {
    this.data = data;
  }
  data;
  /** No escape introducer lies in [clearFrom, clearTo). */
  #clearFrom = 0;
  #clearTo = 0;
  /** An introducer found at this offset (or -1). */
  #found = -1;
  /** Whether an escape introducer (ESC, `\`, `%`, `&`) lies in [from, to). */
  any(from, to) {
    from = Math.max(0, from);
    to = Math.min(this.data.length, to);
    if (this.#found >= from && this.#found < to) return true;
    let at = from >= this.#clearFrom && from < this.#clearTo ? this.#clearTo : from;
    while (at < to && !isEscapeIntroducer(this.data[at])) at++;
    this.#clearFrom = from;
    this.#clearTo = at;
    if (at >= to) return false;
    this.#found = at;
    return true;
  }
};

// src/detect/detect.ts
function createEngine(rules, byteCounts) {
  const keywords = /* @__PURE__ */ new Map();
  for (const rule of rules) for (const keyword of rule.keywords) keywords.set(keyword, [...keywords.get(keyword) ?? [], rule]);
  return { rules, prefilter: buildPrefilter(rules, byteCounts), keywords: [...keywords].map(([keyword, withIt]) => ({ keyword, rules: withIt })) };
}
function startScan(data, engine, glued) {
  return { data, engine, glued, raw: new RawWindow(data), decoded: new DecodedWindow(data), escapes: new EscapeScanner(data) };
}
function keyOf(match) {
  const group = match.indices?.groups?.["key"];
  const value = match.groups?.["key"];
  if (group && value !== void 0) return { key: value, offset: group[0] - match.index };
  return { key: match[0], offset: 0 };
}
var leadingLookbehind = /^\(\?<[!=](?:\[(?:\\.|[^\]\\])*\]|\\.|[^()[\\])*\)/;
var trailingLookahead = /\(\?[!=](?:\[(?:\\.|[^\]\\])*\]|\\.|[^()[\\])*\)$/;
var gluedPatterns = /* @__PURE__ */ new WeakMap();
function gluedPatternsOf(rule) {
  let glued = gluedPatterns.get(rule);
  if (!glued) {
    const source = rule.pattern.source.replace(leadingLookbehind, "").replace(trailingLookahead, "");
    glued = {
      pattern: new RegExp(source, rule.pattern.flags),
      ...rule.anchored ? { anchored: new RegExp(source, rule.anchored.flags) } : {}
    };
    gluedPatterns.set(rule, glued);
  }
  return glued;
}
function matchInView(view, at, rules, glued) {
  const { text } = view;
  const found = [];
  const accept = (rule, match) => {
    if (match.index + match[0].length >= text.length && view.cutShort) return;
    const { key, offset } = keyOf(match);
    if (key.length === 0) return;
    const first = match.index + offset;
    const start = view.startOf(first);
    found.push({ rule, key, start, end: view.endOf(first + key.length - 1), at: start });
  };
  for (const rule of rules) {
    const { anchored, pattern } = glued ? gluedPatternsOf(rule) : rule;
    if (anchored) {
      anchored.lastIndex = at;
      const match = anchored.exec(text);
      if (match) accept(rule, match);
      continue;
    }
    pattern.lastIndex = Math.max(0, at - contextBefore);
    for (let match = pattern.exec(text); match && match.index <= at; match = pattern.exec(text)) {
      if (match[0].length === 0) pattern.lastIndex++;
      else if (match.index + match[0].length > at) accept(rule, match);
    }
  }
  return found;
}
function matchPlainHit(scan, hit) {
  scan.raw.cover(hit.offset);
  const found = matchInView(scan.raw, scan.raw.indexAt(hit.offset), hit.needle.rules, scan.glued);
  if (!scan.escapes.any(hit.offset - contextBefore, hit.offset + contextAfter)) return found;
  scan.decoded.cover(hit.offset, contextBefore, contextAfter);
  const decoded = matchInView(scan.decoded, scan.decoded.indexAt(hit.offset), hit.needle.rules, scan.glued);
  return [...found, ...decoded.map((key) => ({ ...key, decoded: true }))];
}
var escapeReach = 24;
function matchEscapeHit(scan, hit) {
  const { decoded } = scan;
  decoded.cover(hit.offset, 4 * escapeReach, 4 * escapeReach);
  const around = decoded.indexAt(hit.offset);
  const from = Math.max(0, around - escapeReach);
  const nearby = decoded.text.slice(from, around + 2 * escapeReach);
  const keywordsAt = [];
  for (const { keyword, rules } of scan.engine.keywords) {
    for (let at = nearby.indexOf(keyword); at !== -1; at = nearby.indexOf(keyword, at + 1)) keywordsAt.push({ offset: decoded.startOf(from + at), rules });
  }
  const found = [];
  for (const { offset, rules } of keywordsAt) {
    decoded.cover(offset, contextBefore, contextAfter);
    for (const key of matchInView(decoded, decoded.indexAt(offset), rules, scan.glued)) found.push({ ...key, decoded: true });
  }
  return found;
}
var terminalEscape = /\x1b|\\(?:u001[bB]|x1[bB]|033|e)/;
function preferDecoded(data, located) {
  const decoded = located.filter((key) => key.decoded);
  if (decoded.length === 0) return located;
  decoded.sort((a, b) => a.start - b.start);
  const joinedByCharacters = (plain, other) => other.rule === plain.rule && other.key !== plain.key && other.start <= plain.start && other.end >= plain.end && !terminalEscape.test(data.toString("latin1", other.start, plain.start)) && !terminalEscape.test(data.toString("latin1", plain.end, other.end));
  const superseded = (plain) => {
    let low = 0;
    let high = decoded.length;
    while (low < high) {
      const middle = low + high >>> 1;
      if ((decoded[middle]?.start ?? 0) < plain.end) low = middle + 1;
      else high = middle;
    }
    for (let i = low - 1; i >= 0 && i >= low - 8; i--) {
      const other = decoded[i];
      if (other && joinedByCharacters(plain, other)) return true;
    }
    return false;
  };
  return located.filter((key) => key.decoded || !superseded(key));
}
function plainKeys(data, engine, glued) {
  const scan = startScan(data, engine, glued);
  const hits = findHits(data, engine.prefilter).filter((hit) => hit.needle.encoding !== "base64");
  const keys = hits.flatMap((hit) => hit.needle.encoding === "plain" ? matchPlainHit(scan, hit) : matchEscapeHit(scan, hit));
  return { keys: preferDecoded(data, keys), sawKeyword: hits.length > 0 };
}
function keysInBase64Around(data, run, lines, engine, glued) {
  const find = (decoded) => plainKeys(decoded, engine, glued);
  const first = lines[0] ?? run;
  const last = lines[lines.length - 1] ?? run;
  const continues = last !== run;
  const onItsLine = keysInBase64(data, [run], find, continues).map((key) => ({ ...encodedKey(key), start: run.start, end: run.end, container: run }));
  if (lines.length === 1) return onItsLine;
  const container = { start: first.start, end: last.end };
  const lineStarts = lines.map((line) => line.start);
  const joined = keysInBase64(data, lines, find).map((key) => {
    const line = lines[lineHolding(lineStarts, key.at)] ?? last;
    return { ...encodedKey(key), start: key.at, end: Math.min(key.atEnd, line.end), container };
  });
  const inJoined = new Set(joined.map((key) => `${key.at}\0${key.key}`));
  return [...joined, ...onItsLine.filter((key) => !inJoined.has(`${key.at}\0${key.key}`))];
}
function encodedKey(key) {
  return { rule: key.rule, key: key.key, at: key.at, atEnd: key.atEnd, encoding: "base64" };
}
function bodyOf(key, rule) {
  return key.startsWith(rule.prefix) ? key.slice(rule.prefix.length) : key;
}
var bodyAlphabets = /* @__PURE__ */ new WeakMap();
var repeatedClass = /\[((?:\\.|[^\]\\])+)\]\{\d+(?:,\d+)?\}/g;
function bodyAlphabet(rule) {
  if (bodyAlphabets.has(rule)) return bodyAlphabets.get(rule);
  let size;
  const last = [...rule.pattern.source.matchAll(repeatedClass)].pop();
  if (last) {
    try {
      const member = new RegExp(`^[${last[1] ?? ""}]$`);
      size = 0;
      for (let code2 = 33; code2 < 127; code2++) if (member.test(String.fromCharCode(code2))) size++;
    } catch {
      size = void 0;
    }
  }
  bodyAlphabets.set(rule, size);
  return size;
}
function locateKeys(data, engine, glued) {
  const hits = findHits(data, engine.prefilter);
  if (hits.length === 0) return [];
  const scan = startScan(data, engine, glued);
  const located = [];
  let decodedUpTo = 0;
  const encodedAt = /* @__PURE__ */ new Set();
  for (const hit of hits) {
    if (hit.needle.encoding === "plain") {
      located.push(...matchPlainHit(scan, hit));
    } else if (hit.needle.encoding === "escape") {
      located.push(...matchEscapeHit(scan, hit));
    } else if (hit.offset >= decodedUpTo) {
      const run = base64RunAround(data, hit.offset, decodedUpTo);
      const lines = wrappedLines(data, run, decodedUpTo);
      const end = lines[lines.length - 1]?.end ?? run.end;
      decodedUpTo = isBase64Byte(data[end]) ? Math.max(hit.offset + 1, end - base64CutOverlap) : end;
      for (const key of keysInBase64Around(data, run, lines, engine, glued)) {
        const id = `${key.at}\0${key.key}`;
        if (encodedAt.has(id)) continue;
        encodedAt.add(id);
        located.push(key);
      }
    }
  }
  return preferDecoded(data, located);
}
function detectKeys(data, engine, options = {}) {
  const ownedFrom = options.ownedFrom ?? 0;
  const ownedTo = options.ownedTo ?? data.length;
  const seen = /* @__PURE__ */ new Set();
  const candidates = locateKeys(data, engine, options.glued ?? false).filter((match) => {
    const id = `${match.rule.id}\0${match.start}\0${match.key}`;
    if (seen.has(id) || match.at < ownedFrom || match.at >= ownedTo) return false;
    seen.add(id);
    const body = bodyOf(match.key, match.rule);
    return placeholderReason(body, match.rule.minEntropy, options.placeholderWords ?? true, bodyAlphabet(match.rule)) === void 0;
  });
  if (candidates.length === 0) return [];
  candidates.sort((a, b) => a.start - b.start);
  const locator = new LineLocator(data, options.startLine ?? 1, options.firstLineColumnOffset ?? 0);
  const results = [];
  const inlineAllow = options.inlineAllow ?? true;
  for (const match of candidates) {
    const lineStart = locator.lineStart(match.start);
    if (inlineAllow && lineStart === 0 && options.firstLineAllowed) continue;
    if (inlineAllow && containsInlineAllow(data.subarray(lineStart, locator.lineEnd(match.start)))) continue;
    const carried = match.encoding && match.start === 0 ? options.continuedBase64 : void 0;
    const line = carried?.line ?? locator.lineAt(match.start);
    const column = carried?.column ?? locator.columnAt(match.start);
    results.push({
      rule: match.rule,
      key: match.key,
      start: match.start,
      end: match.end,
      line,
      column,
      endColumn: locator.columnAt(match.start) + locator.utf16Length(match.start, match.end),
      ...match.encoding ? { encoding: match.encoding } : {},
      ...match.atEnd !== void 0 ? { encoded: { start: match.at, end: match.atEnd } } : {},
      ...match.container ? { container: match.container } : {}
    });
  }
  return results;
}

// src/detect/mask.ts
var hashDigits = 12;
function maskKey(key, prefix, style) {
  if (style === "redacted") return redact(key, prefix);
  const head = key.startsWith(prefix) ? prefix : "";
  if (style === "stars") return head + "*".repeat(key.length - head.length);
  return `${head}[sha256:${sha256(key).slice(0, hashDigits)}]`;
}
function maskEncodedKey(key, prefix, style) {
  return `[base64:${maskKey(key, prefix, style)}]`;
}

// src/detect/redact-text.ts
var messageOptions = { inlineAllow: false, placeholderWords: false };
var keywordBytes = /* @__PURE__ */ new WeakMap();
function keywordsOf(engine) {
  let found = keywordBytes.get(engine);
  if (!found) {
    found = [...new Set(engine.rules.flatMap((rule) => rule.keywords))].filter((keyword) => keyword !== "").map((keyword) => Buffer.from(keyword, "utf8"));
    keywordBytes.set(engine, found);
  }
  return found;
}
function detachedKeywords(bytes, keywords) {
  let copy;
  for (const keyword of keywords) {
    for (let at = bytes.indexOf(keyword, 1); at !== -1; at = bytes.indexOf(keyword, at + 1)) {
      const before = bytes[at - 1] ?? 0;
      if (before > 32 && before < 127) (copy ??= Buffer.from(bytes))[at - 1] = 32;
    }
  }
  return copy;
}
var continuedBody = /[A-Za-z0-9]{16,}/y;
function continuedKeys(bytes, engine) {
  const text = bytes.toString("latin1");
  const spans = [];
  for (const rule of engine.rules) {
    if (!rule.anchored || rule.prefix === "") continue;
    for (let at = text.indexOf(rule.prefix); at !== -1; at = text.indexOf(rule.prefix, Math.max(at + 1, continuedBody.lastIndex))) {
      continuedBody.lastIndex = at + rule.prefix.length;
      const body = continuedBody.exec(text)?.[0];
      if (body === void 0 || placeholderReason(body, rule.minEntropy, false) !== void 0) continue;
      spans.push({ start: at, end: continuedBody.lastIndex, key: rule.prefix + body, prefix: rule.prefix, encoded: false });
    }
  }
  return spans;
}
function spanOf(match) {
  const where = match.encoded ?? match;
  return { start: where.start, end: where.end, key: match.key, prefix: match.rule.prefix, encoded: match.encoding !== void 0 };
}
function keySpans(bytes, engine) {
  const spans = [...detectKeys(bytes, engine, messageOptions).map(spanOf), ...continuedKeys(bytes, engine)];
  const detached = detachedKeywords(bytes, keywordsOf(engine));
  if (detached) spans.push(...detectKeys(detached, engine, messageOptions).filter((match) => !match.encoding).map(spanOf));
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
function redactKeys(text, engine, onKey) {
  const bytes = Buffer.from(text, "utf8");
  const spans = keySpans(bytes, engine);
  if (spans.length === 0) return text;
  let out = "";
  let at = 0;
  for (const span of spans) {
    onKey?.(span.key);
    const found = bytes.toString("utf8", span.start, span.end);
    out += bytes.toString("utf8", at, span.start) + (span.encoded ? maskEncodedKey(span.key, span.prefix, "redacted") : redact(found, span.prefix));
    at = span.end;
  }
  return out + bytes.toString("utf8", at);
}
function redactKeyLikeTokens(text, prefixes) {
  if (prefixes.length === 0) return text;
  const escaped = prefixes.map((prefix) => prefix.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"));
  return text.replace(new RegExp(`(${escaped.join("|")})[A-Za-z0-9_-]{4,}`, "g"), (_token, prefix) => `${prefix}\u2026`);
}

// src/report/markdown.ts
function cell(text) {
  return printable(text.replace(/[\\`*_|<>[\]$]/g, (c) => `\\${c}`).replace(/\r?\n/g, " "));
}
function statusCell(finding) {
  const status = statusOf(finding);
  return status === "live" || status === "unknown" ? `**${status}**` : status;
}
function severityCell(finding, verified) {
  return verified && finding.severity === "critical" ? "**critical**" : finding.severity;
}
function detailsCell(finding) {
  const verification = verificationOf(finding);
  if (!verification) return "";
  return cell([escalationOf(verification), describeOutcome(verification)].filter((text) => text !== void 0).join("; "));
}
function heading(result, verified) {
  const { findings } = result;
  const outcomes = verified ? ` (${statusSummary(findings)})` : "";
  return `### keywarden: ${findings.length} leaked key${findings.length === 1 ? "" : "s"}${outcomes} in ${distinctFiles(result)} file${distinctFiles(result) === 1 ? "" : "s"}`;
}
function urgentAdvice(findings) {
  const counts = new Map(countByStatus(findings));
  const advice = [];
  if (counts.has("live")) advice.push("**Live keys work right now: revoke them at the provider first.**");
  if (counts.has("unknown")) advice.push("Keys that could not be checked may still work: treat them as live until checked.");
  return advice.length > 0 ? [advice.join(" "), ""] : [];
}
function renderMarkdown(result, context) {
  const { findings } = result;
  if (findings.length === 0) return `### keywarden: no leaked keys

Scanned ${result.stats.files} files.
`;
  const verified = isVerified(findings);
  const history = findings.some((finding) => finding.origin.kind === "history");
  const lines = [
    heading(result, verified),
    "",
    `| File | Line |${history ? " Commit |" : ""} Provider | Severity |${verified ? " Status | Details |" : ""} Key | Fingerprint |`,
    `|---|---|${history ? "---|" : ""}---|---|${verified ? "---|---|" : ""}---|---|`
  ];
  for (const finding of findings) {
    const key = context.showSecrets ? finding.secret.reveal() : finding.secret.redacted;
    const status = verified ? ` ${statusCell(finding)} | ${detailsCell(finding)} |` : "";
    const { origin } = finding;
    const commit = !history ? "" : origin.kind === "history" ? ` ${cell(`${origin.commit.slice(0, 12)} ${origin.author}, ${origin.date.slice(0, 10)}`)} |` : " |";
    lines.push(
      `| ${cell(placeOf(finding.origin))} | ${finding.line} |${commit} ${cell(finding.provider)} | ${severityCell(finding, verified)} |${status} \`${key}\` | ${cell(printable(finding.fingerprint))} |`
    );
  }
  const ignoreFile = context.ignoreFile ?? ".keywardenignore";
  const shownIgnoreFile = ignoreFile.includes("`") ? cell(ignoreFile) : `\`${ignoreFile}\``;
  const staysReadable = findings.some((finding) => finding.origin.kind === "history" || finding.origin.kind === "log") ? "; a key in a past commit or a log stays readable there until it is revoked" : "";
  lines.push(
    "",
    ...verified ? urgentAdvice(findings) : [],
    `Rotate each key at its provider, then remove it from the code${staysReadable}. A deliberate fake (a test fixture)? ${fakeAdvice(findings, shownIgnoreFile)}`,
    ""
  );
  return lines.join("\n");
}

// src/report/github.ts
var prCommentMarker = "<!-- keywarden:pr-comment -->";
var commentLimit = 65536;
var summaryLimit = 1024 * 1024;
var fallbackHint = "Revoke the key at its provider, create a new one, and load it from the environment.";
function shortSha(commit) {
  return commit.slice(0, 7);
}
function rulesById(rules) {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  return (finding) => byId.get(finding.ruleId);
}
function inertEscaped(escaped) {
  return escaped.replace(/[&~]/g, (c) => `\\${c}`).replace(/\r/g, " ").replace(/[@#]/g, (c) => `\`${c}\``);
}
function inert(text) {
  return inertEscaped(cell(text));
}
function shown(text) {
  return inert(plainText(text));
}
var inertCell = shown;
function runLink(label, runUrl) {
  return runUrl !== void 0 && /^https?:\/\/[^\s<>()[\]`'"]+$/.test(runUrl) ? `[${label}](${runUrl})` : void 0;
}
function tableHeader(columns) {
  return [`| ${columns.map((column) => column.name).join(" | ")} |`, `|${columns.map(() => "---|").join("")}`];
}
function tableRow(columns, finding) {
  return `| ${columns.map((column) => column.value(finding)).join(" | ")} |`;
}
function fitRows(rows, budget, size, more) {
  const total = rows.reduce((sum, row) => sum + size(`${row}
`), 0);
  if (total <= budget) return { rows: [...rows], left: 0 };
  const room = budget - size(`
${more(rows.length)}
`);
  const kept = [];
  let used = 0;
  for (const row of rows) {
    used += size(`${row}
`);
    if (used > room) break;
    kept.push(row);
  }
  return { rows: kept, left: rows.length - kept.length };
}
function documentWithin(limit, size, parts) {
  const { before, columns, findings, after, more } = parts;
  const header = tableHeader(columns);
  const assemble = (rows, left) => [...before, ...header, ...rows, ...left > 0 ? ["", more(left)] : [], ...after].join("\n");
  const fixed = size(assemble([], 0));
  const fitted = fitRows(
    findings.map((finding) => tableRow(columns, finding)),
    limit - fixed,
    size,
    more
  );
  return assemble(fitted.rows, fitted.left);
}
function commentSize(text) {
  let newlines = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) newlines++;
  return text.length + newlines;
}
function summarySize(text) {
  return Buffer.byteLength(text, "utf8");
}
function annotationLevel(finding) {
  const status = finding.verification?.status;
  if (status === "live") return "error";
  return status === "invalid" || finding.severity === "low" ? "warning" : "error";
}
function outcomeText(finding) {
  const verification = verificationOf(finding);
  if (!verification) return void 0;
  const escalation = escalationOf(verification);
  const outcome = describeOutcome(verification) ?? verification.status;
  return escalation ? `${finding.severity}: ${escalation}; ${outcome}` : outcome;
}
function todoText(finding, rule) {
  const hint = rule?.hint ?? fallbackHint;
  return finding.verification?.status === "live" ? { urgent: "Revoke it now.", hint } : { hint };
}
function annotation(finding, rule) {
  const name = rule?.name ?? finding.ruleId;
  const { origin } = finding;
  const status = finding.verification?.status;
  const title = `Leaked ${name}${status ? ` (${status})` : ""}`;
  const commit = origin.kind === "history" ? ` added in commit ${shortSha(origin.commit)}` : "";
  const outcome = outcomeText(finding);
  const todo = todoText(finding, rule);
  const message = [`${name} ${finding.secret.redacted}${commit}${outcome ? ` \u2014 ${outcome}` : ""}.`, todo.urgent ? `${todo.urgent} ${todo.hint}` : todo.hint].join("\n");
  const place = origin.kind === "input" ? void 0 : { file: withoutBidi(origin.path), startLine: finding.line, startColumn: finding.column, endColumn: finding.endColumn - 1 };
  return { level: annotationLevel(finding), title: withoutBidi(title), message: withoutBidi(message), ...place ? { place } : {} };
}
function annotationsOf(result, rules) {
  const ruleOf = rulesById(rules);
  return result.findings.map((finding) => annotation(finding, ruleOf(finding)));
}
function providerColumn(ruleOf) {
  return { name: "Provider", value: (finding) => shown(ruleOf(finding)?.name ?? finding.provider) };
}
function keyColumn() {
  return { name: "Key", value: (finding) => `\`${finding.secret.redacted}\`` };
}
function hasHistory(findings) {
  return findings.some((finding) => finding.origin.kind === "history");
}
function scopeLine(scope, runUrl) {
  const link = runLink("Workflow run", runUrl);
  return `Scanned ${shown(scope)}.${link ? ` ${link}` : ""}`;
}
function summaryColumns(findings, ruleOf) {
  const verified = isVerified(findings);
  const commit = {
    name: "Commit",
    value: ({ origin }) => origin.kind === "history" ? `${shown(shortSha(origin.commit))} ${shown(origin.author)}, ${shown(origin.date.slice(0, 10))}` : ""
  };
  const todo = {
    name: "What to do",
    value: (finding) => {
      const { urgent, hint } = todoText(finding, ruleOf(finding));
      return `${urgent ? `**${urgent}** ` : ""}${shown(hint)}`;
    }
  };
  return [
    { name: "File", value: (finding) => shown(finding.origin.path) },
    { name: "Line", value: (finding) => String(finding.line) },
    ...hasHistory(findings) ? [commit] : [],
    providerColumn(ruleOf),
    { name: "Severity", value: (finding) => severityCell(finding, verified) },
    ...verified ? [{ name: "Status", value: statusCell }, { name: "Details", value: (finding) => inertEscaped(detailsCell(finding)) }] : [],
    keyColumn(),
    todo,
    // As the human report prints it (an ignore file accepts that form too): no control or bidi character.
    { name: "Fingerprint", value: (finding) => inert(printable(finding.fingerprint)) }
  ];
}
function renderJobSummary(result, rules, scope) {
  const { findings } = result;
  if (findings.length === 0) return `\u2705 keywarden: no leaked keys in ${shown(scope)}.
`;
  const verified = isVerified(findings);
  return documentWithin(summaryLimit, summarySize, {
    before: [heading(result, verified), "", scopeLine(scope), "", ...verified ? urgentAdvice(findings) : []],
    columns: summaryColumns(findings, rulesById(rules)),
    findings,
    after: [
      "",
      `Rotate every key that was pushed, even once it is removed: anyone who fetched it has it. A deliberate fake (a test fixture)? ${fakeAdvice(findings, "`.keywardenignore`")}`,
      ""
    ],
    more: (left) => `\u2026 and ${left} more, left out because GitHub limits a job summary to 1 MiB.`
  });
}
function commentColumns(findings, ruleOf) {
  const verified = isVerified(findings);
  return [
    { name: "File", value: (finding) => shown(`${finding.origin.path}:${finding.line}`) },
    ...hasHistory(findings) ? [{ name: "Commit", value: ({ origin }) => origin.kind === "history" ? shown(shortSha(origin.commit)) : "" }] : [],
    providerColumn(ruleOf),
    { name: "Severity", value: (finding) => severityCell(finding, verified) },
    ...verified ? [{ name: "Status", value: statusCell }] : [],
    keyColumn()
  ];
}
function rotationHints(findings, ruleOf) {
  const hints = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const rule = ruleOf(finding);
    if (rule && !hints.has(rule.id)) hints.set(rule.id, `   - ${shown(rule.name)}: ${shown(rule.hint)}`);
  }
  return [...hints.values()];
}
function renderPrComment(result, rules, scope, runUrl) {
  const { findings } = result;
  if (findings.length === 0) return renderAllClearComment(scope, runUrl);
  const ruleOf = rulesById(rules);
  const verified = isVerified(findings);
  const summary2 = runLink("the job summary", runUrl) ?? "the job summary";
  return documentWithin(commentLimit, commentSize, {
    before: [prCommentMarker, heading(result, verified), "", scopeLine(scope, runUrl), "", ...verified ? urgentAdvice(findings) : []],
    columns: commentColumns(findings, ruleOf),
    findings,
    after: [
      "",
      "**What to do**",
      "",
      "1. **Rotate each key** at its provider: revoke it and create a new one. A key pushed to a pull request is leaked even if the commit is dropped later: anyone who fetched the branch has it, and GitHub keeps the commit.",
      ...rotationHints(findings, ruleOf),
      "2. **Remove it from the code** (read it from an environment variable or a secret store) and rewrite the commits that added it (`git commit --amend`, `git rebase -i`): deleting it in a new commit leaves it in the history, and this check keeps failing.",
      `3. **A deliberate fake** (a test fixture)? ${fakeAdvice(findings, "`.keywardenignore`", ` (listed in ${summary2})`)}`,
      ""
    ],
    more: (left) => `\u2026 and ${left} more, see ${summary2}.`
  });
}
function renderAllClearComment(scope, runUrl) {
  return [
    prCommentMarker,
    "### \u2705 keywarden: no leaked keys",
    "",
    scopeLine(scope, runUrl),
    "",
    "Any key reported here before was pushed, so it stays leaked: make sure it was rotated at its provider.",
    ""
  ].join("\n");
}

// src/run/version.ts
import { readFileSync } from "node:fs";
var toolVersion = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    const version = pkg.version;
    return typeof version === "string" ? version : "0.0.0";
  } catch {
    return "0.0.0";
  }
})();

// src/run/notify.ts
import { resolve } from "node:path";

// src/respond/notify/github-channel.ts
function repositoryName(repository) {
  return `${repository.owner}/${repository.name}`;
}
function findingsIn(notice, repository) {
  const name = repositoryName(repository).toLowerCase();
  return notice.findings.filter((finding) => finding.repository === void 0 || finding.repository.toLowerCase() === name);
}
function failedDelivery(channel, target, error) {
  const message = error instanceof Error ? error.message : "unknown error";
  return { channel, outcome: "failed", detail: `${target}: ${message}` };
}

// src/respond/notify/notice.ts
var channelNames = ["issue", "commit-comment", "webhook"];
function missingSetting(name, given) {
  const blank = (value) => value === void 0 || value.trim() === "";
  if (name === "webhook") return blank(given.webhookUrl) ? "no webhook URL: set KEYWARDEN_WEBHOOK_URL (or give --webhook URL)" : void 0;
  return blank(given.token) ? "GITHUB_TOKEN is not set" : void 0;
}
function statusOf2(finding) {
  if (finding.revocation === "revoked" || finding.revocation === "already-revoked") return "revoked";
  const status = finding.verification?.status;
  if (status === void 0 || status === "skipped") return "not verified";
  return status;
}
function isSettled(finding) {
  const status = statusOf2(finding);
  return status === "revoked" || status === "invalid";
}
function keyId(finding) {
  return finding.secretHash.replace(/^sha256:/, "").slice(0, 16);
}
function lineLink(repository, finding) {
  if (finding.commit === void 0 || finding.path === void 0) return void 0;
  const path = finding.path.split("/").map(encodeURIComponent).join("/");
  return `${repository.webUrl}/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.name)}/blob/${finding.commit}/${path}#L${finding.line}`;
}

// src/respond/notify/issue-state.ts
var statePrefix = "<!-- keywarden:state ";
var maxRemembered = 50;
var statuses = ["live", "unknown", "not verified", "invalid", "revoked"];
var placeOf2 = (finding) => `${keyId(finding)}\0${finding.path ?? ""}\0${finding.line}\0${finding.commit ?? ""}`;
function remember(finding) {
  return {
    k: keyId(finding),
    r: finding.redacted,
    p: finding.provider,
    i: finding.ruleId,
    v: finding.severity,
    s: statusOf2(finding),
    l: finding.line,
    ...finding.path !== void 0 ? { f: finding.path } : {},
    ...finding.commit !== void 0 ? { c: finding.commit } : {}
  };
}
function recall(row, hint) {
  const status = row.s === "revoked" ? { revocation: "revoked" } : row.s === "not verified" ? {} : { verification: { status: row.s, detail: {} } };
  return {
    ruleId: row.i,
    provider: row.p,
    severity: row.v,
    secretHash: `sha256:${row.k}`,
    redacted: row.r,
    fingerprint: row.k,
    source: row.c !== void 0 ? "history" : "file",
    line: row.l,
    column: 1,
    endColumn: 1,
    ...row.f !== void 0 ? { path: row.f } : {},
    ...row.c !== void 0 ? { commit: row.c } : {},
    ...hint !== void 0 ? { hint } : {},
    ...status
  };
}
function stateLine(findings) {
  const kept = [...findings].sort((a, b) => statuses.indexOf(statusOf2(a)) - statuses.indexOf(statusOf2(b))).slice(0, maxRemembered);
  const hints = Object.fromEntries(kept.flatMap((finding) => finding.hint !== void 0 ? [[finding.ruleId, finding.hint]] : []));
  const state = { rows: kept.map(remember), hints };
  return `${statePrefix}${Buffer.from(JSON.stringify(state)).toString("base64url")} -->`;
}
function isRemembered(value) {
  if (value === null || typeof value !== "object") return false;
  const row = value;
  const text = (field) => typeof field === "string" && field.length > 0 && field.length <= 500;
  return typeof row.k === "string" && /^[0-9a-f]{16}$/.test(row.k) && text(row.r) && text(row.p) && text(row.i) && text(row.v) && statuses.includes(row.s) && typeof row.l === "number" && Number.isInteger(row.l) && row.l >= 1 && (row.f === void 0 || text(row.f)) && (row.c === void 0 || typeof row.c === "string" && /^[0-9a-f]{7,64}$/.test(row.c));
}
function rememberedIn(body) {
  const line = body.split(/\r?\n/).find((text) => text.startsWith(statePrefix));
  if (line === void 0) return [];
  try {
    const parsed = JSON.parse(Buffer.from(line.slice(statePrefix.length).replace(/\s*-->\s*$/, ""), "base64url").toString("utf8"));
    if (parsed === null || typeof parsed !== "object") return [];
    const { rows, hints } = parsed;
    const hintOf = (ruleId) => {
      const hint = hints !== null && typeof hints === "object" ? hints[ruleId] : void 0;
      return typeof hint === "string" && hint.length <= 500 ? hint : void 0;
    };
    return Array.isArray(rows) ? rows.filter(isRemembered).map((row) => recall(row, hintOf(row.i))) : [];
  } catch {
    return [];
  }
}
function withRemembered(findings, remembered) {
  const reported = new Set(findings.map(placeOf2));
  const latest = new Map(findings.map((finding) => [keyId(finding), finding]));
  const carried = remembered.filter((row) => !reported.has(placeOf2(row))).map((row) => {
    const now = latest.get(keyId(row));
    if (!now) return row;
    const place = { ...row };
    delete place.verification;
    delete place.revocation;
    return { ...place, ...now.verification ? { verification: now.verification } : {}, ...now.revocation ? { revocation: now.revocation } : {} };
  });
  return [...findings, ...carried];
}

// src/respond/notify/github-render.ts
var issueMarker = "<!-- keywarden:notify-issue -->";
var issueTitle = "Leaked API keys (keywarden)";
var bodyLimit = 65536;
var closingComment = "Every key listed in this issue is now revoked or invalid, so keywarden closes it. It reopens the issue if a key that may still work turns up again.";
var unsettledPrefix = "<!-- keywarden:unsettled";
var maxNamedKeys = 1e3;
function unsettledKeysIn(body) {
  const line = body.split(/\r?\n/).find((text) => text.startsWith(unsettledPrefix));
  if (line === void 0) return void 0;
  return new Set(line.slice(unsettledPrefix.length).replace(/-->\s*$/, "").trim().split(/\s+/).filter((id) => /^[0-9a-f]{16}$/.test(id)));
}
var statusOrder = ["live", "unknown", "not verified", "invalid", "revoked"];
function renderIssueBody(repository, findings) {
  const keys = distinctKeys(findings);
  const settled = findings.every(isSettled);
  const head = [
    issueMarker,
    `## keywarden: ${plural(keys.length, "leaked API key")} in ${inertCell(`${repository.owner}/${repository.name}`)}`,
    "",
    `${summary(keys)}${settled ? " Every key here is revoked or invalid: nothing is left to do." : ""}`,
    ...keys.some((finding) => statusOf2(finding) === "live" || statusOf2(finding) === "unknown") ? ["", "**A live key works right now: revoke it at its provider first, then remove it from the code. One that could not be checked may still work.**"] : [],
    "",
    "| Key | Provider | Status | Where | First thing to do |",
    "|---|---|---|---|---|"
  ];
  const owners = mentions(findings);
  const unsettled = distinctKeys(findings.filter((finding) => !isSettled(finding))).slice(0, maxNamedKeys);
  const tail = [
    ...owners.length > 0 ? ["", `Owners: ${owners.join(" ")}`] : [],
    "",
    "<sub>keywarden edits this issue on each run, and closes it once every key is revoked or invalid.</sub>",
    `${unsettledPrefix} ${unsettled.map(keyId).join(" ")} -->`,
    stateLine(findings)
  ];
  const rows = byUrgency(findings).map((finding) => issueRow(repository, finding));
  return withinLimit(head, rows, tail).join("\n") + "\n";
}
function withinLimit(head, rows, tail) {
  const room = bodyLimit - 200 - [...head, ...tail].reduce((size, line) => size + line.length + 1, 0);
  let used = 0;
  let kept = 0;
  while (kept < rows.length && used + rows[kept].length + 1 <= room) used += rows[kept++].length + 1;
  const more = rows.length - kept;
  return [...head, ...rows.slice(0, kept), ...more > 0 ? ["", `\u2026 and ${plural(more, "more finding")}, left out because GitHub limits an issue to ${bodyLimit} characters.`] : [], ...tail];
}
function issueRow(repository, finding) {
  return `| ${keyCell(finding)} | ${inertCell(finding.provider)} | ${statusCell2(finding)} | ${whereCell(repository, finding)} | ${todoCell(finding)} |`;
}
function renderCommitComment(finding) {
  const owners = mentions([finding]);
  return [
    commitCommentMarker(finding),
    `**keywarden**: this line adds a leaked ${inertCell(finding.provider)} API key, ${keyCell(finding)}.`,
    "",
    `Status: ${statusCell2(finding)}. First thing to do: ${todoCell(finding)}`,
    ...owners.length > 0 ? ["", `Owners: ${owners.join(" ")}`] : [],
    ""
  ].join("\n");
}
function commitCommentMarker(finding) {
  return `<!-- keywarden:commit-comment ${keyId(finding)} -->`;
}
function commitCommentMarkerOf(body) {
  return /^\s*(<!-- keywarden:commit-comment [0-9a-f]{16} -->)/.exec(body)?.[1];
}
function summary(keys) {
  const counts = statusOrder.map((status) => [status, keys.filter((finding) => statusOf2(finding) === status).length]).filter(([, count]) => count > 0);
  return `${plural(keys.length, "key")}: ${counts.map(([status, count]) => `${count} ${status}`).join(", ")}.`;
}
function distinctKeys(findings) {
  const seen = /* @__PURE__ */ new Map();
  for (const finding of byUrgency(findings)) if (!seen.has(finding.secretHash)) seen.set(finding.secretHash, finding);
  return [...seen.values()];
}
function byUrgency(findings) {
  return [...findings].sort((a, b) => statusOrder.indexOf(statusOf2(a)) - statusOrder.indexOf(statusOf2(b)));
}
function keyCell(finding) {
  return `\`${Secret.fromRedacted(finding.redacted).redacted}\``;
}
function statusCell2(finding) {
  const status = statusOf2(finding);
  return status === "live" || status === "unknown" ? `**${status}**` : status;
}
function whereCell(repository, finding) {
  if (finding.path === void 0) return "(handed in)";
  const place = inertCell(`${finding.path}:${finding.line}`);
  const link = lineLink(repository, finding);
  return link === void 0 ? place : `[${place}](${link.replace(/\(/g, "%28").replace(/\)/g, "%29")})`;
}
function todoCell(finding) {
  if (isSettled(finding)) return `Nothing: the key is ${statusOf2(finding)}.`;
  return inertCell(finding.hint ?? "Revoke the key at its provider, create a new one, and load it from the environment.");
}
var mentionShape = /^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9][A-Za-z0-9._-]{0,99})?$/;
function mentions(findings) {
  const owners = [...new Set(findings.flatMap((finding) => finding.owners ?? []))];
  return owners.map((owner) => mentionShape.test(owner) ? owner : inertCell(owner));
}
function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

// src/respond/notify/commit-comment-channel.ts
function commitCommentChannel(settings) {
  const { repository } = settings;
  return {
    name: "commit-comment",
    messages(notice) {
      return onePerCommitAndKey(findingsIn(notice, repository)).map(messageOf);
    },
    async deliver(notice) {
      const findings = findingsIn(notice, repository);
      const withCommit = onePerCommitAndKey(findings);
      const without = findings.filter((finding) => !hasCommit(finding)).length;
      const deliveries = [];
      if (without > 0) {
        deliveries.push({ channel: "commit-comment", outcome: "skipped", detail: `${plural(without, "finding")} not from history: no commit to comment on` });
      }
      if (withCommit.length === 0) return deliveries;
      let client;
      try {
        client = gitHubClient(settings);
      } catch (error) {
        return [...deliveries, ...withCommit.map((finding) => failedDelivery("commit-comment", messageOf(finding).target, error))];
      }
      const markersOn = markersByCommit(client);
      for (const finding of withCommit) {
        const message = messageOf(finding);
        try {
          deliveries.push(await client.call((api) => commentOnce(api, settings, finding, message, markersOn)));
        } catch (error) {
          deliveries.push(failedDelivery("commit-comment", message.target, error));
        }
      }
      return deliveries;
    }
  };
}
function messageOf(finding) {
  return { channel: "commit-comment", target: `commit ${finding.commit.slice(0, 7)} at ${finding.path}:${finding.line}`, body: renderCommitComment(finding) };
}
function hasCommit(finding) {
  return finding.commit !== void 0 && finding.path !== void 0;
}
function onePerCommitAndKey(findings) {
  const first = /* @__PURE__ */ new Map();
  for (const finding of findings.filter(hasCommit)) {
    const key = `${finding.commit} ${finding.secretHash}`;
    if (!first.has(key)) first.set(key, finding);
  }
  return [...first.values()];
}
async function commentOnce(api, settings, finding, message, markersOn) {
  const where = { owner: settings.repository.owner, repo: settings.repository.name };
  const markers = await markersOn(finding.commit, where);
  const marker = commitCommentMarker(finding);
  if (markers.has(marker)) return { channel: "commit-comment", outcome: "unchanged", detail: `${message.target}: already commented` };
  await api.rest.repos.createCommitComment({ ...where, commit_sha: finding.commit, body: message.body, path: finding.path, line: finding.line, request: { retries: 0 } });
  markers.add(marker);
  return { channel: "commit-comment", outcome: "created", detail: `${message.target}: commented` };
}
function markersByCommit(client) {
  const listed = /* @__PURE__ */ new Map();
  return async (commit, where) => {
    const known = listed.get(commit);
    if (known) return known;
    const markers = /* @__PURE__ */ new Set();
    for await (const item of listAll(client.api, "GET /repos/{owner}/{repo}/commits/{commit_sha}/comments", { ...where, commit_sha: commit }, "commit comments")) {
      if (item === null || typeof item !== "object") continue;
      const fields = item;
      const marker = typeof fields.body === "string" ? commitCommentMarkerOf(fields.body) : void 0;
      if (marker !== void 0 && isTrustedAuthor(authorOf(fields))) markers.add(marker);
    }
    listed.set(commit, markers);
    return markers;
  };
}

// src/respond/notify/issue-channel.ts
var securityLabel = "security";
function issueChannel(settings) {
  const { repository } = settings;
  const target = `issue in ${repositoryName(repository)}`;
  const outgoing = (body) => ({ channel: "issue", target, body });
  return {
    name: "issue",
    messages(notice) {
      const findings = findingsIn(notice, repository);
      if (findings.length === 0) return [];
      const messages = [outgoing(renderIssueBody(repository, findings))];
      if (findings.every(isSettled)) messages.push({ channel: "issue", target: `comment closing the ${target}`, body: closingComment });
      return messages;
    },
    async deliver(notice) {
      const findings = findingsIn(notice, repository);
      if (findings.length === 0) return [{ channel: "issue", outcome: "skipped", detail: `${target}: the report has no findings for this repository` }];
      try {
        const client = gitHubClient(settings);
        return [await client.call((api) => keepIssue(api, settings, findings))];
      } catch (error) {
        return [failedDelivery("issue", target, error)];
      }
    }
  };
}
async function keepIssue(api, settings, reported) {
  const { repository } = settings;
  const where = { owner: repository.owner, repo: repository.name };
  const name = repositoryName(repository);
  const issue = await findIssue(api, where);
  const all = issue ? withRemembered(reported, rememberedIn(issue.body)) : reported;
  const body = renderIssueBody(repository, all);
  const settled = all.every(isSettled);
  if (!issue) {
    if (settled) return { channel: "issue", outcome: "skipped", detail: `issue in ${name}: every key is revoked or invalid, so no issue is opened` };
    const labels = await hasLabel(api, where, securityLabel) ? [securityLabel] : [];
    const { data } = await api.rest.issues.create({ ...where, title: issueTitle, body, ...labels.length > 0 ? { labels } : {}, request: { retries: 0 } });
    return { channel: "issue", outcome: "created", detail: `issue #${data.number} in ${name} opened` };
  }
  const changed = !sameBody(issue.body, body);
  const ref = `issue #${issue.number} in ${name}`;
  if (settled) {
    if (issue.state === "closed") {
      if (!changed) return { channel: "issue", outcome: "unchanged", detail: `${ref} is closed and up to date` };
      await api.rest.issues.update({ ...where, issue_number: issue.number, body });
      return { channel: "issue", outcome: "updated", detail: `${ref} (closed) updated` };
    }
    await api.rest.issues.createComment({ ...where, issue_number: issue.number, body: closingComment, request: { retries: 0 } });
    await api.rest.issues.update({ ...where, issue_number: issue.number, ...changed ? { body } : {}, state: "closed", state_reason: "completed" });
    return { channel: "issue", outcome: "closed", detail: `${ref} closed: every key is revoked or invalid` };
  }
  const reopen = issue.state === "closed" && hasNewUnsettledKey(issue.body, all);
  const addLabel = !issue.labels.some((label) => label.toLowerCase() === securityLabel) && await hasLabel(api, where, securityLabel);
  if (!changed && !reopen && !addLabel) return { channel: "issue", outcome: "unchanged", detail: `${ref} is up to date` };
  await api.rest.issues.update({
    ...where,
    issue_number: issue.number,
    ...changed ? { body } : {},
    ...reopen ? { state: "open" } : {},
    // The whole list is set: the labels people added stay.
    ...addLabel ? { labels: [...issue.labels, securityLabel] } : {}
  });
  return { channel: "issue", outcome: "updated", detail: `${ref} ${reopen ? "reopened: a key that may still work is not in it" : "updated"}` };
}
function hasNewUnsettledKey(body, findings) {
  const listed = unsettledKeysIn(body) ?? /* @__PURE__ */ new Set();
  return findings.some((finding) => !isSettled(finding) && !listed.has(keyId(finding)));
}
async function findIssue(api, where) {
  const parameters = { ...where, state: "all", sort: "created", direction: "asc" };
  for await (const item of listAll(api, "GET /repos/{owner}/{repo}/issues", parameters, "issues")) {
    const issue = listedIssue(item);
    if (issue && issue.body.trimStart().startsWith(issueMarker) && isTrustedAuthor(issue.author)) return issue;
  }
  return void 0;
}
function listedIssue(item) {
  if (item === null || typeof item !== "object") return void 0;
  const fields = item;
  if (typeof fields.number !== "number" || typeof fields.body !== "string" || fields.pull_request !== void 0) return void 0;
  const labels = Array.isArray(fields.labels) ? fields.labels.map(labelName).filter((label) => label !== void 0) : [];
  return { number: fields.number, body: fields.body, state: fields.state === "closed" ? "closed" : "open", labels, author: authorOf(fields) };
}
function labelName(label) {
  if (typeof label === "string") return label;
  const name = label !== null && typeof label === "object" ? label.name : void 0;
  return typeof name === "string" ? name : void 0;
}
async function hasLabel(api, where, name) {
  try {
    await api.rest.issues.getLabel({ ...where, name });
    return true;
  } catch (error) {
    if (httpStatus(error) === 404) return false;
    throw error;
  }
}

// src/respond/notify/webhook.ts
import { createHmac } from "node:crypto";

// src/respond/notify/slack-text.ts
var maxSlackTextChars = 3e3;
var noticeStatusesByUrgency = ["live", "unknown", "not verified", "revoked", "invalid"];
var maxPathChars = 120;
var maxLinkChars = 600;
function escapeMrkdwn(text) {
  return printable(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/@/g, "@\u200B");
}
function code(text) {
  return `\`${escapeMrkdwn(text).replace(/`/g, "\u02CB")}\``;
}
var plural2 = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;
function placeOf3(finding) {
  if (finding.path === void 0) return "given as input";
  const path = finding.path.length > maxPathChars ? `\u2026${finding.path.slice(-(maxPathChars - 1))}` : finding.path;
  return `${path}:${finding.line}`;
}
function locationOf(finding, notice) {
  const place = escapeMrkdwn(placeOf3(finding));
  const link = notice.repository ? lineLink(notice.repository, finding) : void 0;
  if (link !== void 0 && link.length <= maxLinkChars) return `<${escapeMrkdwn(link)}|${place}>`;
  const repository = finding.repository !== void 0 && notice.repository === void 0 ? `${escapeMrkdwn(finding.repository)} ` : "";
  const commit = finding.commit !== void 0 ? ` in ${escapeMrkdwn(finding.commit.slice(0, 7))}` : "";
  return `${repository}${place}${commit}`;
}
function findingLine(finding, notice) {
  return `\u2022 *${statusOf2(finding)}* ${code(finding.redacted)} ${escapeMrkdwn(finding.provider)} \u2014 ${locationOf(finding, notice)}`;
}
function summaryLine(notice, sorted) {
  const keys = new Set(sorted.map((finding) => finding.secretHash)).size;
  const found = keys === sorted.length ? plural2(keys, "leaked key") : `${plural2(sorted.length, "finding")} of ${plural2(keys, "leaked key")}`;
  const repo = notice.repository;
  const where = repo ? ` in <${escapeMrkdwn(`${repo.webUrl}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`)}|${escapeMrkdwn(`${repo.owner}/${repo.name}`)}>` : "";
  const counts = noticeStatusesByUrgency.map((status) => [status, sorted.filter((finding) => statusOf2(finding) === status).length]).filter(([, count]) => count > 0).map(([status, count]) => `${count} ${status}`);
  return `*keywarden: ${found}*${where} \u2014 ${counts.join(", ")}`;
}
function byUrgency2(findings) {
  const rank = (finding) => noticeStatusesByUrgency.indexOf(statusOf2(finding));
  return [...findings].sort((a, b) => rank(a) - rank(b));
}
function renderSlackText(notice, maxChars = maxSlackTextChars) {
  const sorted = byUrgency2(notice.findings);
  const lines = [summaryLine(notice, sorted)];
  let length = lines[0]?.length ?? 0;
  for (const [index, finding] of sorted.entries()) {
    const line = findingLine(finding, notice);
    const left = sorted.length - index - 1;
    const reserve = left > 0 ? `
_and ${left} more_`.length : 0;
    if (length + 1 + line.length + reserve > maxChars) {
      lines.push(`_and ${sorted.length - index} more_`);
      break;
    }
    lines.push(line);
    length += 1 + line.length;
  }
  return lines.join("\n");
}

// src/respond/notify/webhook.ts
var defaultTimeoutMs = 1e4;
var maxAnswerBytes = 64 * 1024;
var errorCode = /^[a-z][a-z_]{0,39}$/;
function webhookSignature(secret, body) {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}
function webhookUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError("the webhook URL is not a URL (give https://HOST/PATH)");
  }
  const refused = refusal(url, /* @__PURE__ */ new Set([url.hostname.toLowerCase()]));
  if (refused) throw new UsageError(`the webhook URL is refused: ${refused}`);
  return url;
}
function withoutUrl(text, url) {
  const parts = [url.href, `${url.pathname}${url.search}`, ...`${url.pathname}/${url.search}`.split(/[/?&=]/).filter((part) => part.length >= 6)];
  return parts.filter((part) => part.length > 1).reduce((out, part) => out.split(part).join("\u2026"), text);
}
function webhookChannel(settings, io = { http: fetchClient }) {
  const url = webhookUrl(settings.url);
  let attempts = 0;
  const counted = { ...io, http: (request, limits) => (attempts++, io.http(request, limits)) };
  const send = createPinnedClient(
    { allowedHosts: [url.hostname], timeoutMs: settings.timeoutMs ?? defaultTimeoutMs, maxBodyBytes: maxAnswerBytes, ...settings.retry ? { retry: settings.retry } : {} },
    counted
  );
  const now = io.now ?? Date.now;
  const bodyOf2 = (notice, timestamp) => {
    const payload = { text: renderSlackText(notice), findings: notice.findings, ...timestamp !== void 0 ? { timestamp } : {} };
    return JSON.stringify(payload);
  };
  const timestampNow = () => settings.secret !== void 0 ? Math.floor(now() / 1e3) : void 0;
  const describe = (outcome, count) => {
    const after = attempts > 1 ? ` after ${attempts} attempts` : "";
    if (outcome.kind === "refused") return failed(`the webhook URL is refused: ${withoutUrl(outcome.reason, url)}`);
    if (outcome.kind === "failure") return failed(`the webhook could not be reached${after}: ${withoutUrl(outcome.message, url)}`);
    if (outcome.status >= 200 && outcome.status < 300) return { channel: "webhook", outcome: "sent", detail: `posted ${count} finding${count === 1 ? "" : "s"} to the webhook (HTTP ${outcome.status})` };
    const answer = outcome.body.trim();
    const said = errorCode.test(answer) ? `: ${answer}` : "";
    return failed(`the webhook answered HTTP ${outcome.status}${said}${after}`);
  };
  return {
    name: "webhook",
    messages(notice) {
      if (notice.findings.length === 0) return [];
      return [{ channel: "webhook", target: "webhook", body: bodyOf2(notice, timestampNow()) }];
    },
    async deliver(notice) {
      if (notice.findings.length === 0) return [{ channel: "webhook", outcome: "skipped", detail: "nothing to tell: no findings" }];
      const timestamp = timestampNow();
      const body = bodyOf2(notice, timestamp);
      const headers = { "content-type": "application/json", "user-agent": `keywarden/${notice.toolVersion}` };
      if (settings.secret !== void 0 && timestamp !== void 0) {
        headers["x-keywarden-signature"] = webhookSignature(settings.secret, body);
        headers["x-keywarden-timestamp"] = String(timestamp);
      }
      attempts = 0;
      const outcome = await send({ method: "POST", url, headers, body });
      return [describe(outcome, notice.findings.length)];
    }
  };
}
var failed = (detail) => ({ channel: "webhook", outcome: "failed", detail });

// src/respond/notify/channels.ts
function gitHubChannel(name, settings) {
  return name === "issue" ? issueChannel(settings) : commitCommentChannel(settings);
}
function buildChannel(name, settings, io) {
  if (name === "webhook") {
    const { url, ...rest } = settings.webhook;
    const missing2 = missingSetting(name, { webhookUrl: url });
    if (missing2 !== void 0) throw new UsageError(missing2);
    return webhookChannel({ ...rest, url: (url ?? "").trim() }, io);
  }
  const { repository, token, timing } = settings.github;
  if ("problem" in repository) throw new UsageError(repository.problem);
  const { repository: target, apiUrl } = repository.target;
  const missing = missingSetting(name, { token });
  if (missing !== void 0) throw new UsageError(`${missing} (a token that may write issues and comments on ${target.owner}/${target.name})`);
  return gitHubChannel(name, { ...timing, repository: target, apiUrl, token: token ?? "" });
}
function buildChannels(names2, settings, io) {
  return names2.map((name) => {
    try {
      return { name, channel: buildChannel(name, settings, io) };
    } catch (error) {
      if (error instanceof KeywardenError) return { name, problem: error.message };
      throw error;
    }
  });
}

// src/respond/notify/repository.ts
var ownerShape = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;
var nameShape = /^[A-Za-z0-9._-]{1,100}$/;
function parseOwnerName(text) {
  const [owner, name, ...rest] = text.split("/");
  if (owner === void 0 || name === void 0 || rest.length > 0) return void 0;
  if (!ownerShape.test(owner) || !nameShape.test(name) || name === "." || name === "..") return void 0;
  return { owner, name };
}
function parseRemoteUrl(remote) {
  const text = remote.trim();
  const scp = /^(?:[^@/:]+@)?([A-Za-z0-9.-]+):(?!\/)([^:]+)$/.exec(text);
  if (scp?.[1] && scp[2] !== void 0) return remoteAt(scp[1], `https://${scp[1].toLowerCase()}`, scp[2]);
  let url;
  try {
    url = new URL(text);
  } catch {
    return void 0;
  }
  const host = url.hostname.toLowerCase();
  if (host === "") return void 0;
  if (url.protocol === "https:" || url.protocol === "http:") return remoteAt(host, `${url.protocol}//${url.host.toLowerCase()}`, url.pathname);
  if (url.protocol === "ssh:" || url.protocol === "git:" || url.protocol === "git+ssh:") return remoteAt(host, `https://${host}`, url.pathname);
  return void 0;
}
function remoteAt(host, webUrl, path) {
  const parts = path.replace(/^\/+|\/+$/g, "").replace(/\.git$/, "");
  const ownerName = parseOwnerName(parts);
  return ownerName ? { host: host.toLowerCase(), webUrl, ...ownerName } : void 0;
}
var withoutTrailingSlash = (url) => url.replace(/\/+$/, "");
function apiUrlFor(webUrl, env) {
  if (env.GITHUB_API_URL?.trim()) return withoutTrailingSlash(env.GITHUB_API_URL.trim());
  return webUrl === "https://github.com" ? "https://api.github.com" : `${webUrl}/api/v3`;
}
function defaultWebUrl(env) {
  if (env.GITHUB_SERVER_URL?.trim()) return withoutTrailingSlash(env.GITHUB_SERVER_URL.trim());
  const api = env.GITHUB_API_URL?.trim();
  if (api) {
    try {
      const url = new URL(api);
      return url.hostname.toLowerCase() === "api.github.com" ? "https://github.com" : `${url.protocol}//${url.host}`;
    } catch {
    }
  }
  return "https://github.com";
}
function targetOf(ownerName, webUrl, env, from) {
  return { target: { repository: { ...ownerName, webUrl }, apiUrl: apiUrlFor(webUrl, env), from } };
}
function resolveRepository(inputs) {
  const { env } = inputs;
  if (inputs.flag !== void 0) {
    const given = parseOwnerName(inputs.flag);
    return given ? targetOf(given, defaultWebUrl(env), env, "--repo") : { problem: "--repo is not OWNER/NAME" };
  }
  const named = [...new Set(inputs.reportRepositories)];
  if (named.length > 1) return { problem: `the report's findings are in ${named.length} repositories; give --repo OWNER/NAME to choose one` };
  const fromReport = named[0] === void 0 ? void 0 : parseOwnerName(named[0]);
  if (fromReport) return targetOf(fromReport, defaultWebUrl(env), env, "the report");
  if (env.GITHUB_REPOSITORY?.trim()) {
    const fromEnv = parseOwnerName(env.GITHUB_REPOSITORY.trim());
    return fromEnv ? targetOf(fromEnv, defaultWebUrl(env), env, "GITHUB_REPOSITORY") : { problem: "GITHUB_REPOSITORY is not OWNER/NAME" };
  }
  const { originUrl } = inputs;
  const remote = originUrl === void 0 ? void 0 : parseRemoteUrl(originUrl);
  if (remote) return targetOf(remote, remote.webUrl, env, "the origin remote");
  const why = originUrl === void 0 ? "no origin remote" : "an origin remote that names no OWNER/NAME on a host";
  return { problem: `no repository: give --repo OWNER/NAME or set GITHUB_REPOSITORY (the report names none, and its root has ${why})` };
}

// src/rules/rule-set.ts
async function loadRuleSet(extraDirs = []) {
  if (extraDirs.length === 0) {
    const cached = readRuleCache(builtinRulesDir);
    if (cached) return cached;
  }
  const { loadRuleFiles } = await import("./load-VYXAOL4H.js");
  return loadRuleFiles(extraDirs);
}

// src/sources/origin.ts
async function originRemoteUrl(dir) {
  try {
    const { stdout, code: code2 } = await gitOutput(dir, ["remote", "get-url", "origin"], { allowFailure: true });
    const url = stdout.toString("utf8").trim();
    return code2 === 0 && url !== "" ? url : void 0;
  } catch {
    return void 0;
  }
}

// src/respond/notify/commit-author.ts
var notThere = /* @__PURE__ */ new Set([404, 422]);
function statusOf3(error) {
  return typeof error === "object" && error !== null && "status" in error && typeof error.status === "number" ? error.status : void 0;
}
function authorLoginIn(data) {
  if (typeof data !== "object" || data === null || !("author" in data)) return void 0;
  const author = data.author;
  if (typeof author !== "object" || author === null || !("login" in author)) return void 0;
  return typeof author.login === "string" && author.login !== "" ? author.login : void 0;
}
function commitAuthorLogin(request, repository) {
  return async (commit) => {
    try {
      const { data } = await request("GET /repos/{owner}/{repo}/commits/{ref}", { owner: repository.owner, repo: repository.name, ref: commit, per_page: 1 });
      return authorLoginIn(data);
    } catch (error) {
      if (notThere.has(statusOf3(error) ?? 0)) return void 0;
      throw error;
    }
  };
}

// src/respond/notify/owners.ts
var anyDepth = { anyDepth: true };
var anySegment = { anyDepth: false, glob: ["*"] };
function compilePattern(source) {
  if (source.startsWith("!")) return "negation (!) does not work in CODEOWNERS";
  if (source.startsWith("\\#")) return "escaping a leading # does not work in CODEOWNERS";
  const tokens = [];
  const chars = Array.from(source);
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? "";
    if (char === "\\") {
      const next = chars[++i];
      if (next === void 0) return "a pattern cannot end with a backslash";
      tokens.push({ literal: next });
    } else if (char === "[" || char === "]") {
      return "character ranges ([ ]) do not work in CODEOWNERS";
    } else {
      tokens.push(char === "*" || char === "?" || char === "/" ? char : { literal: char });
    }
  }
  const steps = stepsOf(tokens);
  if (typeof steps === "string") return steps;
  return { source, matches: (path) => stepsMatch(steps, path.split("/").filter((part) => part !== "").map((part) => Array.from(part))) };
}
function stepsOf(tokens) {
  const directoryOnly = tokens.length > 1 && tokens.at(-1) === "/";
  const segments = [[]];
  for (const token of tokens) {
    if (token === "/") segments.push([]);
    else segments.at(-1)?.push(token);
  }
  const anchored = tokens.filter((token) => token === "/").length > (directoryOnly ? 1 : 0);
  const parts = segments.filter((segment) => segment.length > 0);
  if (parts.length === 0) return "an empty pattern";
  const steps = parts.map(
    (glob) => glob.length === 2 && glob[0] === "*" && glob[1] === "*" ? anyDepth : { anyDepth: false, glob: glob.filter((token, i) => token !== "*" || glob[i - 1] !== "*") }
  );
  if (!anchored && steps[0] !== anyDepth) steps.unshift(anyDepth);
  const last = steps.at(-1);
  const loneStar = last !== void 0 && !last.anyDepth && last.glob.length === 1 && last.glob[0] === "*";
  if (last === anyDepth) steps.pop();
  if (directoryOnly || last === anyDepth) steps.push(anySegment, anyDepth);
  else if (!loneStar) steps.push(anyDepth);
  return steps;
}
function stepsMatch(steps, parts) {
  let reachable = Array.from({ length: parts.length + 1 }, (_, i) => i === 0);
  for (const step of steps) {
    const next = reachable.map(() => false);
    let seen = false;
    reachable.forEach((here, j) => {
      if (step.anyDepth) next[j] = seen ||= here;
      else if (here && j < parts.length && globMatches(step.glob, parts[j] ?? [])) next[j + 1] = true;
    });
    reachable = next;
  }
  return reachable[parts.length] === true;
}
function globMatches(glob, text) {
  let g = 0;
  let t = 0;
  let star = -1;
  let starText = 0;
  while (t < text.length) {
    const token = glob[g];
    if (token === "*") {
      star = g++;
      starText = t;
    } else if (token !== void 0 && (token === "?" || token.literal === text[t])) {
      g++;
      t++;
    } else if (star >= 0) {
      g = star + 1;
      t = ++starText;
    } else {
      return false;
    }
  }
  while (glob[g] === "*") g++;
  return g === glob.length;
}
var login = "[A-Za-z0-9][A-Za-z0-9_-]{0,38}";
var userMention = new RegExp(`^@${login}$`);
var teamMention = new RegExp(`^@${login}/[A-Za-z0-9_.-]{1,100}$`);
var emailAddress = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
function ownerOf(word) {
  if (userMention.test(word)) return { kind: "user", mention: word };
  if (teamMention.test(word)) return { kind: "team", mention: word };
  if (emailAddress.test(word)) return { kind: "email", address: word };
  return void 0;
}
function wordsOf(line) {
  const words = [];
  let word;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] ?? "";
    if (char === " " || char === "	") {
      if (word !== void 0) words.push(word);
      word = void 0;
    } else if (char === "#" && word === void 0) {
      break;
    } else {
      word = (word ?? "") + (char === "\\" ? char + (line[++i] ?? "") : char);
    }
  }
  if (word !== void 0) words.push(word);
  return words;
}
function parseCodeOwners(text) {
  const rules = [];
  const invalid = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (const [index, content] of lines.entries()) {
    const line = index + 1;
    const [source, ...ownerWords] = wordsOf(content);
    if (source === void 0) continue;
    const pattern = compilePattern(source);
    const owners = ownerWords.map(ownerOf).filter((owner) => owner !== void 0);
    if (typeof pattern === "string") invalid.push({ line, reason: pattern });
    else if (owners.length < ownerWords.length) invalid.push({ line, reason: "an owner is not @user, @org/team or an email address" });
    else rules.push({ line, pattern, owners });
  }
  return { rules, invalid };
}
function ownersOf(codeOwners, path) {
  return codeOwners.rules.findLast((rule) => rule.pattern.matches(path))?.owners;
}
function mentionsOf(owners) {
  return [...new Set(owners.flatMap((owner) => owner.kind === "email" ? [] : [owner.mention]))];
}
function mentionOfLogin(name) {
  const mention = `@${name}`;
  return userMention.test(mention) ? mention : void 0;
}

// src/sources/codeowners.ts
var codeOwnersLocations = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];
var codeOwnersMaxBytes = 3 * 1024 * 1024;
var objectHeader = /^([0-9a-f]{40,64}) (\S+) (\d+)$/;
async function readCodeOwnersAt(repoDir, revisions) {
  const wanted = [...new Set(revisions)].filter((revision) => revision !== "" && !/\s/.test(revision));
  const requests = wanted.flatMap((revision) => codeOwnersLocations.map((location) => `${revision}:${location}`));
  if (requests.length === 0) return /* @__PURE__ */ new Map();
  const check = await gitOutput(repoDir, ["cat-file", "--batch-check"], { input: requests.map((request) => `${request}
`).join("") });
  const answers = check.stdout.toString("utf8").split("\n");
  const chosen = /* @__PURE__ */ new Map();
  wanted.forEach((revision, r) => {
    const found = codeOwnersLocations.map((location, l) => ({ location, header: objectHeader.exec(answers[r * codeOwnersLocations.length + l] ?? "") })).find(({ header }) => header?.[2] === "blob");
    const size = Number(found?.header?.[3]);
    chosen.set(revision, found?.header?.[1] !== void 0 && size < codeOwnersMaxBytes ? { location: found.location, oid: found.header[1] } : void 0);
  });
  const texts = await blobTexts(repoDir, new Set([...chosen.values()].flatMap((file) => file ? [file.oid] : [])));
  const files = /* @__PURE__ */ new Map();
  return new Map(
    [...chosen].map(([revision, file]) => {
      const text = file && texts.get(file.oid);
      if (!file || text === void 0) return [revision, void 0];
      const shared = files.get(file.oid) ?? { ...file, text };
      files.set(file.oid, shared);
      return [revision, shared];
    })
  );
}
async function blobTexts(repoDir, oids) {
  const texts = /* @__PURE__ */ new Map();
  if (oids.size === 0) return texts;
  const { stdout } = await gitOutput(repoDir, ["cat-file", "--batch"], { input: [...oids].map((oid) => `${oid}
`).join("") });
  for (let at = 0; at < stdout.length; ) {
    const lineEnd = stdout.indexOf(10, at);
    if (lineEnd < 0) break;
    const header = objectHeader.exec(stdout.subarray(at, lineEnd).toString("utf8"));
    at = lineEnd + 1;
    if (!header?.[1]) continue;
    const size = Number(header[3]);
    texts.set(header[1], stdout.subarray(at, at + size).toString("utf8"));
    at += size + 1;
  }
  return texts;
}

// src/run/mention-owners.ts
var messageOf2 = (error) => (error instanceof Error ? error.message : String(error)).slice(0, 300);
async function mentionOwners(findings, options) {
  const warn = options.warn ?? (() => void 0);
  const revisionOf = (finding) => finding.source === "history" ? finding.commit : options.fallbackCommit ?? "HEAD";
  const revisions = findings.flatMap((finding) => {
    const revision = finding.path === void 0 ? void 0 : revisionOf(finding);
    return revision === void 0 ? [] : [revision];
  });
  const files = await readCodeOwnersAt(options.repoDir, revisions).catch((error) => {
    warn(`CODEOWNERS could not be read, so owners come from commit authors only: ${messageOf2(error)}`);
    return /* @__PURE__ */ new Map();
  });
  const parsed = /* @__PURE__ */ new Map();
  const codeOwnersOf = (file) => {
    let codeOwners = parsed.get(file);
    if (codeOwners === void 0) {
      parsed.set(file, codeOwners = parseCodeOwners(file.text));
      const lines = codeOwners.invalid.map((invalid) => invalid.line);
      if (lines.length > 0) warn(`${file.location} (blob ${file.oid.slice(0, 7)}): GitHub skips line ${lines.join(", ")}, and so does --mention-owners`);
    }
    return codeOwners;
  };
  const authors = /* @__PURE__ */ new Map();
  const authorMention = (commit, authorLogin) => {
    let mention = authors.get(commit);
    if (mention === void 0) {
      mention = authorLogin(commit).then(
        (login2) => login2 === void 0 ? void 0 : mentionOfLogin(login2),
        (error) => {
          warn(`the author of commit ${commit.slice(0, 7)} could not be looked up on GitHub: ${messageOf2(error)}`);
          return void 0;
        }
      );
      authors.set(commit, mention);
    }
    return mention;
  };
  return Promise.all(
    findings.map(async (finding) => {
      const revision = revisionOf(finding);
      const file = revision === void 0 ? void 0 : files.get(revision);
      const owners = file && finding.path !== void 0 ? mentionsOf(ownersOf(codeOwnersOf(file), finding.path) ?? []) : [];
      if (owners.length === 0 && finding.source === "history" && finding.commit !== void 0 && options.authorLogin) {
        const mention = await authorMention(finding.commit, options.authorLogin);
        if (mention !== void 0) owners.push(mention);
      }
      return { ...finding, owners };
    })
  );
}

// src/run/notify-owners.ts
async function withOwners(notice, lookup) {
  const { github } = lookup;
  let authorLogin;
  if (github) {
    const client = gitHubClient({ apiUrl: github.apiUrl, token: github.token });
    authorLogin = (commit) => client.call((api) => commitAuthorLogin(api.request, github.repository)(commit));
  }
  const findings = await mentionOwners(notice.findings, { repoDir: lookup.repoDir, ...authorLogin ? { authorLogin } : {}, warn: lookup.warn });
  return { ...notice, findings };
}

// src/run/notify.ts
function notifySettingsOf(given, env) {
  if (given.repo !== void 0 && parseOwnerName(given.repo) === void 0) throw new UsageError(`--repo ${given.repo}: not OWNER/NAME`);
  const webhookUrl2 = given.webhookUrl ?? env.KEYWARDEN_WEBHOOK_URL;
  const webhookSecret = env.KEYWARDEN_WEBHOOK_SECRET;
  return {
    channels: given.channels,
    root: given.root,
    ...webhookUrl2 !== void 0 && webhookUrl2 !== "" ? { webhookUrl: webhookUrl2 } : {},
    ...webhookSecret !== void 0 && webhookSecret !== "" ? { webhookSecret } : {},
    ...given.repo !== void 0 ? { repo: given.repo } : {},
    mentionOwners: given.mentionOwners,
    env
  };
}
function noticeFinding(finding, hints) {
  const copy = { ...finding };
  delete copy.secret;
  const hint = hints.get(finding.ruleId);
  return { ...copy, ...hint !== void 0 ? { hint } : {} };
}
function redactStrings(value, redact2) {
  if (typeof value === "string") return redact2(value);
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, redact2));
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactStrings(item, redact2)]));
  return value;
}
function noticeFrom(told, rules, repository) {
  const hints = new Map(rules.map((rule) => [rule.id, rule.hint]));
  const engine = createEngine([...rules]);
  const findings = told.map((finding) => redactStrings(noticeFinding(finding, hints), (text) => redactKeys(text, engine)));
  return { ...repository ? { repository } : {}, findings, toolVersion };
}
var names = (list) => list.join(", ");
var seeAbove = (count) => `see the warning${count === 1 ? "" : "s"} above`;
function notifyVerdict(channels, deliveries, dryRun, findings) {
  const failed2 = [];
  const partly = [];
  const delivered = [];
  for (const { name, problem } of channels) {
    const outcomes = deliveries.filter((delivery) => delivery.channel === name).map((delivery) => delivery.outcome);
    const failures2 = outcomes.filter((outcome) => outcome === "failed").length;
    if (problem !== void 0 || failures2 > 0 && failures2 === outcomes.length) failed2.push(name);
    else (failures2 > 0 ? partly : delivered).push(name);
  }
  const could = [...delivered, ...partly];
  if (could.length === 0) return { exitCode: ExitCode.error, why: `exit 2: no channel could ${dryRun ? "be set up" : "deliver"} (${names(failed2)} failed; ${seeAbove(failed2.length)})` };
  const problems = [...failed2.length > 0 ? [`${names(failed2)} failed`] : [], ...partly.length > 0 ? [`${names(partly)} partly failed`] : []];
  const failures = problems.length > 0 ? `; ${problems.join(", ")} (${seeAbove(failed2.length + partly.length)})` : "";
  if (dryRun) return { exitCode: ExitCode.clean, why: `exit 0: dry run: nothing was sent; above is what ${names(could)} would send${failures}` };
  if (findings === 0 && failures === "") return { exitCode: ExitCode.clean, why: "exit 0: nothing to tell: the report has no findings" };
  return { exitCode: ExitCode.clean, why: `exit 0: ${failures === "" ? "every channel delivered" : "delivered"} (${names(could)})${failures}` };
}
async function deliverSafely(setup, notice) {
  try {
    return await setup.channel.deliver(notice);
  } catch (error) {
    const detail = error instanceof KeywardenError ? error.message : `stopped by an unexpected ${error instanceof Error ? error.name : "error"}`;
    return [{ channel: setup.name, outcome: "failed", detail }];
  }
}
async function repositoryFor(settings, findings) {
  const reportRepositories = findings.flatMap((finding) => finding.repository !== void 0 ? [finding.repository] : []);
  return resolveRepository({
    ...settings.repo !== void 0 ? { flag: settings.repo } : {},
    reportRepositories,
    env: settings.env,
    originUrl: await originRemoteUrl(resolve(settings.root))
  });
}
async function tell(findings, rules, settings, dryRun, io = { http: fetchClient }) {
  const repository = await repositoryFor(settings, findings);
  const target = "target" in repository ? repository.target : void 0;
  const warnings = [];
  const plain = noticeFrom(findings, rules, target?.repository);
  const token = settings.env.GITHUB_TOKEN;
  const github = target && token ? { repository: target.repository, apiUrl: target.apiUrl, token } : void 0;
  const notice = settings.mentionOwners ? await withOwners(plain, { repoDir: resolve(settings.root), ...github ? { github } : {}, warn: (message) => warnings.push(message) }) : plain;
  const setups = buildChannels(
    settings.channels,
    {
      webhook: { url: settings.webhookUrl, ...settings.webhookSecret !== void 0 ? { secret: settings.webhookSecret } : {}, ...settings.webhookRetry ? { retry: settings.webhookRetry } : {} },
      github: { repository, token, ...settings.githubTiming ? { timing: settings.githubTiming } : {} }
    },
    io
  );
  const problems = setups.flatMap((setup) => "problem" in setup ? [{ channel: setup.name, outcome: "failed", detail: setup.problem }] : []);
  const ready = setups.flatMap((setup) => "channel" in setup ? [setup] : []);
  const messages = dryRun ? ready.flatMap((setup) => setup.channel.messages(notice)) : [];
  const delivered = dryRun ? [] : (await Promise.all(ready.map((setup) => deliverSafely(setup, notice)))).flat();
  const deliveries = settings.channels.flatMap((name) => [...problems, ...delivered].filter((delivery) => delivery.channel === name));
  const verdict = notifyVerdict(setups.map((setup) => "problem" in setup ? { name: setup.name, problem: setup.problem } : { name: setup.name }), deliveries, dryRun, notice.findings.length);
  return { dryRun, findings: notice.findings.length, messages, deliveries, ...verdict, warnings };
}

// src/report/mask.ts
function fieldMasker(redact2) {
  const changed = [];
  return {
    changed,
    mask: (field, text) => {
      const masked = redact2(text);
      if (masked !== text && !changed.includes(field)) changed.push(field);
      return masked;
    }
  };
}
function maskVerification(verification, mask) {
  const detail = Object.fromEntries(Object.entries(verification.detail).map(([name, value]) => [name, typeof value === "string" ? mask(value) : value]));
  return { ...verification, detail, ...verification.reason !== void 0 ? { reason: mask(verification.reason) } : {} };
}
function maskFinding(finding, redact2) {
  const { mask, changed } = fieldMasker(redact2);
  const { origin } = finding;
  const path = mask("path", origin.path);
  const repository = origin.repository === void 0 ? {} : { repository: mask("repository", origin.repository) };
  const maskedOrigin = origin.kind === "history" ? { ...origin, path, ...repository, author: mask("author", origin.author), email: mask("email", origin.email) } : { ...origin, path, ...repository };
  const fingerprint = mask("fingerprint", finding.fingerprint);
  const verification = finding.verification && maskVerification(finding.verification, (text) => mask("verification", text));
  if (changed.length === 0) return finding;
  return { ...finding, origin: maskedOrigin, fingerprint, ...verification ? { verification } : {}, redactedFields: changed };
}
function maskWarning(warning, redact2) {
  const { mask, changed } = fieldMasker(redact2);
  const path = warning.path === void 0 ? {} : { path: mask("path", warning.path) };
  const message = mask("message", warning.message);
  return changed.length === 0 ? warning : { ...warning, ...path, message, redactedFields: changed };
}
function maskCoverage(coverage, redact2) {
  return {
    scanned: coverage.scanned.map(redact2),
    notScanned: coverage.notScanned.map(({ repository, reason }) => ({ repository: redact2(repository), reason: redact2(reason) }))
  };
}
function maskResult(result, redact2) {
  return {
    ...result,
    findings: result.findings.map((finding) => maskFinding(finding, redact2)),
    warnings: result.warnings.map((warning) => maskWarning(warning, redact2)),
    ...result.repositories ? { repositories: maskCoverage(result.repositories, redact2) } : {}
  };
}
function maskContext(context, redact2) {
  const { ignoreFile, uriPrefix, verdict } = context;
  return {
    ...context,
    ...ignoreFile !== void 0 ? { ignoreFile: redact2(ignoreFile) } : {},
    ...uriPrefix !== void 0 ? { uriPrefix: redact2(uriPrefix) } : {},
    ...verdict?.why !== void 0 ? { verdict: { ...verdict, why: redact2(verdict.why) } } : {}
  };
}
function printedFingerprints(fingerprint, redact2) {
  const masked = redact2(fingerprint);
  return [.../* @__PURE__ */ new Set([masked, printable(masked)])].filter((printed) => printed !== fingerprint);
}

export {
  base64Forms,
  createEngine,
  detectKeys,
  redactKeys,
  redactKeyLikeTokens,
  cell,
  renderMarkdown,
  prCommentMarker,
  annotationsOf,
  renderJobSummary,
  renderPrComment,
  renderAllClearComment,
  channelNames,
  loadRuleSet,
  toolVersion,
  notifySettingsOf,
  notifyVerdict,
  tell,
  maskFinding,
  maskResult,
  maskContext,
  printedFingerprints
};
