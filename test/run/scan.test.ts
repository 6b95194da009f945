import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import { parseIgnoreFile } from '../../src/detect/suppress.js';
import type { Suppressions } from '../../src/detect/suppress.js';
import { workTreeSource, type WorkTreeScan } from '../../src/run/scan.js';
import { runThrough } from '../helpers/run.js';
import { positionOf } from '../helpers/engine.js';
import { base64, keyFactory, ruleIds } from '../helpers/keys.js';
import { cleanTmpDirs, makeTmpDir, writeTree, type Tree } from '../helpers/tmp.js';

cleanTmpDirs('all');

/** A tree scan as a test asks for it: the source's settings, plus the run's suppressions and clock. */
interface TreeRequest extends WorkTreeScan {
  suppressions: Suppressions;
  clock?: () => number;
}

function scanTree(request: TreeRequest, source = workTreeSource) {
  const { suppressions, clock, ...tree } = request;
  return runThrough(source(tree), { suppressions, ...(clock ? { clock } : {}) });
}

const keys = keyFactory(0x7363616e);

interface Planted {
  path: string;
  ruleId: string;
  key: string;
  /** The text at the reported place (the key, or its base64 form). */
  at: string;
}

function plain(result: { findings: Finding[] }) {
  return result.findings.map((f) => ({
    ruleId: f.ruleId,
    path: f.origin.path,
    kind: f.origin.kind,
    line: f.line,
    column: f.column,
    endColumn: f.endColumn,
    key: f.secret.reveal(),
    secretHash: f.secretHash,
    fingerprint: f.fingerprint,
    encoding: f.encoding,
  }));
}

/** A small project: keys in several contexts, and files that must not produce findings. */
function buildProject() {
  const or = keys.openrouter();
  const ar = keys.agentrouter();
  const live = keys.tokenrouterLive();
  const test = keys.tokenrouterTest();
  const baselined = keys.openrouter();
  const ignoredByFingerprint = keys.agentrouter();
  const files: Tree = {
    '.gitignore': '*.log\n',
    'src/client.ts': `import OpenAI from "openai";\n\nconst client = new OpenAI({ apiKey: "${or}" });\n`,
    '.env': `# local\nAGENTROUTER_API_KEY=${ar}\r\nTOKENROUTER_API_KEY=${live}\r\n`,
    'deploy/secret.yaml': `apiVersion: v1\nkind: Secret\ndata:\n  token: ${base64(test)}\n`,
    'docs/README.md': 'export OPENROUTER_API_KEY=sk-or-v1-your_key_here\nsk-ar-xxxxxxxxxxxxxxxx\n',
    'src/allowed.ts': `const fixture = "${keys.openrouter()}"; // keywarden:allow\n`,
    'debug.log': `key=${keys.openrouter()}\n`,
    'fixtures/keys.txt': `key=${keys.openrouter()}\n`,
    'assets/blob.bin': Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(`k=${keys.openrouter()}`)]),
    'empty.txt': '',
    'big.txt': `k=${keys.openrouter()}\n${'a'.repeat(300_000)}`,
    'old/baselined.ts': `x = "${baselined}"\n`,
    'old/ignored.ts': `y = "${ignoredByFingerprint}"\n`,
  };
  // Enough files for several batches of 48, some with keys.
  const generated: Planted[] = [];
  for (let i = 0; i < 130; i++) {
    const path = `gen/f${String(i).padStart(3, '0')}.txt`;
    if (i % 7 === 0) {
      const key = i % 2 === 0 ? keys.openrouter() : keys.tokenrouterLive(64);
      files[path] = `line one\nline two ${i}\nvalue: ${key}\n`;
      generated.push({ path, ruleId: key.startsWith('sk-or') ? ruleIds.openrouter : ruleIds.tokenrouterLive, key, at: key });
    } else {
      files[path] = `nothing here ${i}\n`.repeat(i + 1);
    }
  }
  const planted: Planted[] = [
    { path: '.env', ruleId: ruleIds.agentrouter, key: ar, at: ar },
    { path: '.env', ruleId: ruleIds.tokenrouterLive, key: live, at: live },
    { path: 'deploy/secret.yaml', ruleId: ruleIds.tokenrouterTest, key: test, at: base64(test) },
    ...generated,
    { path: 'src/client.ts', ruleId: ruleIds.openrouter, key: or, at: or },
  ];
  const root = writeTree(makeTmpDir('pipeline'), files);
  const scanned = Object.entries(files).filter(
    ([path, content]) => !['debug.log', 'fixtures/keys.txt', 'assets/blob.bin', 'empty.txt', 'big.txt'].includes(path) && content.length > 0,
  );
  return {
    root,
    files,
    planted,
    suppressedKeys: [baselined, ignoredByFingerprint],
    scannedFiles: scanned.length,
    scannedBytes: scanned.reduce((n, [, content]) => n + Buffer.byteLength(content), 0),
  };
}

function request(root: string, extra: Partial<TreeRequest> = {}): TreeRequest {
  return {
    root,
    paths: [root],
    gitignore: true,
    maxFileSize: 256 * 1024,
    suppressions: { ignore: { fingerprints: new Set(), pathPatterns: ['fixtures/'] } },
    ...extra,
  };
}

