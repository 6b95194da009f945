import { existsSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { KeywardenError } from '../core/errors.js';
import { gitLines, gitOutput, gitRead } from './git.js';
import { unquotePath, type CommitInfo } from './unified-diff.js';

/**
 * The blob inventory of a repository's history: which blob appeared at which path in
 * which commit, from one `git log --raw` (tree diffs only, no content). Contents are read
 * separately, each blob once, through `CatFileBatch`.
 */

export interface Repository {
  /** Absolute path git runs in. */
  dir: string;
  /** Top of the work tree; absent for a bare repository. */
  workTree?: string;
  shallow: boolean;
  /** A partial clone: objects may be missing, and asking git for them would try to fetch them. */
  partial: boolean;
  /** refs/stash may have older entries, which only its reflog reaches: worth asking git for them. */
  olderStashes: boolean;
}

/** A commit in the order the inventory walks (`seq` 0 first: parents before children, older before newer). */
export interface HistoryCommit extends CommitInfo {
  seq: number;
}

/** A blob at a path in a commit that changed that path to it. */
export interface BlobSighting {
  /** Full hex object id. */
  oid: string;
  /** Path inside the repository, with `/`. */
  path: string;
  commit: HistoryCommit;
}

export interface HistorySelection {
  /** Revisions to walk (refs, `A..B`, ...); empty means every ref (`--all`) plus every stash entry. */
  revisions: readonly string[];
  /** Only commits more recent than this (anything `git log --since` takes). */
  since?: string;
}

/** Open `path` as a git repository (work tree, any directory inside one, or bare); not one is a KeywardenError (exit 2). */
export async function openRepository(path: string): Promise<Repository> {
  const dir = resolve(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new KeywardenError(`not a directory: ${path}`);
  // One git run for the layout. `--show-cdup` prints a line only inside a work tree (it prints
  // nothing in a bare repository or inside `.git`, where `--show-toplevel` would fail the whole
  // command); the stash reflog's path comes last, so a line break in it shifts nothing. The
  // promisor settings are read at the same time.
  const [probe, promisor] = await Promise.all([
    gitOutput(dir, ['rev-parse', '--is-bare-repository', '--is-shallow-repository', '--is-inside-work-tree', '--show-cdup', '--git-path', 'logs/refs/stash']).catch((error: unknown) => {
      // git's own reason matters here: "not a git repository", or "dubious ownership" (safe.directory).
      throw new KeywardenError(`not a git repository: ${path}${error instanceof Error ? ` (${error.message})` : ''}`);
    }),
    gitOutput(dir, ['config', '--get-regexp', '^(remote\\..*\\.promisor|extensions\\.partialclone)$'], { allowFailure: true }),
  ]);
  const [, shallow, inside, ...rest] = probe.stdout.toString('utf8').replace(/\n$/, '').split('\n');
  const cdup = inside === 'true' ? rest.shift() : undefined;
  const stashLog = resolve(dir, rest.join('\n'));
  // The real path, as `--show-toplevel` gives it: paths in reports are made relative to it.
  const workTree = inside === 'true' ? realpathSync(resolve(dir, cdup ?? '')) : '';
  const partial = promisor.stdout
    .toString('utf8')
    .split('\n')
    .some((line) => line.startsWith('extensions.partialclone ') || line.endsWith(' true'));
  // Without a stash reflog file there are no older stash entries (a git run saved), unless the
  // refs are kept in a reftable (beside `logs/` in the common directory), whose logs are not files.
  const olderStashes = existsSync(stashLog) || existsSync(resolve(stashLog, '..', '..', '..', 'reftable'));
  return { dir, ...(workTree ? { workTree } : {}), shallow: shallow === 'true', partial, olderStashes };
}

/** Object ids (hex) of the blobs stored locally, for partial clones: every other blob is missing. */
export async function presentBlobs(repo: Repository): Promise<Set<string>> {
  const present = new Set<string>();
  for await (const line of gitLines(repo.dir, ['cat-file', '--batch-all-objects', '--unordered', '--batch-check=%(objecttype) %(objectname)'])) {
    if (line.startsWith('blob ')) present.add(line.slice(5));
  }
  return present;
}

/** Commits of every stash entry: `--all` reaches only the newest (refs/stash); older ones live in its reflog. */
async function stashEntries(repo: Repository): Promise<string[]> {
  if (!repo.olderStashes) return [];
  const { stdout, code } = await gitOutput(repo.dir, ['log', '-g', '--format=%H', 'refs/stash', '--'], { allowFailure: true });
  return code === 0 ? stdout.toString('latin1').split('\n').filter((line) => /^[0-9a-f]{40,64}$/.test(line)) : [];
}

// `%x01` then hash, author, email, ISO date, tab-separated.
const format = '%x01%H%x09%an%x09%ae%x09%aI';
const [commitByte, rawByte, tabByte, newlineByte] = [0x01, 0x3a, 0x09, 0x0a];
/** Status letters of a path that now holds a blob: added, modified, type changed (deletions have none). */
const newContent = new Set([0x41, 0x4d, 0x54]);

/**
 * The new blob of a `--raw` line, `:<old mode> <new mode> <old oid> <new oid> <status>\t<path>`,
 * if it is a regular file (mode 100xxx) that was not deleted. Read by fixed offsets (the
 * fields before the tab are fixed-width for a given hash length), since this runs for every
 * file of every commit, and ids are decoded straight from the bytes so that the strings
 * kept are no larger than the ids.
 */
function rawSighting(data: Buffer, start: number, end: number): { oid: string; path: string } | undefined {
  const tab = data.indexOf(tabByte, start);
  if (tab === -1 || tab > end) return undefined;
  const length = (tab - start - 18) / 2; // 40 hex for SHA-1, 64 for SHA-256
  if (length !== 40 && length !== 64) return undefined;
  const isRegularFile = data[start + 8] === 0x31 && data[start + 9] === 0x30 && data[start + 10] === 0x30;
  if (!isRegularFile || !newContent.has(data[tab - 1] ?? 0)) return undefined;
  const oidStart = start + 16 + length;
  return { oid: data.toString('latin1', oidStart, oidStart + length), path: unquotePath(data.toString('utf8', tab + 1, end)) };
}

/**
 * Every (blob, path, commit) where a commit changed a path to a blob, parents before
 * children (`--date-order --reverse`), in batches (one per chunk of git's output). Merges
 * are diffed against their first parent only: whatever a merge brings from another parent
 * was already sighted in that parent's commits, and what it adds itself (an evil merge, a
 * conflict resolution) differs from the first parent. Root commits (and a shallow clone's
 * oldest) are diffed against the empty tree. Paths for which `excluded` is true are
 * dropped here, so their blobs are never read. A promise `onBatch` returns pauses the walk
 * until it settles.
 */
export async function readSightings(
  repo: Repository,
  selection: HistorySelection,
  excluded: (path: string) => boolean,
  onBatch: (batch: BlobSighting[]) => void | Promise<void>,
): Promise<void> {
  const revisions = selection.revisions.length > 0 ? ['--end-of-options', ...selection.revisions] : ['--all', ...(await stashEntries(repo))];
  const args = [
    'log',
    '--raw',
    '--no-abbrev',
    '--no-renames',
    '--no-relative',
    '--no-show-signature',
    '--root',
    '--diff-merges=first-parent',
    '--date-order',
    '--reverse',
    `--format=${format}`,
    ...(selection.since !== undefined ? [`--since=${selection.since}`] : []),
    ...revisions,
    '--',
  ];
  let commit: HistoryCommit | undefined;
  let seq = 0;
  let rest: Buffer | undefined;
  await gitRead(repo.dir, args, (chunk) => {
    const data = rest ? Buffer.concat([rest, chunk]) : chunk;
    const batch: BlobSighting[] = [];
    let start = 0;
    for (let end = data.indexOf(newlineByte); end !== -1; start = end + 1, end = data.indexOf(newlineByte, start)) {
      if (data[start] === commitByte) {
        const [hash = '', author = '', email = '', date = ''] = data.toString('utf8', start + 1, end).split('\t');
        commit = { seq: seq++, commit: hash, author, email, date };
      } else if (data[start] === rawByte && commit) {
        const found = rawSighting(data, start, end);
        if (found && !excluded(found.path)) batch.push({ ...found, commit });
      }
    }
    // The chunk is lent: the start of a line it ends in is copied.
    rest = start < data.length ? Buffer.from(data.subarray(start)) : undefined;
    return batch.length > 0 ? onBatch(batch) : undefined;
  });
}
