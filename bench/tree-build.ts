/**
 * The tree the `tree` benchmark scans: copies of this repository's node_modules (real
 * third-party source) until there is at least 200 MB of it, with keys planted in it.
 * Built once and cached under bench/.work/ (gitignored); delete bench/.work/tree to rebuild.
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../src/rules/examples.js';
import { generateKeys, secretHash } from './keys.js';
import { HarnessError, MB, ensureParent, formatMb, log, repoRoot, workDir } from './lib.js';

export const treeDir = join(workDir, 'tree');
const manifestFile = join(workDir, 'tree-manifest.json');
/** Bump when the way the tree is built changes, so a cached tree is rebuilt. */
const manifestVersion = 2;
const seed = 20261124;
const minSourceBytes = 200 * MB;
const plainKeyCount = 30;
/** Plant only in mid-sized files: every scanner reads them whole, none skips them as too large. */
const plantableSize = { min: 2 * 1024, max: 512 * 1024 };

export interface PlantedKey {
  /** Relative to the tree root, with `/`. */
  path: string;
  ruleId: string;
  secretHash: string;
  /** Set when the key sits in the file encoded, not as plain text. */
  encoding?: 'base64';
}

export interface TreeCopy {
  /** Directory relative to the tree root, e.g. `copy-1`. */
  dir: string;
  files: number;
  bytes: number;
}

export interface Manifest {
  version: number;
  seed: number;
  copies: TreeCopy[];
  files: number;
  /** Empty files: in the tree, but no scanner counts them as scanned. */
  emptyFiles: number;
  sourceBytes: number;
  planted: PlantedKey[];
}

/** Files that would make one scanner skip what another reads; ripgrep -uuu and keywarden --no-gitignore ignore them anyway. */
const ignoreFiles = new Set(['.gitignore', '.ignore', '.rgignore', '.secretlintignore', '.keywardenignore']);

interface CopiedFile {
  path: string;
  size: number;
}

/** git's binary test, as keywarden uses it: a NUL byte in the first 8000 bytes. */
export function looksBinary(data: Buffer): boolean {
  return data.subarray(0, 8000).includes(0);
}

/**
 * Copy a directory's text files. Left out, so that all three tools read exactly the same
 * bytes: symbolic links (keywarden and rg never follow them, secretlint's glob does),
 * binaries (keywarden skips them, `rg -uuu` would search them), ignore files. Nested
 * `node_modules` directories are renamed, because secretlint always skips that name.
 */
function copyTextTree(from: string, to: string, relativeTo: string, into: CopiedFile[]): void {
  const entries = readdirSync(from, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const source = join(from, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === '.git') continue;
      const name = entry.name === 'node_modules' ? 'node_modules_' : entry.name;
      copyTextTree(source, join(to, name), `${relativeTo}/${name}`, into);
    } else if (entry.isFile() && !ignoreFiles.has(entry.name)) {
      const data = readFileSync(source);
      if (looksBinary(data)) continue;
      writeFileSync(ensureParent(join(to, entry.name)), data);
      into.push({ path: `${relativeTo}/${entry.name}`, size: data.length });
    }
  }
}

/** Insert `line` at the start of a random line of the file (appended when the file has one line). */
function insertLine(path: string, line: string, random: () => number): void {
  const text = readFileSync(path, 'utf8');
  const newlines: number[] = [];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) newlines.push(at);
  if (newlines.length === 0) {
    writeFileSync(path, `${text}\n${line}\n`);
    return;
  }
  const after = newlines[Math.floor(random() * newlines.length)] ?? text.length - 1;
  writeFileSync(path, `${text.slice(0, after + 1)}${line}\n${text.slice(after + 1)}`);
}

/** Pick `count` distinct items, deterministically for a given random source. */
export function pickDistinct<T>(items: readonly T[], count: number, random: () => number): T[] {
  if (items.length < count) throw new HarnessError(`need ${count} files to plant keys in, found ${items.length}`);
  const pool = [...items];
  const picked: T[] = [];
  for (let i = 0; i < count; i++) {
    const [item] = pool.splice(Math.floor(random() * pool.length), 1);
    if (item !== undefined) picked.push(item);
  }
  return picked;
}

/** The copy a tree-relative path lies in (`copy-2/yargs/index.js` → `copy-2`). */
function copyOf(path: string): string {
  return path.slice(0, path.indexOf('/'));
}

