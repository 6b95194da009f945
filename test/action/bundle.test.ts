import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { cleanTmpDirs, makeTmpDir } from '../helpers/tmp.js';

afterEach(() => cleanTmpDirs());

const committedBundle = 'dist/action/index.js';

describe('the committed action bundle', () => {
  it('is what `npm run build:action` makes from the sources now (run it and commit the bundle when this fails)', () => {
    const script = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['build:action'] ?? '';
    expect(script).toContain(`--outfile=${committedBundle}`);
    const fresh = join(makeTmpDir('bundle'), 'index.js');
    execSync(script.replace(`--outfile=${committedBundle}`, `--outfile=${fresh}`), {
      cwd: repoRoot,
      env: { ...process.env, PATH: `${join(repoRoot, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` },
      stdio: 'pipe',
    });
    const same = readFileSync(fresh).equals(readFileSync(join(repoRoot, committedBundle)));
    expect(same, `${committedBundle} is stale: run \`npm run build:action\` and commit it`).toBe(true);
  });

  it('is tracked by git, as action.yml runs it from the repository itself', () => {
    expect(execSync(`git ls-files -- ${committedBundle}`, { cwd: repoRoot, encoding: 'utf8' }).trim()).toBe(committedBundle);
    expect(readFileSync(join(repoRoot, 'action.yml'), 'utf8')).toMatch(new RegExp(`using: node24\\n\\s+main: ${committedBundle}`));
  });
});
