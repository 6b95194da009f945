/**
 * The repository the `history` benchmark audits: at least 10,000 commits generated with
 * `git fast-import` from real third-party source (this repository's node_modules), a few
 * thousand files, each commit editing a few of them; feature branches merged back, a few
 * left unmerged, tags (annotated and lightweight), a remote-tracking ref. Keys generated
 * from a fixed seed are planted along the way: some kept to the end, some deleted again
 * (the line, or the whole file), some only on a branch that was never merged, some on a
 * branch that was. Only their hashes, paths and the commits that added them are recorded.
 *
 * Built once and cached under bench/.work/ (gitignored); delete bench/.work/history to rebuild.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { seededRandom } from '../src/rules/examples.js';
import { generateKeys, secretHash } from './keys.js';
import { HarnessError, ensureDir, formatMb, log, workDir } from './lib.js';
import { FastImportStream, LinePool, editText, git, insertLine, sourceFiles, type Identity, type SourceFile } from './repo-build.js';

export const historyDir = join(workDir, 'history');
export const historyRepo = join(historyDir, 'repo');
const manifestFile = join(workDir, 'history-manifest.json');
/** Bump when the way the repository is built changes, so a cached one is rebuilt. */
const manifestVersion = 1;
const seed = 20261125;
const minCommits = 10_000;
const initialFiles = 1_200;
const maxFiles = 3_200;
/** Contents are node_modules files of this size: real source, no minified bundles of megabytes. */
const fileSize = { min: 300, max: 32 * 1024 };
const start = Date.UTC(2021, 0, 4, 9) / 1000;

/** How a planted key lives in the history. */
export type PlantKind =
  /** Added on main and still there at the end. */
  | 'kept'
  /** Added on main, the line removed by a later commit. */
  | 'line-deleted'
  /** Added on main, the whole file deleted by a later commit. */
  | 'file-deleted'
  /** Added on a feature branch that was merged into main. */
  | 'merged-branch'
  /** Added on a branch that was never merged: reachable only from that branch's ref. */
  | 'side-branch';

const plan: readonly { kind: PlantKind; count: number; base64?: true }[] = [
  { kind: 'kept', count: 8 },
  { kind: 'line-deleted', count: 6 },
  { kind: 'file-deleted', count: 2 },
  { kind: 'file-deleted', count: 1, base64: true },
  { kind: 'merged-branch', count: 3 },
  { kind: 'side-branch', count: 4 },
];

export interface PlantedHistoryKey {
  path: string;
  ruleId: string;
  secretHash: string;
  kind: PlantKind;
  /** The commit that added the key at this path: what keywarden should attribute it to. */
  commit: string;
  /** Set when the key sits in the file base64-encoded. */
  encoding?: 'base64';
}

export interface HistoryManifest {
  version: number;
  seed: number;
  commits: number;
  merges: number;
  /** Branches merged into main (their refs deleted afterwards) and left unmerged. */
  mergedBranches: number;
  unmergedBranches: number;
  tags: number;
  /** Files at the tip of main. */
  headFiles: number;
  planted: PlantedHistoryKey[];
}

interface FileState {
  blob: number;
  text: string;
}

type Tree = Map<string, FileState>;

interface PendingKey {
  ruleId: string;
  key: string;
  kind: PlantKind;
  base64?: true;
}

interface Planted extends Omit<PlantedHistoryKey, 'commit'> {
  mark: number;
}

interface Branch {
  ref: string;
  tip: number;
  tree: Tree;
  /** Paths changed on the branch: what a merge brings over. */
  touched: Set<string>;
  planned: number;
  done: number;
  merge: boolean;
  plant?: PendingKey;
}

type MainEvent = { type: 'plant'; key: PendingKey } | { type: 'unplant'; key: string; wholeFile: boolean };

