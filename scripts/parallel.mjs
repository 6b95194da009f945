#!/usr/bin/env node
/**
 * Run npm scripts at the same time and fail when any of them fails:
 *
 *   node scripts/parallel.mjs typecheck lint
 *
 * typecheck and lint are each one single-threaded process of ~10 s, so side by side they take
 * the time of the longer one on a 2-core machine. Each script's output is held back and printed
 * whole when it ends, so the two never interleave.
 */
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) {
  process.stderr.write('usage: node scripts/parallel.mjs SCRIPT..\n');
  process.exit(2);
}

// Inside `npm run`, npm_execpath is npm's own CLI: run it with this node, no shell, on any OS.
const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];

function run(name) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(npm[0], [...npm.slice(1), 'run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (part) => output.push(part));
    child.stderr.on('data', (part) => output.push(part));
    let finished = false;
    const finish = (code, error) => {
      if (finished) return;
      finished = true;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const text = Buffer.concat(output).toString('utf8');
      const verdict = code === 0 ? 'ok' : `FAILED (${error ? error.message : `exit ${code}`})`;
      process.stdout.write(`${text}${text && !text.endsWith('\n') ? '\n' : ''}> ${name}: ${verdict} in ${seconds} s\n`);
      resolve(code === 0);
    };
    child.on('error', (error) => finish(null, error));
    child.on('close', (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

const results = await Promise.all(names.map(run));
process.exitCode = results.every(Boolean) ? 0 : 1;
