import { printable } from './neutral.js';

/**
 * Text made inert in HTML, in element content and in quoted attribute values alike: a path
 * named `x<img src=q onerror=alert(1)>.env` or an author `"><script>` shows as what it is.
 * Control and bidi characters become `?` first, as in every report (`printable`).
 */
export function escapeHtml(text: string): string {
  return printable(text).replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `1 finding`, `2 findings`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