const people: readonly Identity[] = [
  'Ada Park',
  'Bruno Costa',
  'Chen Wei',
  'Dana Levi',
  'Emeka Obi',
  'Freya Nilsen',
  'Gaurav Rao',
  'Hana Sato',
  'Ivan Petrov',
  'Julia Weber',
  'Kofi Mensah',
  'Lucía Gómez',
].map((name) => ({ name, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com` }));

const verbs = ['Fix', 'Refactor', 'Update', 'Tidy', 'Speed up', 'Document', 'Handle errors in', 'Simplify', 'Test', 'Rework'];
const topics = ['parser', 'cache', 'cli', 'auth', 'logging', 'retry', 'config', 'build', 'docs', 'api', 'router', 'billing'];

const isScript = (path: string): boolean => /\.(c|m)?(j|t)s$/.test(path) && !path.endsWith('.d.ts');

function keyLine(key: string, random: () => number): string {
  return random() < 0.5 ? `const OPENROUTER_API_KEY = "${key}";` : `const apiKey = '${key}'; // TODO move to the environment`;
}

function k8sSecret(name: string, key: string): string {
  return ['apiVersion: v1', 'kind: Secret', 'metadata:', `  name: ${name}`, 'type: Opaque', 'data:', `  api-key: ${Buffer.from(key, 'utf8').toString('base64')}`, ''].join('\n');
}

/** The generator: one pass over a seeded random source, writing the fast-import stream as it goes. */
class HistoryGenerator {
  private readonly random = seededRandom(seed);
  private readonly stream: FastImportStream;
  private readonly pool: LinePool;
  private readonly unused: SourceFile[];
  private readonly main: { ref: string; tip: number; tree: Tree };
  private readonly open: Branch[] = [];
  private readonly events = new Map<number, MainEvent[]>();
  private readonly sideKeys: PendingKey[] = [];
  private readonly mergedKeys: PendingKey[] = [];
  /** Files holding (or having held) a planted key: no branch edits them, no commit deletes or renames them at random. */
  private readonly protectedPaths = new Set<string>();
  /** Planted keys by path, so random edits never delete their lines. */
  private readonly keysAt = new Map<string, string[]>();
  readonly planted: Planted[] = [];
  private time = start;
  commits = 0;
  merges = 0;
  mergedBranches = 0;
  unmergedBranches = 0;
  tags = 0;
  private mainCommits = 0;
  private branchCount = 0;

  constructor(streamFile: string, files: SourceFile[]) {
    this.stream = new FastImportStream(streamFile);
    this.pool = new LinePool(files, this.random);
    const shuffled = [...files];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] as SourceFile, shuffled[i] as SourceFile];
    }
    this.unused = shuffled.slice(initialFiles, maxFiles);
    const tree: Tree = new Map();
    for (const file of shuffled.slice(0, initialFiles)) tree.set(file.path, { blob: this.stream.blob(file.text), text: file.text });
    const root = this.commitTo('refs/heads/main', undefined, [...tree.keys()].map((path) => ({ path, blob: tree.get(path)?.blob ?? 0 })), 'Initial import');
    this.main = { ref: 'refs/heads/main', tip: root, tree };
    this.mainCommits = 1;
    this.schedule();
  }

  private pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.random() * items.length)];
    if (item === undefined) throw new HarnessError('nothing to pick from');
    return item;
  }

  private author(): Identity {
    return this.pick(people);
  }

  private commitTo(ref: string, from: number | undefined, changes: Parameters<FastImportStream['commit']>[0]['changes'], message: string, merges?: number[]): number {
    this.time += 600 + Math.floor(this.random() * 7200);
    this.commits++;
    return this.stream.commit({ ref, author: this.author(), time: this.time, message, ...(from === undefined ? {} : { from }), ...(merges ? { merges } : {}), changes });
  }

  /** Spread the main-line plants (and their deletions) over the history; branch plants wait for branches. */
  private schedule(): void {
    const keys = generateKeys(seed, plan.reduce((sum, part) => sum + part.count, 0));
    const mainKeys: PendingKey[] = [];
    let next = 0;
    for (const part of plan) {
      for (let i = 0; i < part.count; i++) {
        const generated = keys[next++];
        if (!generated) throw new HarnessError('key factory returned too few keys');
        const key: PendingKey = { ...generated, kind: part.kind, ...(part.base64 ? { base64: true as const } : {}) };
        if (part.kind === 'side-branch') this.sideKeys.push(key);
        else if (part.kind === 'merged-branch') this.mergedKeys.push(key);
        else mainKeys.push(key);
      }
    }
    // About 80% of the commits land on main; stay well inside that.
    const mainSpan = Math.floor(minCommits * 0.7);
    mainKeys.forEach((key, i) => {
      const at = 5 + Math.floor(((i + 0.5) * mainSpan) / mainKeys.length);
      this.addEvent(at, { type: 'plant', key });
      if (key.kind !== 'kept') this.addEvent(at + 50 + Math.floor(this.random() * 1500), { type: 'unplant', key: key.key, wholeFile: key.kind === 'file-deleted' });
    });
  }

  private addEvent(at: number, event: MainEvent): void {
    this.events.set(at, [...(this.events.get(at) ?? []), event]);
  }

  private pendingWork(): boolean {
    return this.events.size > 0 || this.sideKeys.length > 0 || this.mergedKeys.length > 0 || this.open.length > 0;
  }

  run(): void {
    while (this.commits < minCommits || this.pendingWork()) {
      const past = this.commits >= minCommits;
      if (this.open.length < 2 && (this.random() < 1 / 40 || (past && this.open.length === 0 && (this.sideKeys.length > 0 || this.mergedKeys.length > 0)))) this.openBranch();
      const onBranch = this.open.length > 0 && (this.random() < 0.3 || (past && this.events.size === 0));
      if (onBranch) this.branchCommit(this.pick(this.open));
      else this.mainCommit(past);
      if (Math.floor(this.commits / 1000) > this.tags) this.tag();
    }
    // A remote-tracking ref at the last release, behind main, as in a clone not yet pushed from.
    this.stream.reset('refs/remotes/origin/main', this.lastReleaseTip);
  }

  finish(repoDir: string): Map<number, string> {
    return this.stream.import(repoDir);
  }

  private lastReleaseTip = 0;

  private tag(): void {
    this.tags++;
    this.lastReleaseTip = this.main.tip;
    const name = `refs/tags/v1.${this.tags}.0`;
    if (this.tags % 2 === 1) this.stream.annotatedTag(name.slice('refs/tags/'.length), this.main.tip, this.author(), this.time, `Release 1.${this.tags}.0\n`);
    else this.stream.reset(name, this.main.tip);
  }

  private openBranch(): void {
    const index = this.branchCount++;
    const merge = index % 5 !== 4;
    const topic = this.pick(topics);
    const branch: Branch = {
      ref: merge ? `refs/heads/feature/${topic}-${index}` : `refs/heads/wip/${topic}-${index}`,
      tip: this.main.tip,
      tree: new Map(this.main.tree),
      touched: new Set(),
      planned: 2 + Math.floor(this.random() * 24),
      done: 0,
      merge,
    };
    const queue = merge ? this.mergedKeys : this.sideKeys;
    // Plant on a few branches spread over the history (branch 1, 26, 51 … merged; 4, 34, 64 … unmerged).
    const due = merge ? index % 25 === 1 : index % 30 === 4;
    if (queue.length > 0 && (due || this.commits >= minCommits)) branch.plant = queue.shift() as PendingKey;
    this.open.push(branch);
  }

  /** Files a random edit may touch in `tree`. */
  private editable(tree: Tree, onBranch: boolean): string[] {
    const paths = [...tree.keys()];
    return onBranch ? paths.filter((path) => !this.protectedPaths.has(path)) : paths;
  }

  private keep(path: string): (line: string) => boolean {
    const keys = this.keysAt.get(path);
    return keys ? (line) => keys.some((key) => line.includes(key)) : () => false;
  }

  private setFile(tree: Tree, path: string, text: string): { path: string; blob: number } {
    const blob = this.stream.blob(text);
    tree.set(path, { blob, text });
    return { path, blob };
  }

  private randomEdits(tree: Tree, count: number, onBranch: boolean): { path: string; blob: number }[] {
    const candidates = this.editable(tree, onBranch);
    const changes: { path: string; blob: number }[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < count && candidates.length > 0; i++) {
      const path = this.pick(candidates);
      if (seen.has(path)) continue;
      seen.add(path);
      changes.push(this.setFile(tree, path, editText(tree.get(path)?.text ?? '', this.random, this.pool, this.keep(path))));
    }
    return changes;
  }

  /** Plant `key` in a script of `tree` (or a new Secret manifest for base64); returns the change. */
  private plant(tree: Tree, key: PendingKey, avoid: ReadonlySet<string>): { path: string; blob: number } {
    if (key.base64) {
      const path = `deploy/k8s/router-credentials-${this.planted.length}.yaml`;
      this.protectedPaths.add(path);
      this.keysAt.set(path, [Buffer.from(key.key, 'utf8').toString('base64')]);
      this.recordPlant(path, key);
      return this.setFile(tree, path, k8sSecret(`router-credentials-${this.planted.length}`, key.key));
    }
    const candidates = [...tree.keys()].filter((path) => isScript(path) && !this.protectedPaths.has(path) && !avoid.has(path));
    const path = this.pick(candidates);
    this.protectedPaths.add(path);
    this.keysAt.set(path, [...(this.keysAt.get(path) ?? []), key.key]);
    this.recordPlant(path, key);
    return this.setFile(tree, path, insertLine(tree.get(path)?.text ?? '', keyLine(key.key, this.random), this.random));
  }

  private recordPlant(path: string, key: PendingKey): void {
    // The commit's mark is the next one handed out after the blob written below: fixed up in `mainCommit`/`branchCommit`.
    this.planted.push({ path, ruleId: key.ruleId, secretHash: secretHash(key.key), kind: key.kind, mark: -1, ...(key.base64 ? { encoding: 'base64' as const } : {}) });
  }

  private markPlants(mark: number): void {
    for (const planted of this.planted) if (planted.mark === -1) planted.mark = mark;
  }

  private mainCommit(past: boolean): void {
    const index = this.mainCommits++;
    const tree = this.main.tree;
    const changes: Parameters<FastImportStream['commit']>[0]['changes'][number][] = [];
    let message = '';
    // The earliest event that is due (past the target, pulled forward so the run ends): one a commit,
    // so a key is never added and deleted by the same commit.
    const dueAt = Math.min(...this.events.keys());
    const due = dueAt <= index || past ? this.events.get(dueAt) : undefined;
    if (due) {
      const [event, ...rest] = due;
      if (rest.length > 0) this.events.set(dueAt, rest);
      else this.events.delete(dueAt);
      if (event) {
        if (event.type === 'plant') {
          const openPaths = new Set(this.open.flatMap((branch) => [...branch.touched]));
          changes.push(this.plant(tree, event.key, openPaths));
          message ||= `Wire up the ${this.pick(topics)} client`;
        } else {
          const path = [...this.keysAt].find(([, keys]) => keys.some((key) => key === event.key || key === Buffer.from(event.key, 'utf8').toString('base64')))?.[0];
          const file = path === undefined ? undefined : tree.get(path);
          if (path === undefined || !file) {
            // Nothing to delete (cannot happen: planted files are never deleted at random).
          } else if (event.wholeFile) {
            tree.delete(path);
            changes.push({ path, delete: true });
            message ||= `Remove ${posix.basename(path)}`;
          } else {
            const keys = this.keysAt.get(path) ?? [];
            const text = file.text
              .split('\n')
              .filter((line) => !line.includes(event.key))
              .join('\n');
            this.keysAt.set(path, keys.filter((key) => key !== event.key));
            changes.push(this.setFile(tree, path, text));
            message ||= `Read the API key from the environment in ${posix.basename(path)}`;
          }
        }
      }
    }
    if (changes.length === 0) {
      const roll = this.random();
      const removable = [...tree.keys()].filter((path) => !this.protectedPaths.has(path));
      if (roll < 0.12 && this.unused.length > 0) {
        for (let n = 1 + Math.floor(this.random() * 3); n > 0 && this.unused.length > 0; n--) {
          const file = this.unused.pop() as SourceFile;
          changes.push(this.setFile(tree, file.path, file.text));
        }
        message = `Add ${posix.basename(changes[0]?.path ?? '')}`;
      } else if (roll < 0.135 && removable.length > 0) {
        const path = this.pick(removable);
        tree.delete(path);
        changes.push({ path, delete: true });
        message = `Remove ${posix.basename(path)}`;
      } else if (roll < 0.145 && removable.length > 0) {
        const path = this.pick(removable);
        const file = tree.get(path) as FileState;
        const to = `${posix.dirname(path)}/legacy/${posix.basename(path)}`;
        if (!tree.has(to)) {
          tree.delete(path);
          tree.set(to, file);
          changes.push({ path, delete: true }, { path: to, blob: file.blob });
          message = `Move ${posix.basename(path)} to legacy/`;
        }
      }
    }
    if (changes.length === 0) {
      changes.push(...this.randomEdits(tree, 1 + Math.floor(this.random() * this.random() * 5), false));
      message = `${this.pick(verbs)} ${posix.basename(changes[0]?.path ?? 'code')}`;
    }
    this.main.tip = this.commitTo(this.main.ref, this.main.tip, changes, `${message}\n`);
    this.markPlants(this.main.tip);
  }

  private branchCommit(branch: Branch): void {
    const changes = this.randomEdits(branch.tree, 1 + Math.floor(this.random() * 3), true);
    if (branch.plant && branch.done >= Math.floor(branch.planned / 2)) {
      changes.push(this.plant(branch.tree, branch.plant, new Set()));
      delete branch.plant;
    }
    for (const change of changes) branch.touched.add(change.path);
    branch.tip = this.commitTo(branch.ref, branch.tip, changes, `${this.pick(verbs)} ${posix.basename(changes[0]?.path ?? 'code')}\n`);
    this.markPlants(branch.tip);
    if (++branch.done < branch.planned) return;
    this.open.splice(this.open.indexOf(branch), 1);
    if (!branch.merge) {
      this.unmergedBranches++;
      return;
    }
    // Merge into main: the branch's version of every path it touched wins.
    const merged: Parameters<FastImportStream['commit']>[0]['changes'][number][] = [];
    for (const path of branch.touched) {
      const ours = this.main.tree.get(path);
      const theirs = branch.tree.get(path);
      if (theirs && ours?.blob !== theirs.blob) {
        this.main.tree.set(path, theirs);
        merged.push({ path, blob: theirs.blob });
      } else if (!theirs && ours) {
        this.main.tree.delete(path);
        merged.push({ path, delete: true });
      }
    }
    const name = branch.ref.slice('refs/heads/'.length);
    this.main.tip = this.commitTo(this.main.ref, this.main.tip, merged, `Merge branch '${name}'\n`, [branch.tip]);
    this.mainCommits++;
    this.merges++;
    this.mergedBranches++;
    // Merged branches are deleted after the import, as on any forge: their commits stay reachable through main.
    this.refsToDelete.push(branch.ref);
  }

  readonly refsToDelete: string[] = [];

  get blobBytes(): number {
    return this.stream.blobBytes;
  }

  get headFiles(): number {
    return this.main.tree.size;
  }
}

