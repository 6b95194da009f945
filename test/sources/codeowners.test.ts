import { beforeAll, describe, expect, it } from 'vitest';
import { KeywardenError } from '../../src/core/errors.js';
import { codeOwnersMaxBytes, readCodeOwnersAt, type CodeOwnersFile } from '../../src/sources/codeowners.js';
import { git, TestRepo } from '../helpers/history-repos.js';
import { cleanTmpDirs, makeFileTmpDir, makeTmpDir } from '../helpers/tmp.js';

cleanTmpDirs();

describe('readCodeOwnersAt', () => {
  const locations = [
    { files: ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'], used: '.github/CODEOWNERS' },
    { files: ['CODEOWNERS', 'docs/CODEOWNERS'], used: 'CODEOWNERS' },
    { files: ['.github/CODEOWNERS', 'docs/CODEOWNERS'], used: '.github/CODEOWNERS' },
    { files: ['docs/CODEOWNERS'], used: 'docs/CODEOWNERS' },
    // A directory named CODEOWNERS is no CODEOWNERS file: the next place is looked at.
    { files: ['.github/CODEOWNERS/README', 'docs/CODEOWNERS'], used: 'docs/CODEOWNERS' },
    { files: ['src/CODEOWNERS', 'codeowners', '.gitlab/CODEOWNERS'], used: undefined },
  ];
  // One repository, one commit a case (each replaces the files of the one before): git runs are what cost here.
  let read: Promise<Array<CodeOwnersFile | undefined>>;
  beforeAll(() => {
    const repo = TestRepo.init(makeFileTmpDir('codeowners'));
    let previous: string[] = [];
    const commits = locations.map(({ files }) => {
      const changes = { ...Object.fromEntries(previous.map((path) => [path, null])), ...Object.fromEntries(files.map((path) => [path, `* @from-${path}\n`])) };
      previous = files;
      return repo.commit(changes);
    });
    read = readCodeOwnersAt(repo.dir, commits).then((files) => commits.map((commit) => files.get(commit)));
  });

  it.each(locations.map((location, index) => ({ ...location, index })))('with $files uses $used', async ({ used, index }) => {
    const file = (await read)[index];
    expect(file?.location).toBe(used);
    if (used !== undefined) expect(file?.text).toBe(`* @from-${used}\n`);
  });

  it('reads the file of each commit, once a blob, as CODEOWNERS changes between commits', async () => {
    const repo = TestRepo.init(makeTmpDir('codeowners'));
    const none = repo.commit({ 'a.txt': '1\n' });
    const root = repo.commit({ CODEOWNERS: '* @first\n' });
    const github = repo.commit({ '.github/CODEOWNERS': '* @second\n' });
    const back = repo.commit({ '.github/CODEOWNERS': null, CODEOWNERS: '* @third\n' });
    const unrelated = repo.commit({ 'a.txt': '2\n' });
    const files = await readCodeOwnersAt(repo.dir, [none, root, github, back, unrelated, root]);
    expect([none, root, github, back, unrelated].map((commit) => files.get(commit)?.text)).toEqual([
      undefined,
      '* @first\n',
      '* @second\n',
      '* @third\n',
      '* @third\n',
    ]);
    // Two commits with the same file share one object, so it is parsed once.
    expect(files.get(unrelated)).toBe(files.get(back));
  });

  it('reads a bare repository, HEAD and abbreviated ids; a commit git does not know has none', async () => {
    const work = TestRepo.init(makeTmpDir('codeowners'));
    const commit = work.commit({ 'docs/CODEOWNERS': '/src/ @dev\n' });
    const bare = makeTmpDir('codeowners-bare');
    git(bare, ['clone', '-q', '--bare', work.dir, '.']);
    const unknown = 'f'.repeat(40);
    const files = await readCodeOwnersAt(bare, ['HEAD', commit.slice(0, 12), unknown, 'HEAD\nmain']);
    expect(files.get('HEAD')?.text).toBe('/src/ @dev\n');
    expect(files.get(commit.slice(0, 12))?.location).toBe('docs/CODEOWNERS');
    expect(files.get(unknown)).toBeUndefined();
    // A revision with a line break would be a second request: it is not asked.
    expect(files.has('HEAD\nmain')).toBe(false);
  });

  it('leaves out a file GitHub would not load (3 MB or more)', async () => {
    const repo = TestRepo.init(makeTmpDir('codeowners'));
    const large = repo.commit({ CODEOWNERS: `* @big\n${'#'.repeat(codeOwnersMaxBytes - 8)}\n` });
    const small = repo.commit({ CODEOWNERS: '* @small\n' });
    const files = await readCodeOwnersAt(repo.dir, [large, small]);
    expect(files.get(large)).toBeUndefined();
    expect(files.get(small)?.location).toBe('CODEOWNERS');
  });

  it('fails with a KeywardenError outside a repository, and asks git nothing for no revisions', async () => {
    const plain = makeTmpDir('codeowners-plain');
    await expect(readCodeOwnersAt(plain, ['HEAD'])).rejects.toBeInstanceOf(KeywardenError);
    expect(await readCodeOwnersAt(plain, [])).toEqual(new Map());
  });
});
