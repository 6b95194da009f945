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

// src/sources/windows.ts
var defaultWindowSize = 16 * 1024 * 1024;

// src/sources/files.ts
var scratch = Buffer.allocUnsafe(defaultWindowSize);
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
  hopBytes,
  canOpenRelative,
  throughDescriptor,
  pathLength,
  joinPath,
  nameOf,
  readUpTo
};