/** The cached repository's manifest, or undefined when it must be (re)built. */
export function readHistoryManifest(): HistoryManifest | undefined {
  if (!existsSync(manifestFile) || !existsSync(join(historyRepo, '.git'))) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as HistoryManifest;
    return manifest.version === manifestVersion && manifest.seed === seed ? manifest : undefined;
  } catch {
    return undefined;
  }
}

export function buildHistoryRepo(): HistoryManifest {
  rmSync(manifestFile, { force: true });
  rmSync(historyDir, { recursive: true, force: true });
  ensureDir(historyRepo);
  const files = sourceFiles(fileSize.min, fileSize.max);
  if (files.length < maxFiles) throw new HarnessError(`node_modules has ${files.length} text files of ${fileSize.min}–${fileSize.max} bytes, need ${maxFiles}`);
  log(`generating ≥ ${minCommits} commits over ${maxFiles} files of node_modules source …`);
  const generator = new HistoryGenerator(join(historyDir, 'stream.fi'), files);
  generator.run();
  git(historyRepo, ['init', '-q', '-b', 'main']);
  log('git fast-import …');
  const ids = generator.finish(historyRepo);
  for (const ref of generator.refsToDelete) git(historyRepo, ['update-ref', '-d', ref]);
  log('git repack -a -d -f (deltas across versions, as in a real clone) …');
  git(historyRepo, ['repack', '-a', '-d', '-f', '-q']);
  git(historyRepo, ['pack-refs', '--all']);
  git(historyRepo, ['commit-graph', 'write', '--reachable']);
  git(historyRepo, ['reset', '-q', '--hard', 'main']);
  rmSync(join(historyDir, 'stream.fi'), { force: true });
  rmSync(join(historyDir, 'stream.fi.marks'), { force: true });
  const planted = generator.planted.map(({ mark, ...key }) => {
    const commit = ids.get(mark);
    if (!commit) throw new HarnessError(`no commit id for mark :${mark}`);
    return { ...key, commit };
  });
  const commits = Number(git(historyRepo, ['rev-list', '--all', '--count']).trim());
  const manifest: HistoryManifest = {
    version: manifestVersion,
    seed,
    commits,
    merges: generator.merges,
    mergedBranches: generator.mergedBranches,
    unmergedBranches: generator.unmergedBranches,
    tags: generator.tags,
    headFiles: generator.headFiles,
    planted,
  };
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  log(`history repository ready: ${commits} commits, ${formatMb(generator.blobBytes)} of blob versions written`);
  return manifest;
}
