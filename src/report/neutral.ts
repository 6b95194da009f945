/**
 * Text from a scanned tree, a report or a provider made harmless to show: control characters
 * (a terminal escape would repaint the screen or retitle the window; a newline would forge a
 * line) and bidi controls (a right-to-left override disguises what a line says, `evil\u202Egnp.js`
 * reads as `eviljs.png`). They become `?`, never nothing, so that no two parts of a text join up
 * into something it did not show (a key cut in two by a control character).
 */

/** Bidi controls: marks, embeddings, overrides and isolates (U+061C, U+200E–F, U+202A–E, U+2066–9). */
const bidiControls = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const unprintable = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${bidiControls}]`, 'g');
const bidi = new RegExp(`[${bidiControls}]`, 'g');

/** Control and bidi characters as `?`. Nothing else changes. */
export function printable(text: string): string {
  return text.replace(unprintable, '?');
}

/** Bidi controls as `?`, control characters kept (a workflow command escapes them, and a path may hold them). */
export function withoutBidi(text: string): string {
  return text.replace(bidi, '?');
}
