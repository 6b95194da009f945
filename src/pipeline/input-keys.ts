import type { Finding, Origin, ScanWarning } from '../core/types.js';
import { detectKeys, type Engine } from '../detect/detect.js';
import { toFinding, toWire } from '../detect/finding.js';

/** Where keys handed over on stdin come from: not a file, so json reports give no path (SPEC §3). */
export const stdinOrigin: Origin = { kind: 'input', path: '<stdin>' };

/** Lines without a key are each named up to here; the rest are counted in one warning. */
const maxNamedLines = 50;

export interface InputKeys {
  /** One per distinct (rule, key), at the first line that held it, in input order. */
  findings: Finding[];
  warnings: ScanWarning[];
  /** UTF-8 bytes read, newlines not counted. */
  bytes: number;
}

/**
 * Keys handed over one a line (`keywarden verify`). Each line goes through detection, so a
 * key counts only in a shape its rule matches, and goes only to that rule's provider. Blank
 * lines are ignored; a repeated key is kept once; a line with no key gets a warning that
 * names its number only, because the line may be a key in a shape no rule knows.
 */
export async function keysFromLines(lines: AsyncIterable<string>, engine: Engine, origin: Origin = stdinOrigin): Promise<InputKeys> {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const keyless: number[] = [];
  let more = 0;
  let bytes = 0;
  let number = 0;
  for await (const line of lines) {
    number++;
    const data = Buffer.from(line, 'utf8');
    bytes += data.length;
    if (line.trim() === '') continue;
    const matches = detectKeys(data, engine, { startLine: number });
    if (matches.length === 0 && keyless.length < maxNamedLines) keyless.push(number);
    else if (matches.length === 0) more++;
    for (const match of matches) {
      const id = `${match.rule.id}\0${match.key}`;
      if (seen.has(id)) continue;
      seen.add(id);
      findings.push(toFinding(toWire(match, origin), match.rule));
    }
  }
  const warnings: ScanWarning[] = keyless.map((n) => ({ message: `line ${n}: no key found` }));
  if (more > 0) warnings.push({ message: `${more} more line${more === 1 ? '' : 's'} with no key found` });
  return { findings, warnings, bytes };
}
