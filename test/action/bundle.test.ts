import { execFileSync, execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { cleanTmpDirs, makeTmpDir } from '../helpers/tmp.js';

afterEach(() => cleanTmpDirs());

const bundleDir = 'dist/action';
const entry = `${bundleDir}/index.js`;

/** Each file of a bundle directory, by name, with its bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]));
}

describe('the committed action bundle', () => {
  it('is what `npm run build:action` makes from the sources now (run it and commit dist/action/ when this fails)', () => {
    const fresh = makeTmpDir('bundle');
    execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build-action.mjs'), fresh], { cwd: repoRoot, stdio: 'pipe' });
    const [made, committed] = [filesOf(fresh), filesOf(join(repoRoot, bundleDir))];
    expect([...committed.keys()].sort(), `${bundleDir} is stale: run \`npm run build:action\` and commit it`).toEqual([...made.keys()].sort());
    const differ = [...made].filter(([name, bytes]) => !committed.get(name)?.equals(bytes)).map(([name]) => name);
    expect(differ, `${bundleDir} is stale: run \`npm run build:action\` and commit it`).toEqual([]);
  });

  it('is tracked by git, every file of it, as action.yml runs it from the repository itself', () => {
    const tracked = execSync(`git ls-files -- ${bundleDir}`, { cwd: repoRoot, encoding: 'utf8' }).trim().split('\n').sort();
    expect(tracked).toEqual([...filesOf(join(repoRoot, bundleDir)).keys()].map((name) => `${bundleDir}/${name}`).sort());
    expect(readFileSync(join(repoRoot, 'action.yml'), 'utf8')).toMatch(new RegExp(`using: node24\\n\\s+main: ${entry}`));
  });
});
