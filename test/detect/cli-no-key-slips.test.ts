import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/core/secret.js';
import { runCli } from '../helpers/cli.js';
import { base64, keyFactory, prefixes } from '../helpers/keys.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';

/**
 * Issue 11 ("no key slips past"), items 2, 3, 6 and 7, through the built CLI: `scan` reports
 * what the detector finds, where it is written, and `redact` masks it.
 */
cleanTmpDirs();

const keys = keyFactory(0x736c6970);
const or = keys.openrouter();
const ar = keys.agentrouter(40);
const live = keys.tokenrouterLive(32);

interface ReportFinding {
  ruleId: string;
  secretHash: string;
  redacted: string;
  path: string;
  line: number;
  column: number;
  endColumn: number;
  encoding?: string;
}

async function scan(files: Record<string, string>): Promise<ReportFinding[]> {
  const root = writeTree(makeTmpDir('slips'), files);
  const run = await runCli(['scan', '.', '--format', 'json'], { cwd: root });
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as { findings: ReportFinding[] }).findings;
}

async function redactText(input: string): Promise<string> {
  const run = await runCli(['redact'], { cwd: makeTmpDir('slips'), input });
  expect(run.code).toBe(0);
  return run.stdout;
}

const hashOf = (key: string) => `sha256:${createHash('sha256').update(key).digest('hex')}`;
const mask = (key: string, prefix: string) => redact(key, prefix);

describe('item 2: escapes inside a key', () => {
  const json = `{"openrouter": "${or.replace(/-/g, '\\u002d')}"}\n`;
  const coloured = `app.log:7:key=\x1b[01;31m\x1b[K${ar.slice(0, 9)}\x1b[m\x1b[K${ar.slice(9)}\n`;

  it('scan reports the decoded key where its first byte is written', async () => {
    const findings = await scan({ 'config.json': json, 'grep.out': coloured });
    expect(findings.map((f) => ({ path: f.path, secretHash: f.secretHash, redacted: f.redacted, line: f.line, column: f.column, endColumn: f.endColumn }))).toEqual([
      // Three - written as \u002d (6 bytes for 1); the grep colours' end (ESC[mESC[K, 6 bytes) inside the key.
      { path: 'config.json', secretHash: hashOf(or), redacted: mask(or, prefixes.openrouter), line: 1, column: json.indexOf('sk') + 1, endColumn: json.indexOf('sk') + 1 + or.length + 3 * 5 },
      { path: 'grep.out', secretHash: hashOf(ar), redacted: mask(ar, prefixes.agentrouter), line: 1, column: coloured.indexOf('sk') + 1, endColumn: coloured.indexOf('sk') + 1 + ar.length + 6 },
    ]);
  });

  it('redact masks it whole, escapes included', async () => {
    expect(await redactText(json + coloured)).toBe(
      `{"openrouter": "${mask(or, prefixes.openrouter)}"}\napp.log:7:key=\x1b[01;31m\x1b[K${mask(ar, prefixes.agentrouter)}\n`,
    );
  });
});

describe('item 3: line-wrapped base64', () => {
  const env = `# deployment settings, encoded for the secret store\nOPENROUTER_API_KEY=${or}\nLOG_LEVEL=debug\n`;
  const encoded = base64(env);
  const wrapped = `${encoded.match(/.{1,76}/g)?.join('\n')}\n`;
  const keyAt = env.indexOf(or);
  const first = Math.floor((keyAt * 4) / 3);

  it('scan joins the lines and reports the line where the encoded key starts', async () => {
    expect(Math.floor(first / 76)).not.toBe(Math.floor((Math.ceil(((keyAt + or.length) * 4) / 3) - 1) / 76));
    const findings = await scan({ 'secrets.env.b64': wrapped });
    expect(findings.map((f) => [f.secretHash, f.encoding, f.line, f.column])).toEqual([[hashOf(or), 'base64', Math.floor(first / 76) + 1, (first % 76) + 1]]);
  });

  it('redact replaces the encoded key and keeps the lines', async () => {
    const out = await redactText(wrapped);
    expect(out.split('\n')).toHaveLength(wrapped.split('\n').length);
    expect(out).toContain(`[base64:${mask(or, prefixes.openrouter)}]`);
    expect(Buffer.from(out.replace(/\[base64:[^\]]*\]/, '').replace(/\n/g, ''), 'base64').toString('latin1')).not.toContain(or.slice(20, 40));
  });
});

describe('item 6: random keys are judged by their odds, identifiers by their words', () => {
  it('scan reports a key whose body spells a word and not identifiers made of words', async () => {
    const unlucky = `${prefixes.tokenrouterLive}${keys.body('alnum', 12)}here${keys.body('alnum', 16)}`;
    const findings = await scan({
      'a.env': `TOKEN=${unlucky}\n`,
      'b.ts': 'const tables = [tr_live_PaymentProcessorConfigurationTable, tr_test_ShouldRejectExpiredSubscriptions, sk-ar-ModelConfigurationDefaults];\n', // keywarden:allow: word identifiers, not keys
    });
    expect(findings.map((f) => [f.path, f.secretHash])).toEqual([['a.env', hashOf(unlucky)]]);
  });
});

describe('item 7: redact masks keys glued to other characters', () => {
  it('x<key>, <key>g, _<key>: masked by redact, not reported by scan', async () => {
    const text = `id=x${ar}\n${or}g\nq=_${live}\n`;
    expect(await redactText(text)).toBe(`id=x${mask(ar, prefixes.agentrouter)}\n${mask(or, prefixes.openrouter)}g\nq=_${mask(live, prefixes.tokenrouterLive)}\n`);
    expect(await scan({ 'glued.txt': text })).toEqual([]);
  });
});
