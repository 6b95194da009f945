import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hotCodeFlag } from '../../src/cli/jit.js';

describe('optimizeOnlyHotCode', () => {
  // V8 reports a flag it does not know on stderr ("Error: unrecognized flag"), in the middle of a
  // run's output: the flag `history` and `logs` set must exist in the V8 this node carries.
  it('sets a flag this V8 knows, silently', () => {
    const name = hotCodeFlag.split('=')[0] ?? '';
    expect(execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' })).toContain(`\n  ${name} (`);
    const setting = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(hotCodeFlag)})`], { encoding: 'utf8' });
    expect({ status: setting.status, stdout: setting.stdout, stderr: setting.stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
    const unknown = spawnSync(process.execPath, ['-e', "require('node:v8').setFlagsFromString('--no-such-flag-here')"], { encoding: 'utf8' });
    expect(unknown.stderr).toContain('unrecognized flag');
  });
});
