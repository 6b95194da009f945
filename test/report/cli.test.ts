import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { keyFactory } from '../helpers/keys.js';
import { openRouterLike, startStandIn } from '../helpers/providers.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';

/**
 * One pass through the real CLI, to see the reporters get what the verifier gives them.
 * The CLI's own verification behaviour is tested elsewhere; this checks only the report.
 */
cleanTmpDirs();
const keys = keyFactory(0x636c6972);

describe('a verified scan, as people read it', () => {
  it('shows the management key first, critical and live, the dead key last, and counts both', async () => {
    const dead = keys.openrouter();
    const management = keys.openrouter();
    const provider = await startStandIn(openRouterLike({ management: [management] }));
    const root = writeTree(makeTmpDir('report-cli'), { '.env': `A=${dead}\nB=${management}\n` });
    const run = await runCli(['scan', '.', '--verify'], { cwd: root, env: { OPENROUTER_BASE_URL: `${provider.origin}/api/v1` } });
    const blocks = run.stdout.split('\n\n');
    expect(blocks[0]).toMatch(/^\.env:2:3 {2}LIVE {2}OpenRouter API key {2}critical {2}/);
    expect(blocks[0]).toContain('critical: management key');
    expect(blocks[1]).toMatch(/^\.env:1:3 {2}INVALID {2}/);
    expect(blocks.at(-1)).toMatch(/^✖ 2 leaked keys \(1 live, 1 invalid\) in 1 file/);
    expect(run.stdout).not.toContain(management);
    expect(run.code).toBe(1);
  });
});