describe('scanWorkTree', () => {
  const project = buildProject();

  it('finds every planted key, once, in order of path, line and column', async () => {
    const result = await scanTree(request(project.root, { threads: 0 }));
    const [baselined, ignored] = project.suppressedKeys;
    const everything: Planted[] = [
      ...project.planted,
      { path: 'old/baselined.ts', ruleId: ruleIds.openrouter, key: baselined ?? '', at: baselined ?? '' },
      { path: 'old/ignored.ts', ruleId: ruleIds.agentrouter, key: ignored ?? '', at: ignored ?? '' },
    ];
    const expected = everything
      .map((p) => ({
        ruleId: p.ruleId,
        path: p.path,
        kind: 'file',
        key: p.key,
        encoding: p.at === p.key ? undefined : 'base64',
        ...positionOf(String(project.files[p.path]), p.at),
      }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
    expect(plain(result).map(({ secretHash: _h, fingerprint: _f, ...rest }) => rest)).toEqual(expected);
    expect(result.suppressed).toBe(0);
  });

  it('counts the files and bytes it read; binary, empty, ignored, excluded and too-large files are not counted', async () => {
    const result = await scanTree(request(project.root, { threads: 0 }));
    expect(result.stats.files).toBe(project.scannedFiles);
    expect(result.stats.bytes).toBe(project.scannedBytes);
    expect(result.warnings).toEqual([{ path: 'big.txt', message: expect.stringMatching(/^not scanned: .* is over --max-file-size/) as unknown }]);
  });

  it('measures its duration with the clock it is given', async () => {
    let now = 1000;
    const result = await scanTree(request(project.root, { threads: 0, clock: () => (now += 125) }));
    expect(result.stats.durationMs).toBe(125);
  });

  it('applies .keywardenignore fingerprints and a baseline, and counts what they suppressed', async () => {
    const all = plain(await scanTree(request(project.root, { threads: 0 })));
    const [baselined, ignored] = project.suppressedKeys.map((key) => all.find((f) => f.key === key));
    if (!baselined || !ignored) throw new Error('fixture');
    const ignore = parseIgnoreFile(`# reviewed\nfixtures/\n${ignored.fingerprint}\n`);
    const result = await scanTree(
      request(project.root, {
        threads: 0,
        suppressions: { ignore, baseline: { fingerprints: new Set([baselined.fingerprint]) } },
      }),
    );
    expect(result.suppressed).toBe(2);
    expect(plain(result)).toEqual(all.filter((f) => f !== baselined && f !== ignored));
  });

  it('path patterns of .keywardenignore keep files from being read at all', async () => {
    const withPatterns = await scanTree(request(project.root, { threads: 0, suppressions: { ignore: parseIgnoreFile('fixtures/\ngen/\n') } }));
    expect(plain(withPatterns).some((f) => f.path.startsWith('gen/'))).toBe(false);
    expect(withPatterns.stats.files).toBe(project.scannedFiles - 130);
    expect(withPatterns.suppressed).toBe(0);
  });

  it('gitignore: false scans ignored files too', async () => {
    const result = await scanTree(request(project.root, { threads: 0, gitignore: false }));
    expect(plain(result).filter((f) => f.path === 'debug.log')).toHaveLength(1);
  });

  it('gives the same result on two worker threads as on the calling thread', async () => {
    const onThread = await scanTree(request(project.root, { threads: 0 }));
    const progress: [number, number][] = [];
    const onWorkers = await scanTree(request(project.root, { threads: 2, onProgress: (done, total) => progress.push([done, total]) }));
    expect(plain(onWorkers)).toEqual(plain(onThread));
    expect(onWorkers.stats.files).toBe(onThread.stats.files);
    expect(onWorkers.stats.bytes).toBe(onThread.stats.bytes);
    expect(onWorkers.warnings).toEqual(onThread.warnings);
    expect(onWorkers.suppressed).toBe(onThread.suppressed);
    const total = Object.keys(project.files).length - 2; // debug.log (gitignored) and fixtures/keys.txt (excluded) are not listed
    expect(progress.at(-1)).toEqual([total, total]);
    const done = progress.map(([count]) => count);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });

  it('gives the same result on worker threads with suppressions applied', async () => {
    const all = plain(await scanTree(request(project.root, { threads: 0 })));
    const baseline = { fingerprints: new Set(all.filter((f) => f.path.startsWith('gen/')).map((f) => f.fingerprint)) };
    const req = request(project.root, { suppressions: { baseline } });
    const [onThread, onWorkers] = [await scanTree({ ...req, threads: 0 }), await scanTree({ ...req, threads: 2 })];
    expect(plain(onWorkers)).toEqual(plain(onThread));
    expect(onWorkers.suppressed).toBe(baseline.fingerprints.size);
    expect(onWorkers.findings.some((f) => f.origin.path.startsWith('gen/'))).toBe(false);
  });

  it('scans named files and directories, with paths relative to the root', async () => {
    const result = await scanTree(request(project.root, { threads: 0, paths: [join(project.root, 'src'), join(project.root, '.env')] }));
    expect([...new Set(plain(result).map((f) => f.path))]).toEqual(['.env', 'src/client.ts']);
  });
});
