import type { Origin, ScanWarning } from '../core/types.js';
import { createEngine, detectKeys, type KeyMatch } from '../detect/detect.js';
import { toWire, type WireFinding } from '../detect/finding.js';
import { CatFileBatch } from '../sources/cat-file.js';
import { addedChunksInCommits } from '../sources/commit-diffs.js';
import { presentBlobs, readSightings, type BlobSighting, type HistoryCommit, type HistorySelection, type Repository } from '../sources/history.js';
import { decodeText } from '../sources/text-encoding.js';
import { chunkSource } from './scan-chunks.js';
import type { Source, SourceContext } from './source.js';

export interface HistoryProgress {
  /** Blobs read so far. */
  done: number;
  /** Blobs found so far; grows while the history is still being walked. */
  total: number;
  /** Bytes of blob content read so far. */
  bytes: number;
}

export interface HistoryScan {
  repo: Repository;
  selection: HistorySelection;
  /** Blobs larger than this many bytes are not scanned (a warning says so). */
  maxBlobSize: number;
  onProgress?: (progress: HistoryProgress) => void;
}

/** The earliest sighting so far of one key at one path. */
interface Attributed {
  match: KeyMatch;
  path: string;
  commit: HistoryCommit;
}

function historyOrigin(path: string, commit: HistoryCommit): Origin {
  return { kind: 'history', path, commit: commit.commit, author: commit.author, email: commit.email, date: commit.date };
}

/** Chronological (the order the history was walked), then by place. */
function byCommitThenPlace(a: Attributed, b: Attributed): number {
  return a.commit.seq - b.commit.seq || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.match.line - b.match.line || a.match.column - b.match.column);
}

/**
 * Every blob of the selected history, each read once, with each key reported once per
 * path and attributed to the commit that first put it there (so findings are handed on
 * when the walk ends, oldest commit first). Paths the context excludes are not read.
 *
 * The walk (`blobSightings`) and the reads (`CatFileBatch`) run at the same time: a blob
 * is requested when first sighted, and sightings of a blob still being read wait in a
 * list until its content is scanned. Only the ids of blobs already read, the keys found,
 * and those waiting lists are kept, never contents: memory grows with the number of
 * distinct blobs, not with their size.
 */
export function historySource(request: HistoryScan): Source {
  return {
    async read(context, emit) {
      const { findings, warnings, blobs, bytes } = await scanBlobs(request, context);
      for (const warning of warnings) await emit({ kind: 'warning', warning });
      await emit({ kind: 'read', files: blobs, bytes });
      for (const found of findings) await emit({ kind: 'found', found });
    },
  };
}

/** The walk and the reads of `historySource`: the keys found, attributed, oldest commit first. */
async function scanBlobs(request: HistoryScan, context: SourceContext): Promise<{ findings: WireFinding[]; warnings: ScanWarning[]; blobs: number; bytes: number }> {
  const engine = createEngine([...context.rules]);
  const warnings: ScanWarning[] = [];
  const present = request.repo.partial ? await presentBlobs(request.repo) : undefined;
  const reader = await CatFileBatch.open(request.repo.dir, { maxSize: request.maxBlobSize });

  /** Blobs read (or known missing) that hold no key: by far the most, so only their ids. */
  const clean = new Set<string>();
  /** Blobs read that hold keys, with those keys. */
  const withKeys = new Map<string, KeyMatch[]>();
  /** Blobs requested and not read yet, with where they were sighted meanwhile. */
  const waiting = new Map<string, BlobSighting[]>();
  /** `path \0 ruleId \0 key` → its earliest sighting. */
  const earliest = new Map<string, Attributed>();
  const progress: HistoryProgress = { done: 0, total: 0, bytes: 0 };
  let missing = 0;
  let scanned = 0;

  const attribute = (matches: readonly KeyMatch[], sighting: BlobSighting) => {
    for (const match of matches) {
      const id = `${sighting.path}\0${match.rule.id}\0${match.key}`;
      const known = earliest.get(id);
      if (!known || sighting.commit.seq < known.commit.seq) earliest.set(id, { match, path: sighting.path, commit: sighting.commit });
    }
  };
  const walk = async () => {
    try {
      await readSightings(request.repo, request.selection, context.excluded, (batch) => {
        for (const sighting of batch) {
          const { oid } = sighting;
          if (clean.has(oid)) continue;
          const matches = withKeys.get(oid);
          if (matches) {
            attribute(matches, sighting);
            continue;
          }
          const queued = waiting.get(oid);
          if (queued) {
            queued.push(sighting);
            continue;
          }
          progress.total++;
          if (present && !present.has(oid)) {
            missing++;
            progress.done++;
            clean.add(oid);
            continue;
          }
          waiting.set(oid, [sighting]);
          reader.request(oid);
        }
        if (reader.full) return reader.whenReady();
        reader.flush();
        return undefined;
      });
    } finally {
      reader.end();
    }
  };

  // Each reply's content is scanned during the call that hands it over (it is lent).
  const read = () =>
    reader.readReplies((replies) => {
      for (const reply of replies) {
        let text: Buffer | undefined;
        const sightings = waiting.get(reply.oid) ?? [];
        waiting.delete(reply.oid);
        // The id as the walk decoded it: a string of its own, not a slice of git's reply.
        const oid = sightings[0]?.oid ?? reply.oid;
        progress.done++;
        if (reply.kind === 'missing') {
          missing++;
        } else if (reply.kind === 'too-large') {
          warnings.push({ path: sightings[0]?.path ?? oid, message: `blob ${oid.slice(0, 12)} (${reply.size} bytes) is larger than the size limit; not scanned` });
        } else if (reply.type === 'blob' && (text = decodeText(reply.data)) !== undefined) {
          progress.bytes += reply.size;
          scanned++;
          const matches = detectKeys(text, engine);
          if (matches.length > 0) {
            withKeys.set(oid, matches);
            for (const sighting of sightings) attribute(matches, sighting);
            continue;
          }
        }
        clean.add(oid);
      }
      request.onProgress?.(progress);
    });

  await Promise.all([walk(), read()]);
  request.onProgress?.(progress);
  if (missing > 0) {
    const why = request.repo.partial || request.repo.shallow ? 'partial or shallow clone' : 'the repository is incomplete or damaged';
    warnings.push({ message: `${missing} object${missing === 1 ? '' : 's'} missing (${why}); their content was not scanned` });
  }
  if (request.repo.shallow) {
    warnings.push({ message: 'shallow clone: history before the shallow boundary is not scanned, and keys already there are attributed to the oldest commit present' });
  }
  const attributed = [...earliest.values()].sort(byCommitThenPlace);
  const findings = attributed.map(({ match, path, commit }) => toWire(match, historyOrigin(path, commit)));
  return { findings, warnings, blobs: scanned, bytes: progress.bytes };
}

export interface RangeScan {
  repo: Repository;
  /** `A..B` (or anything `git log` takes as one revision argument). */
  range: string;
  since?: string;
}

/**
 * The keys on lines added by the commits of a range (what a pull request or a push
 * introduces), each reported once per path and attributed to the earliest commit in the
 * range that added it.
 */
export function rangeSource(request: RangeScan): Source {
  const revisions = [
    '--date-order',
    '--reverse',
    ...(request.since !== undefined ? [`--since=${request.since}`] : []),
    '--end-of-options',
    request.range,
    '--',
  ];
  // Oldest commits first (`--reverse`), so the first finding of each fingerprint is the earliest.
  return chunkSource((excluded) => addedChunksInCommits(request.repo.dir, revisions, excluded), { firstPerFingerprint: true });
}
