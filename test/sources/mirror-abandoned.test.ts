/**
 * A killed audit leaves its half-made clone (`NAME.git.partial-PID`) in the cache: the next clone
 * of that repository removes it once its process is gone, and leaves alone the clone of an audit
 * still running in the same cache.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mirrorDir, updateMirror } from '../../src/sources/mirror.js';
import { TestRepo } from '../helpers/history-repos.js';
import { makeTmpDir } from '../helpers/tmp.js';

describe('half-made clones of killed audits', () => {
  it('are removed by the next clone of the repository; a running audit keeps its own', async () => {
    const source = TestRepo.init(makeTmpDir('abandoned-source'));
    source.commit({ 'a.txt': 'a\n' });
    const cache = makeTmpDir('abandoned-cache');
    const dir = mirrorDir(cache, 'acme/w', source.dir);
    // A process that has ended: its id names no running process (ids are not reused that fast).
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    const [abandoned, running, other] = [`${dir}.partial-${gone}`, `${dir}.partial-${process.ppid}`, `${dir}x.partial-${gone}`];
    for (const path of [abandoned, running, other]) mkdirSync(path, { recursive: true });
    await updateMirror({ cache, fullName: 'acme/w', cloneUrl: source.dir });
    expect([existsSync(abandoned), existsSync(running), existsSync(other)]).toEqual([false, true, true]);
    expect(readdirSync(dir).length).toBeGreaterThan(0);
  });
});
