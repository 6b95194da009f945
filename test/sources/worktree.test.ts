import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { listFiles, type ListOptions } from '../../src/sources/worktree.js';
import { cleanTmpDirs, makeTmpDir, writeTree, type Tree } from '../helpers/tmp.js';

cleanTmpDirs();

async function list(root: string, options: Partial<ListOptions> = {}): Promise<string[]> {
  const { files } = await listFiles({ root, paths: [root], gitignore: true, exclude: [], ...options });
  for (const file of files) expect(relative(root, file.absolute).split('\\').join('/')).toBe(file.path);
  return files.map((file) => file.path).sort();
}

const project: Tree = {
  '.gitignore': '# build output\ndist/\n*.log\n.env*\n!.env.example\n',
  '.env': 'A=1\n',
  '.env.example': 'A=\n',
  '.env.local': 'A=2\n',
  'app.log': 'log\n',
  'dist/bundle.js': 'x\n',
  'src/index.ts': 'x\n',
  'src/debug.log': 'x\n',
  'src/.gitignore': 'generated/\n!keep.log\n',
  'src/keep.log': 'x\n',
  'src/generated/types.ts': 'x\n',
  'src/deep/er/file.ts': 'x\n',
  'src/deep/er/.gitignore': '*.ts\n!file.ts\n',
  'src/deep/er/other.ts': 'x\n',
  'vendor/.gitignore': '*\n!.gitignore\n',
  'vendor/lib.js': 'x\n',
  '.git/config': '[core]\n',
  '.git/objects/ab/cdef': 'x\n',
  'sub/.git': 'gitdir: ../.git/modules/sub\n',
  'sub/a.txt': 'x\n',
};

