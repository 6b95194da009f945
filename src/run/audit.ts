import type { WireFinding } from '../detect/finding.js';
import type { Source } from './source.js';

/**
 * `keywarden audit PATH` (SPEC §8, a local repository): its whole history, then its working
 * tree, as one run. Each key is reported once per path: where history has it, with the commit
 * that introduced it (history reports the earliest sighting per path); a key the working tree
 * holds at a path no commit ever did (not committed yet) is reported from the tree. So an
 * audit neither misses what is about to be committed nor says twice what was.
 */
export function localAuditSource(history: Source, tree: Source): Source {
  return {
    noun: 'file',
    async read(context, emit) {
      const committed = new Set<string>();
      await history.read(context, (event) => {
        if (event.kind === 'found') committed.add(placeOf(event.found));
        return emit(event);
      });
      await tree.read(context, (event) => (event.kind === 'found' && committed.has(placeOf(event.found)) ? undefined : emit(event)));
    },
  };
}

/** A key at a path: the same key at the same path is one finding, whichever source saw it. */
function placeOf(found: WireFinding): string {
  return `${found.ruleId}\0${found.key}\0${found.origin.path}`;
}
