import { describe, expect, it } from 'vitest';
import { listFiles } from '../../src/sources/worktree.js';
import { cleanTmpDirs, makeTmpDir, writeTree, type Tree } from '../helpers/tmp.js';

/** gitignore as git applies it on Linux: these cases once hid files git tracks, or showed files git ignores. */
cleanTmpDirs();

async function listed(files: Tree): Promise<string[]> {
  const root = writeTree(makeTmpDir('gitignore'), files);
  const { files: found } = await listFiles({ root, paths: [root], gitignore: true, exclude: [] });
  return found.map((file) => file.path).filter((path) => !path.endsWith('.gitignore')).sort();
}

describe('gitignore matching', () => {
  it('is case-sensitive, like git on Linux', async () => {
    expect(await listed({ '.gitignore': 'config.js\n*.LOG\n', 'src/Config.js': 'x', 'src/config.js': 'x', 'a.log': 'x', 'b.LOG': 'x' })).toEqual([
      'a.log',
      'src/Config.js',
    ]);
  });

  it('does not let a deeper .gitignore re-include a file inside an ignored directory', async () => {
    expect(await listed({ '.gitignore': 'bu*ld/\n', 'build/.gitignore': '!keep.txt\n', 'build/keep.txt': 'x', 'src/a.ts': 'x' })).toEqual(['src/a.ts']);
  });

  it('a `name/` line excludes a directory only: a file of that name is still listed', async () => {
    expect(await listed({ '.gitignore': 'secrets/\n', secrets: 'a file, not a directory', 'x/secrets/k.env': 'x' })).toEqual(['secrets']);
  });

  it('a later negation re-includes what an earlier line excluded', async () => {
    expect(await listed({ '.gitignore': 'logs\n!logs\n', 'logs/app.txt': 'x' })).toEqual(['logs/app.txt']);
  });
});
