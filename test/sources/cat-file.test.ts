/** The `git cat-file --batch` reader: replies parsed from a binary stream, in request order. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CatFileBatch, type CatFileReply } from '../../src/sources/cat-file.js';
import { childOutput } from '../../src/sources/lent-output.js';
import { git } from '../helpers/history-repos.js';
import { cleanTmpDirs, makeTmpDir } from '../helpers/tmp.js';

cleanTmpDirs('each');

function store(repo: string, content: Buffer | string): string {
  return git(repo, ['hash-object', '-w', '--stdin'], { input: content });
}

/** Store many small text objects with one `git fast-import` instead of a git run each; their ids computed the way git does. */
function storeAll(repo: string, contents: string[]): string[] {
  git(repo, ['fast-import', '--quiet'], { input: contents.map((c) => `blob\ndata ${Buffer.byteLength(c)}\n${c}\n`).join('') });
  return contents.map((c) => createHash('sha1').update(`blob ${Buffer.byteLength(c)}\0${c}`).digest('hex'));
}

/** Every reply, its content copied during the call that lends it. */
async function readAll(repo: string, oids: string[], options: { maxSize: number; maxInFlight?: number }, lend: boolean): Promise<CatFileReply[]> {
  const output = await childOutput(lend);
  const reader = new CatFileBatch(repo, options, output);
  const replies: CatFileReply[] = [];
  if (lend) expect(output.stdio).not.toBe('pipe');
  const collect = () =>
    reader.readReplies((batch) => {
      replies.push(...batch.map((reply) => (reply.kind === 'object' ? { ...reply, data: Buffer.from(reply.data) } : reply)));
    });
  const feed = async () => {
    for (const oid of oids) {
      reader.request(oid);
      if (reader.full) await reader.whenReady();
    }
    reader.end();
  };
  await Promise.all([collect(), feed()]);
  return replies;
}

// Read into one reused buffer (a socket's onread), and from the child's own pipe where that cannot be set up.
describe.each([true, false])('CatFileBatch (output lent: %s)', (lend) => {
  it('returns contents byte for byte, in request order, across pipe chunks', async () => {
    const repo = makeTmpDir('cat-file');
    git(repo, ['init', '-q', '--bare', '.']);
    const big = Buffer.alloc(700_000);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7) % 256;
    const contents = [Buffer.from('hello\n'), Buffer.alloc(0), big, Buffer.from('no newline at end'), Buffer.from('a\nb\n\n')];
    const oids = contents.map((content) => store(repo, content));
    const missing = '0123456789abcdef0123456789abcdef01234567';
    const replies = await readAll(repo, [...oids, missing, oids[0] ?? ''], { maxSize: 1 << 20 }, lend);
    expect(replies.map((r) => r.kind)).toEqual(['object', 'object', 'object', 'object', 'object', 'missing', 'object']);
    expect(replies.map((r) => r.oid)).toEqual([...oids, missing, oids[0]]);
    replies.slice(0, 5).forEach((reply, i) => {
      expect(reply.kind === 'object' && reply.type).toBe('blob');
      expect(reply.kind === 'object' && Buffer.compare(reply.data, contents[i] ?? Buffer.alloc(0))).toBe(0);
    });
  });

  it('reads past objects over the size limit without keeping them', async () => {
    const repo = makeTmpDir('cat-file');
    git(repo, ['init', '-q', '--bare', '.']);
    const small = store(repo, 'small\n');
    const large = store(repo, 'x'.repeat(200_000));
    const replies = await readAll(repo, [large, small, large], { maxSize: 1000 }, lend);
    expect(replies).toEqual([
      { kind: 'too-large', oid: large, type: 'blob', size: 200_000 },
      { kind: 'object', oid: small, type: 'blob', size: 6, data: Buffer.from('small\n') },
      { kind: 'too-large', oid: large, type: 'blob', size: 200_000 },
    ]);
  });

  it('keeps at most maxInFlight requests outstanding without stalling', async () => {
    const repo = makeTmpDir('cat-file');
    git(repo, ['init', '-q', '--bare', '.']);
    const oids = storeAll(repo, Array.from({ length: 200 }, (_, i) => `object ${i}\n`));
    const replies = await readAll(repo, oids, { maxSize: 1 << 20, maxInFlight: 3 }, lend);
    expect(replies.map((r) => r.oid)).toEqual(oids);
  });

  it('streams tens of thousands of tiny objects with the default (buffered) settings without stalling', async () => {
    const repo = makeTmpDir('cat-file');
    git(repo, ['init', '-q', '--bare', '.']);
    const contents = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? '' : `${i}\n`));
    const oids = storeAll(repo, contents);
    const replies = await readAll(repo, oids, { maxSize: 1 << 20 }, lend);
    expect(replies.length).toBe(oids.length);
    expect(replies.every((r, i) => r.oid === oids[i] && r.kind === 'object' && r.data.toString() === contents[i])).toBe(true);
  });

  it('hands over every object whole when most span reads (one assembly buffer, reused)', async () => {
    const repo = makeTmpDir('cat-file');
    git(repo, ['init', '-q', '--bare', '.']);
    // Sizes around git's 4 KiB writes and the reads', each object's bytes its own.
    const contents = Array.from({ length: 400 }, (_, i) => `${i}:`.repeat(1 + ((i * 7919) % 9000)) + `end ${i}\n`);
    const oids = storeAll(repo, contents);
    const replies = await readAll(repo, [...oids, ...oids.slice(0, 50)], { maxSize: 1 << 20 }, lend);
    const expected = [...contents, ...contents.slice(0, 50)];
    expect(replies.filter((r, i) => r.kind !== 'object' || r.data.toString() !== expected[i]).map((r) => r.oid)).toEqual([]);
  });

  it('fails with a KeywardenError when git cannot run there', async () => {
    const reader = new CatFileBatch(makeTmpDir('not-a-repo'), { maxSize: 1 }, await childOutput(lend));
    const read = reader.readReplies(() => undefined);
    reader.end();
    await expect(read).rejects.toMatchObject({ name: 'KeywardenError', exitCode: 2 });
  });
});
