/**
 * An organisation audit on a real terminal (a pseudo-terminal made by util-linux `script`):
 * the audit draws its one progress line, and the live checks, which run while it scans, do not
 * draw a second "checking keys" bar over the same line.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cliPath, loopbackOnly, withoutCaBundle } from '../helpers/cli.js';
import { startGitHubApi } from '../helpers/github-api.js';
import { TestRepo } from '../helpers/history-repos.js';
import { keyFactory } from '../helpers/keys.js';
import { openRouterLike, startStandIn } from '../helpers/providers.js';
import { makeTmpDir } from '../helpers/tmp.js';

const keys = keyFactory(0x74747921);
const quoted = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** Run a command line on a pseudo-terminal; everything it drew, as the terminal got it. */
function onTerminal(words: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; screen: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-q', '-e', '-c', words.map(quoted).join(' '), '/dev/null'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let screen = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (screen += text));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, screen }));
  });
}

describe('keywarden audit --org on a terminal', () => {
  it('draws the audit\'s progress, and no "checking keys" bar over it while keys are checked', async () => {
    const api = await startGitHubApi();
    const key = keys.openrouter();
    const repo = TestRepo.init(makeTmpDir('tty-one'));
    repo.commit({ 'app.env': `KEY=${key}\n` }, 'key');
    api.seedRepositories([{ fullName: 'acme/one', cloneUrl: repo.dir }]);
    const provider = await startStandIn(openRouterLike({ live: [key] }));
    const env = { ...withoutCaBundle(process.env), ...loopbackOnly, GITHUB_API_URL: api.apiUrl, GITHUB_TOKEN: api.token, OPENROUTER_BASE_URL: `${provider.origin}/api/v1`, NO_COLOR: '1' };
    const run = await onTerminal([process.execPath, cliPath, 'audit', '--org', 'acme', '--cache', makeTmpDir('tty-cache')], env);
    expect(run.code).toBe(1);
    expect(provider.requestsFor(key)).toHaveLength(1);
    expect(run.screen).toMatch(/audit.*acme\/one/);
    expect(run.screen).not.toContain('checking keys');
    expect(run.screen).not.toContain(key);
  });
});
