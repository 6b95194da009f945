/**
 * `npm run bench -- logs`: a 1 GB generated application log with planted keys.
 * - `keywarden logs FILE --format json` against ripgrep searching the same key patterns;
 * - `keywarden redact < FILE` against `rg --passthru --replace` doing the same masking.
 * Measured in the same run, taking turns. Targets: both within 2× ripgrep, peak RSS ≤ 150 MB
 * for both, every planted key found (logs) and masked (redact).
 */
import { createReadStream, createWriteStream, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { seededRandom } from '../src/rules/examples.js';
import { generateKeys, keyPatterns, secretHash, type GeneratedKey } from './keys.js';
import {
  HarnessError,
  MB,
  ensureAptTool,
  ensureDir,
  ensureGnuTime,
  formatMs,
  formatRss,
  keywardenCli,
  log,
  mbPerSecond,
  measureInterleaved,
  printTable,
  readKeywardenReport,
  runsColumn,
  verdict,
  workDir,
  type Command,
} from './lib.js';

const logsDir = join(workDir, 'logs');
const logFile = join(logsDir, 'app.log');
const manifestFile = join(logsDir, 'manifest.json');
const manifestVersion = 1;
const seed = 20261127;
const targetBytes = 1_000_000_000;
const plantedCount = 48;
const timing = { runs: 3, warmups: 1 } as const;
const targets = { overRg: 2, rssMb: 150 } as const;

interface LogManifest {
  version: number;
  seed: number;
  bytes: number;
  lines: number;
  /** Hash and 1-based line of each planted key (the keys themselves are regenerated from the seed). */
  planted: { hash: string; line: number }[];
}

const levels = ['INFO', 'INFO', 'INFO', 'DEBUG', 'WARN', 'ERROR'];
const words = 'request handled user session cache miss upstream latency retry queue worker job payment order token header body ok timeout'.split(' ');

/** One ordinary log line: a timestamp, a level (sometimes coloured), a message, sometimes CRLF. */
function logLine(n: number, random: () => number): string {
  const level = levels[Math.floor(random() * levels.length)] ?? 'INFO';
  const shown = random() < 0.2 ? `\u001b[33m${level}\u001b[0m` : level;
  const message = Array.from({ length: 6 + Math.floor(random() * 14) }, () => words[Math.floor(random() * words.length)]).join(' ');
  const time = new Date(Date.UTC(2026, 10, 24, 0, 0, 0) + n * 7).toISOString();
  return `${time} ${shown} [svc-${Math.floor(random() * 16)}] ${message} id=${Math.floor(random() * 1e9).toString(16)}${random() < 0.05 ? '\r' : ''}\n`;
}

/** The ways keys turn up in logs: a header dump, an env echo, inside ANSI colour, a JSON line. */
function plantedLine(key: string, n: number): string {
  const time = new Date(Date.UTC(2026, 10, 24, 0, 0, 0) + n * 7).toISOString();
  switch (n % 4) {
    case 0:
      return `${time} DEBUG outgoing headers: {"Authorization":"Bearer ${key}","Accept":"application/json"}\n`;
    case 1:
      return `${time} INFO env: PATH=/usr/bin KEY=${key} HOME=/root\n`;
    case 2:
      return `${time} \u001b[31mERROR\u001b[0m auth failed for \u001b[1m${key}\u001b[0m\r\n`;
    default:
      return `{"ts":"${time}","level":"warn","msg":"using key","key":"${key}"}\n`;
  }
}

function readManifest(): LogManifest | undefined {
  if (!existsSync(manifestFile) || !existsSync(logFile)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as LogManifest;
    return manifest.version === manifestVersion && manifest.seed === seed && statSync(logFile).size === manifest.bytes ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Write the log once (cached under bench/.work/logs), planting keys at random lines. */
async function buildLog(keys: readonly GeneratedKey[]): Promise<LogManifest> {
  const cached = readManifest();
  if (cached) return cached;
  log(`generating a ${targetBytes / MB} MB log (once; cached in ${logsDir})`);
  ensureDir(logsDir);
  const random = seededRandom(seed);
  // Spread the keys evenly over the bytes, with jitter: key i goes in once `bytes` passes its mark.
  const marks = keys.map((_, i) => Math.floor(((i + 0.1 + 0.8 * random()) * targetBytes) / keys.length));
  const out = createWriteStream(logFile);
  const planted: LogManifest['planted'] = [];
  let bytes = 0;
  let line = 0;
  let batch = '';
  while (bytes < targetBytes) {
    line++;
    const key = planted.length < keys.length && bytes >= (marks[planted.length] ?? Infinity) ? keys[planted.length] : undefined;
    const text = key ? plantedLine(key.key, line) : logLine(line, random);
    if (key) planted.push({ hash: secretHash(key.key), line });
    batch += text;
    bytes += Buffer.byteLength(text);
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  await once(out, 'finish');
  if (planted.length !== keys.length) throw new HarnessError(`planted ${planted.length} of ${keys.length} keys: the log came out shorter than expected`);
  const manifest: LogManifest = { version: manifestVersion, seed, bytes: statSync(logFile).size, lines: line, planted };
  writeFileSync(manifestFile, `${JSON.stringify(manifest)}\n`);
  return manifest;
}

/** Run through `sh -c 'exec …'` so stdin can come from the file and GNU time sees the real process. */
function shell(label: string, script: string, okExitCodes: readonly number[], stdoutFile?: string): Command {
  return { label, file: 'sh', args: ['-c', script], okExitCodes, ...(stdoutFile ? { stdoutFile } : {}) };
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** How many planted keys are still in a file, read as a stream (the output is as big as the log). */
async function keysLeftIn(file: string, keys: readonly GeneratedKey[]): Promise<number> {
  const needles = keys.map((k) => Buffer.from(k.key));
  const left = new Set<number>();
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(file, { highWaterMark: 8 << 20 }) as AsyncIterable<Buffer>) {
    const data = Buffer.concat([carry, chunk]);
    needles.forEach((needle, i) => {
      if (data.includes(needle)) left.add(i);
    });
    carry = data.subarray(Math.max(0, data.length - 256));
  }
  return left.size;
}

export async function runLogsBenchmark(): Promise<void> {
  ensureGnuTime();
  ensureAptTool('rg', 'ripgrep');
  const keys = generateKeys(seed, plantedCount);
  const manifest = await buildLog(keys);
  const cli = keywardenCli();
  const patterns = keyPatterns.map((pattern) => `-e ${quote(pattern)}`).join(' ');
  const report = join(logsDir, 'keywarden-logs.json');
  const masked = join(logsDir, 'keywarden-redacted.log');
  const rgMasked = join(logsDir, 'rg-redacted.log');
  log(`${(manifest.bytes / MB).toFixed(0)} MB, ${manifest.lines.toLocaleString('en')} lines, ${manifest.planted.length} planted keys`);

  const searches = [
    shell('keywarden logs', `exec node ${quote(cli)} logs ${quote(logFile)} --format json --quiet`, [0, 1], report),
    shell('rg (same patterns)', `exec rg --no-config -c ${patterns} ${quote(logFile)}`, [0, 1], '/dev/null'),
  ];
  const masks = [
    shell('keywarden redact', `exec node ${quote(cli)} redact < ${quote(logFile)}`, [0], masked),
    shell('rg --passthru --replace', `exec rg --no-config --passthru ${patterns} --replace '[REDACTED]' < ${quote(logFile)}`, [0, 1], rgMasked),
  ];
  const [kwLogs, rgSearch] = await measureInterleaved(searches, timing);
  const [kwRedact, rgReplace] = await measureInterleaved(masks, timing);
  if (!kwLogs || !rgSearch || !kwRedact || !rgReplace) throw new HarnessError('missing measurements');

  const found = new Set(readKeywardenReport(report).findings.map((f) => `${f.secretHash}\0${f.line ?? 0}`));
  const foundCount = manifest.planted.filter((p) => found.has(`${p.hash}\0${p.line}`)).length;
  const left = await keysLeftIn(masked, keys);
  const sameSize = statSync(masked).size;
  rmSync(masked, { force: true });
  rmSync(rgMasked, { force: true });

  const rows = [['command', 'median', 'throughput', 'peak RSS', 'runs']];
  for (const m of [kwLogs, rgSearch, kwRedact, rgReplace]) {
    rows.push([m.label, formatMs(m.medianMs), mbPerSecond(manifest.bytes, m.medianMs), formatRss(m.peakRssKb), runsColumn(m)]);
  }
  printTable(rows);
  console.log('');
  const lines = [
    verdict('keywarden logs/rg time', kwLogs.medianMs / rgSearch.medianMs, '<=', targets.overRg),
    verdict('keywarden redact/rg --replace time', kwRedact.medianMs / rgReplace.medianMs, '<=', targets.overRg),
    verdict('keywarden logs peak RSS MB', kwLogs.peakRssKb / 1024, '<=', targets.rssMb),
    verdict('keywarden redact peak RSS MB', kwRedact.peakRssKb / 1024, '<=', targets.rssMb),
    {
      line: `${foundCount === manifest.planted.length ? 'PASS' : 'FAIL'}  planted keys found by keywarden logs, at their line = ${foundCount}/${manifest.planted.length} (target: all)`,
      pass: foundCount === manifest.planted.length,
    },
    {
      line: `${left === 0 ? 'PASS' : 'FAIL'}  planted keys left unmasked by keywarden redact = ${left}/${keys.length} (target: 0); output ${(sameSize / MB).toFixed(0)} MB`,
      pass: left === 0,
    },
  ];
  for (const { line } of lines) console.log(line);
}
