/**
 * Encodings that put letters right before or after a key — `\n` in a JSON string, `%3D`
 * in a URL, `ESC[31m` in a coloured log line — would make the rule's boundary
 * look-behind reject a real key. They are blanked out with spaces of the same length,
 * so offsets in the normalized text are offsets in the original.
 */
// A run of backslashes with the escape it ends in: `\\n` in doubly escaped JSON is still a newline.
const escapes = /\x1b\[[0-9;?]*[ -/]*[@-~]|\\+(?:u[0-9a-fA-F]{4}|[nrtbf"'/])?|%[0-9A-Fa-f]{2}/g;
const mayContainEscape = /[\x1b\\%]/;

export function blankEscapes(text: string): string {
  if (!mayContainEscape.test(text)) return text;
  return text.replace(escapes, (escape) => ' '.repeat(escape.length));
}
