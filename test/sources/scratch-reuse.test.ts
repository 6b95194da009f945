import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/detect/detect.js';
import { scanBatch } from '../../src/run/scan-file.js';
import { builtin } from '../helpers/engine.js';
import { keyFactory } from '../helpers/keys.js';
import { cleanTmpDirs, makeTmpDir } from '../helpers/tmp.js';

cleanTmpDirs('all');

/**
 * Files are read into one buffer kept per thread (src/sources/files.ts), big ones too: what a
 * larger file left in it must never be read as part of a smaller file read after it.
 */
describe('the reused read buffer', () => {
  const keys = keyFactory(0x5c7a);
  const dir = makeTmpDir('scratch');
  const big = keys.openrouter();
  const medium = keys.agentrouter();
  const filler = (bytes: number) => `${'// filler line of source code\n'.repeat(Math.ceil(bytes / 30))}`.slice(0, bytes);
  const files = {
    // A key 2.5 MiB into a 3 MiB file, then files shorter than where it sat.
    big: { path: join(dir, 'big.js'), text: `${filler(2.5 * 1024 * 1024)}const k = "${big}";\n${filler(400_000)}` },
    medium: { path: join(dir, 'medium.js'), text: `const m = "${medium}";\n${filler(1.5 * 1024 * 1024)}` },
    small: { path: join(dir, 'small.js'), text: filler(2000) },
    empty: { path: join(dir, 'empty.js'), text: '' },
  };
  for (const file of Object.values(files)) writeFileSync(file.path, file.text);

  it.each([
    ['big, medium, small, empty', ['big', 'medium', 'small', 'empty']],
    ['small, big, empty, medium', ['small', 'big', 'empty', 'medium']],
    ['big, small, big', ['big', 'small', 'big']],
  ] as const)('finds each key once, in its own file, whatever the order (%s)', async (_order, names) => {
    const treeFiles = names.map((name) => ({ absolute: files[name].path, path: `${name}.js` }));
    const result = await scanBatch(treeFiles, createEngine(builtin().engine.rules), { maxFileSize: 64 * 1024 * 1024 });
    const found = result.findings.map((finding) => `${finding.origin.path}:${finding.line}`).sort();
    const expected = names.flatMap((name) => (name === 'big' ? [`big.js:${files.big.text.split('\n').findIndex((line) => line.includes(big)) + 1}`] : name === 'medium' ? ['medium.js:1'] : [])).sort();
    expect(found).toEqual(expected);
  });
});
