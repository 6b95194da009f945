import { redact } from '../core/secret.js';
import { detectKeys, type Engine } from './detect.js';

/**
 * Replace every key in `text` with its redacted form. Used on anything that may echo
 * input back (error messages quoting argv, a parser quoting a file), so no message can
 * carry a raw key. Placeholders are left alone, as in reports. Plain keys only: base64
 * text is left as it is, since its redacted form would not replace it byte for byte.
 */
export function redactKeys(text: string, engine: Engine): string {
  const bytes = Buffer.from(text, 'utf8');
  const found = detectKeys(bytes, engine).filter((match) => !match.encoding);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const match of found) {
    out += bytes.toString('utf8', at, match.start) + redact(match.key, match.rule.prefix);
    at = match.end;
  }
  return out + bytes.toString('utf8', at);
}

/** Mask anything that starts like a known key, for when the rules themselves could not be loaded. */
export function redactKeyLikeTokens(text: string, prefixes: readonly string[]): string {
  if (prefixes.length === 0) return text;
  const escaped = prefixes.map((prefix) => prefix.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  return text.replace(new RegExp(`(${escaped.join('|')})[A-Za-z0-9_-]{4,}`, 'g'), (_token, prefix: string) => `${prefix}…`);
}