interface Planting {
  planted: PlantedKey[];
  /** Bytes and files the planting added, per copy. */
  added: Map<string, { bytes: number; files: number }>;
}

function recordAdded(added: Planting['added'], path: string, bytes: number, files: number): void {
  const entry = added.get(copyOf(path)) ?? { bytes: 0, files: 0 };
  added.set(copyOf(path), { bytes: entry.bytes + bytes, files: entry.files + files });
}

/**
 * Plant plain keys in JavaScript files as `const apiKey = "…";` lines, and one more
 * base64-encoded in a Kubernetes Secret (which only a decoding scanner can find).
 */
function plantKeys(files: readonly CopiedFile[], lastCopy: string): Planting {
  const random = seededRandom(seed);
  const keys = generateKeys(seed, plainKeyCount + 1);
  const candidates = files.filter((file) => file.path.endsWith('.js') && file.size >= plantableSize.min && file.size <= plantableSize.max);
  const targets = pickDistinct(candidates, plainKeyCount, random);
  const planting: Planting = { planted: [], added: new Map() };
  targets.forEach((file, i) => {
    const generated = keys[i];
    if (!generated) return;
    const line = `const apiKey = "${generated.key}";`;
    insertLine(join(treeDir, file.path), line, random);
    recordAdded(planting.added, file.path, Buffer.byteLength(line) + 1, 0);
    planting.planted.push({ path: file.path, ruleId: generated.ruleId, secretHash: secretHash(generated.key) });
  });
  const encoded = keys[plainKeyCount];
  if (!encoded) throw new HarnessError('no key left for the base64 plant');
  const yamlPath = `${lastCopy}/k8s/router-credentials.yaml`;
  const yaml = [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: router-credentials',
    'type: Opaque',
    'data:',
    `  key: ${Buffer.from(encoded.key, 'utf8').toString('base64')}`,
    '',
  ].join('\n');
  writeFileSync(ensureParent(join(treeDir, yamlPath)), yaml);
  recordAdded(planting.added, yamlPath, Buffer.byteLength(yaml), 1);
  planting.planted.push({ path: yamlPath, ruleId: encoded.ruleId, secretHash: secretHash(encoded.key), encoding: 'base64' });
  return planting;
}

/** The cached tree's manifest, or undefined when the tree must be (re)built. */
export function readManifest(): Manifest | undefined {
  if (!existsSync(manifestFile) || !existsSync(treeDir)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    return manifest.version === manifestVersion && manifest.seed === seed ? manifest : undefined;
  } catch {
    return undefined;
  }
}

export function buildTree(): Manifest {
  const source = join(repoRoot, 'node_modules');
  if (!existsSync(source)) throw new HarnessError(`${source} is missing: run \`npm install\` first`);
  rmSync(manifestFile, { force: true });
  rmSync(treeDir, { recursive: true, force: true });
  const copies: TreeCopy[] = [];
  const files: CopiedFile[] = [];
  let bytes = 0;
  while (bytes < minSourceBytes) {
    const dir = `copy-${copies.length + 1}`;
    const copied: CopiedFile[] = [];
    copyTextTree(source, join(treeDir, dir), dir, copied);
    const copyBytes = copied.reduce((sum, file) => sum + file.size, 0);
    if (copyBytes === 0) throw new HarnessError(`${source} has no text files to copy`);
    copies.push({ dir, files: copied.length, bytes: copyBytes });
    files.push(...copied);
    bytes += copyBytes;
    log(`copied node_modules to ${dir}/ (${formatMb(bytes)} so far)`);
  }
  const lastCopy = copies[copies.length - 1]?.dir ?? 'copy-1';
  const { planted, added } = plantKeys(files, lastCopy);
  for (const copy of copies) {
    copy.bytes += added.get(copy.dir)?.bytes ?? 0;
    copy.files += added.get(copy.dir)?.files ?? 0;
  }
  const manifest: Manifest = {
    version: manifestVersion,
    seed,
    copies,
    files: copies.reduce((sum, copy) => sum + copy.files, 0),
    emptyFiles: files.filter((file) => file.size === 0).length,
    sourceBytes: copies.reduce((sum, copy) => sum + copy.bytes, 0),
    planted,
  };
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
