import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Node options that make opening any file whose path ends with `suffix` fail with EACCES, as
 * a chmod 000 file does for anyone but root: the tests run as root, whom permissions do not
 * stop. The preload patches `fs.openSync` (worker threads inherit it) and syncs the ES module
 * view of `node:fs`, which the CLI imports. Pass to `runCli` as `nodeOptions`.
 */
export function unreadableFiles(dir: string, suffix: string): string[] {
  const preload = join(dir, 'unreadable.cjs');
  writeFileSync(
    preload,
    [
      "const fs = require('node:fs');",
      'const open = fs.openSync;',
      `fs.openSync = (path, ...rest) => { if (String(path).endsWith(${JSON.stringify(suffix)})) { const e = new Error('EACCES: permission denied'); e.code = 'EACCES'; throw e; } return open(path, ...rest); };`,
      "require('node:module').syncBuiltinESMExports();",
      '',
    ].join('\n'),
  );
  return ['--require', preload];
}