describe('listFiles', () => {
  it('honours nested .gitignore files with negation, and skips .git/', async () => {
    const root = writeTree(makeTmpDir('tree'), project);
    expect(await list(root)).toEqual([
      '.env.example',
      '.gitignore',
      'src/.gitignore',
      'src/deep/er/.gitignore',
      'src/deep/er/file.ts',
      'src/index.ts',
      'src/keep.log',
      'sub/a.txt',
      'vendor/.gitignore',
    ]);
  });

  it('with gitignore: false lists ignored files too, but still not .git/', async () => {
    const root = writeTree(makeTmpDir('tree'), project);
    const files = await list(root, { gitignore: false });
    expect(files).toEqual(Object.keys(project).filter((path) => !path.startsWith('.git/') && path !== 'sub/.git').sort());
  });

  it('a file inside an ignored directory stays ignored even when a deeper .gitignore re-includes it (git does not look inside)', async () => {
    const root = writeTree(makeTmpDir('tree'), { '.gitignore': 'build/\n', 'build/.gitignore': '!keep.txt\n', 'build/keep.txt': 'x', 'a.txt': 'x' });
    expect(await list(root)).toEqual(['.gitignore', 'a.txt']);
  });

  it.each([
    { exclude: ['*.md'], expected: ['a.ts', 'src/b.ts', 'test/fixtures/keys.txt'] },
    { exclude: ['test/fixtures/**'], expected: ['README.md', 'a.ts', 'docs/guide.md', 'src/b.ts'] },
    { exclude: ['test/'], expected: ['README.md', 'a.ts', 'docs/guide.md', 'src/b.ts'] },
    { exclude: ['/a.ts', 'docs'], expected: ['README.md', 'src/b.ts', 'test/fixtures/keys.txt'] },
    { exclude: ['*.ts', '!src/b.ts'], expected: ['README.md', 'docs/guide.md', 'src/b.ts', 'test/fixtures/keys.txt'] },
  ])('exclude patterns $exclude', async ({ exclude, expected }) => {
    const root = writeTree(makeTmpDir('tree'), { 'README.md': 'x', 'a.ts': 'x', 'docs/guide.md': 'x', 'src/b.ts': 'x', 'test/fixtures/keys.txt': 'x' });
    expect(await list(root, { exclude })).toEqual(expected);
  });

  it('does not follow symbolic links, to a file outside the root or to a directory', async () => {
    const outside = writeTree(makeTmpDir('outside'), { 'secret.env': 'x', 'dir/inner.txt': 'x' });
    const root = writeTree(makeTmpDir('tree'), { 'a.txt': 'x', 'sub/b.txt': 'x' });
    symlinkSync(join(outside, 'secret.env'), join(root, 'link.env'));
    symlinkSync(join(outside, 'dir'), join(root, 'linkdir'));
    symlinkSync(join(root, 'sub'), join(root, 'loop'));
    symlinkSync(join(root, 'missing'), join(root, 'dangling'));
    expect(await list(root)).toEqual(['a.txt', 'sub/b.txt']);
  });

  it('a symbolic link given as a path is not followed, with a warning', async () => {
    const outside = writeTree(makeTmpDir('outside'), { 'secret.env': 'x' });
    const root = writeTree(makeTmpDir('tree'), { 'a.txt': 'x' });
    symlinkSync(join(outside, 'secret.env'), join(root, 'link.env'));
    const result = await listFiles({ root, paths: [join(root, 'link.env'), join(root, 'a.txt')], gitignore: true, exclude: [] });
    expect(result.files.map((f) => f.path)).toEqual(['a.txt']);
    expect(result.warnings).toEqual([{ path: join(root, 'link.env'), message: 'symbolic link not followed' }]);
  });

  it('a missing path is a UsageError naming it', async () => {
    const root = makeTmpDir('tree');
    const missing = join(root, 'nope');
    await expect(listFiles({ root, paths: [missing], gitignore: true, exclude: [] })).rejects.toThrow(UsageError);
    await expect(listFiles({ root, paths: [missing], gitignore: true, exclude: [] })).rejects.toThrow(`no such file or directory: ${missing}`);
  });

  it('paths are relative to the root, whatever paths were given; a file listed twice is listed once', async () => {
    const root = writeTree(makeTmpDir('tree'), { 'a/x.txt': 'x', 'a/b/y.txt': 'x', 'c.txt': 'x' });
    const { files } = await listFiles({ root, paths: [join(root, 'a'), join(root, 'a/b'), join(root, 'c.txt')], gitignore: true, exclude: [] });
    expect(files.map((f) => f.path).sort()).toEqual(['a/b/y.txt', 'a/x.txt', 'c.txt']);
  });

  it('empty directories give nothing', async () => {
    const root = makeTmpDir('tree');
    mkdirSync(join(root, 'empty/deeper'), { recursive: true });
    expect(await list(root)).toEqual([]);
  });

  it("scanning a subdirectory still honours the root's .gitignore", async () => {
    const root = writeTree(makeTmpDir('tree'), { '.gitignore': '*.env\n', 'sub/.env': 'x', 'sub/a.ts': 'x' });
    expect(await list(root, { paths: [join(root, 'sub')] })).toEqual(['sub/a.ts']);
  });

  it('exclude patterns (.keywardenignore globs) apply to files named explicitly too, as a pre-commit framework passes them', async () => {
    const root = writeTree(makeTmpDir('tree'), { 'test/fixtures/keys.txt': 'x', 'src/a.ts': 'x' });
    const { files } = await listFiles({
      root,
      paths: [join(root, 'test/fixtures/keys.txt'), join(root, 'src/a.ts')],
      gitignore: true,
      exclude: ['test/fixtures/**'],
    });
    expect(files.map((f) => f.path)).toEqual(['src/a.ts']);
  });

  it('a file outside the root is listed with a ../ path and not matched against exclude patterns', async () => {
    const outside = writeTree(makeTmpDir('outside'), { 'x.txt': 'x' });
    const root = makeTmpDir('tree');
    const { files } = await listFiles({ root, paths: [join(outside, 'x.txt')], gitignore: true, exclude: ['*.txt'] });
    expect(files.map((f) => f.path)).toEqual([relative(root, join(outside, 'x.txt'))]);
  });

  it('lists a file whose name only looks like a pattern', async () => {
    const root = makeTmpDir('tree');
    writeFileSync(join(root, '[abc]*.txt'), 'x');
    expect(await list(root)).toEqual(['[abc]*.txt']);
  });
});
