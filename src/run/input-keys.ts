import type { Origin, ScanWarning } from '../core/types.js';
import { createEngine, detectKeys } from '../detect/detect.js';
import { toWire } from '../detect/finding.js';
import type { Source } from './source.js';

/** Where keys handed over on stdin come from: not a file, so json reports give no path (SPEC §3). */
export const stdinOrigin: Origin = { kind: 'input', path: '<stdin>' };

/** Lines without a key are each named up to here; the rest are counted in one warning. */
const maxNamedLines = 50;

/**
 * Keys handed over one a line (`keywarden verify`), handed on as each line is read, so a
 * check can start before the input ends and memory does not grow with it. Each line goes
 * through detection, so a key counts only in a shape its rule matches, and goes only to
 * that rule's provider. Blank lines are ignored; a repeated key is kept once (the tail's
 * `once: 'key'`); a line with no key gets a warning that names its number only, because the
 * line may be a key in a shape no rule knows. Answers may come in any order (`unordered`).
 */
export function inputKeySource(lines: AsyncIterable<string>, origin: Origin = stdinOrigin): Source {
  return {
    once: 'key',
    unordered: true,
    // Answers stream in as checks end; a report printed whole keeps the input's order, so it is the same every run.
    order: (a, b) => a.line - b.line,
    async read(context, emit) {
      const engine = createEngine([...context.rules]);
      let keyless = 0;
      let keys = 0;
      let number = 0;
      for await (const line of lines) {
        number++;
        const data = Buffer.from(line, 'utf8');
        await emit({ kind: 'read', files: 0, bytes: data.length });
        if (line.trim() === '') continue;
        const matches = detectKeys(data, engine, { startLine: number });
        keys += matches.length;
        if (matches.length === 0 && ++keyless <= maxNamedLines) await emit({ kind: 'warning', warning: { message: `line ${number}: no key found` } });
        for (const match of matches) await emit({ kind: 'found', found: toWire(match, origin) });
      }
      const more = keyless - maxNamedLines;
      const closing: ScanWarning | undefined =
        more > 0
          ? { message: `${more} more line${more === 1 ? '' : 's'} with no key found` }
          : keys === 0 && keyless === 0
            ? // Exit 0 on empty input is right, but a script that forgot to pipe its keys should hear about it.
              { message: 'no keys on stdin: pipe keys in, one a line, or give --report FILE' }
            : undefined;
      if (closing) await emit({ kind: 'warning', warning: closing });
    },
  };
}
