import { gitOutput } from './git.js';

/** Where GitHub looks for CODEOWNERS, in its order: the first that exists is the one it uses. */
export const codeOwnersLocations = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;
export type CodeOwnersLocation = (typeof codeOwnersLocations)[number];

/** GitHub does not load a CODEOWNERS file of this size or more ("must be under 3 MB"). */
export const codeOwnersMaxBytes = 3 * 1024 * 1024;

export interface CodeOwnersFile {
  location: CodeOwnersLocation;
  /** The blob's id: commits that share one CODEOWNERS share this object (and one parse). */
  oid: string;
  text: string;
}

const objectHeader = /^([0-9a-f]{40,64}) (\S+) (\d+)$/;

/**
 * The CODEOWNERS file GitHub would use at each of `revisions` (commit ids, `HEAD`, …), read
 * from the object database, so a bare repository or a commit checked out nowhere works too.
 * Each revision is looked up once and each distinct file read once, in two git runs whatever
 * their number (a history report can name thousands of commits). A revision with none, one
 * git does not know, or one whose file is too large for GitHub maps to undefined.
 * Throws (KeywardenError) when git cannot run there at all, e.g. not a repository.
 */
export async function readCodeOwnersAt(repoDir: string, revisions: Iterable<string>): Promise<Map<string, CodeOwnersFile | undefined>> {
  // A line break in a revision would become a request of its own.
  const wanted = [...new Set(revisions)].filter((revision) => revision !== '' && !/\s/.test(revision));
  const requests = wanted.flatMap((revision) => codeOwnersLocations.map((location) => `${revision}:${location}`));
  if (requests.length === 0) return new Map();
  const check = await gitOutput(repoDir, ['cat-file', '--batch-check'], { input: requests.map((request) => `${request}\n`).join('') });
  // One answer a request, in order: `<oid> <type> <size>`, or `<request> missing` / `ambiguous`.
  const answers = check.stdout.toString('utf8').split('\n');
  const chosen = new Map<string, { location: CodeOwnersLocation; oid: string } | undefined>();
  wanted.forEach((revision, r) => {
    const found = codeOwnersLocations
      .map((location, l) => ({ location, header: objectHeader.exec(answers[r * codeOwnersLocations.length + l] ?? '') }))
      .find(({ header }) => header?.[2] === 'blob');
    const size = Number(found?.header?.[3]);
    chosen.set(revision, found?.header?.[1] !== undefined && size < codeOwnersMaxBytes ? { location: found.location, oid: found.header[1] } : undefined);
  });
  const texts = await blobTexts(repoDir, new Set([...chosen.values()].flatMap((file) => (file ? [file.oid] : []))));
  const files = new Map<string, CodeOwnersFile>();
  return new Map(
    [...chosen].map(([revision, file]) => {
      const text = file && texts.get(file.oid);
      if (!file || text === undefined) return [revision, undefined];
      const shared = files.get(file.oid) ?? { ...file, text };
      files.set(file.oid, shared);
      return [revision, shared];
    }),
  );
}

/** The UTF-8 text of each blob, through one `git cat-file --batch` (`<oid> <type> <size>\n<content>\n` per object). */
async function blobTexts(repoDir: string, oids: ReadonlySet<string>): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  if (oids.size === 0) return texts;
  const { stdout } = await gitOutput(repoDir, ['cat-file', '--batch'], { input: [...oids].map((oid) => `${oid}\n`).join('') });
  for (let at = 0; at < stdout.length; ) {
    const lineEnd = stdout.indexOf(10, at);
    if (lineEnd < 0) break;
    const header = objectHeader.exec(stdout.subarray(at, lineEnd).toString('utf8'));
    at = lineEnd + 1;
    if (!header?.[1]) continue;
    const size = Number(header[3]);
    texts.set(header[1], stdout.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
  return texts;
}
