/** Small facts about text shared by the sources (which cut it into windows) and detection. */

/**
 * UTF-16 units that UTF-8 bytes decode to, counted without decoding: one per byte that
 * starts a character, two for a 4-byte character (a surrogate pair). Unlike decoding, a
 * character cut by a window edge is counted once, on the side where it starts.
 */
export function utf16Length(data: Uint8Array, start: number, end: number): number {
  let units = 0;
  for (let i = start; i < end; i++) {
    const byte = data[i] ?? 0;
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  return units;
}

/** Markers that suppress findings on their line; `gitleaks:allow` too, so people can migrate. */
const inlineAllowMarkers = [Buffer.from('keywarden:allow'), Buffer.from('gitleaks:allow')];

export function containsInlineAllow(bytes: Buffer): boolean {
  return inlineAllowMarkers.some((marker) => bytes.indexOf(marker) !== -1);
}

/** A byte of base64 or base64url text (padding aside). */
export function isBase64Byte(byte: number | undefined): boolean {
  return (
    byte !== undefined &&
    ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x30 && byte <= 0x39) ||
      byte === 0x2b || byte === 0x2f || byte === 0x2d || byte === 0x5f)
  );
}
