import { describe, expect, it } from 'vitest';
import { detectText, positionAt, positionOf } from '../helpers/engine.js';
import { base64, keyFactory, ruleIds } from '../helpers/keys.js';

/**
 * SPEC §1: keys are found wherever they sit in text. Each case builds a realistic file
 * around generated keys; the expected place is computed from the text itself.
 */
const keys = keyFactory(0x636f6e74);
const or = keys.openrouter();
const ar = keys.agentrouter(48);
const live = keys.tokenrouterLive(40);
const test = keys.tokenrouterTest(32);
const ruleOf = (key: string) =>
  key.startsWith('sk-or-v1-') ? ruleIds.openrouter : key.startsWith('sk-ar-') ? ruleIds.agentrouter : key.startsWith('tr_live_') ? ruleIds.tokenrouterLive : ruleIds.tokenrouterTest;

interface Case {
  name: string;
  text: string;
  /** Keys expected, in order; each is found at its own (first unclaimed) place in the text. */
  keys: string[];
}

const plainCases: Case[] = [
  { name: '.env', text: `# LLM routers\nOPENROUTER_API_KEY=${or}\nAGENTROUTER_API_KEY="${ar}"\nTOKENROUTER_API_KEY='${live}'\n`, keys: [or, ar, live] },
  { name: '.env with export and spaces', text: `export OPENROUTER_API_KEY = ${or}\n`, keys: [or] },
  { name: '.env with CRLF line ends', text: `A=1\r\nOPENROUTER_API_KEY=${or}\r\nTOKENROUTER_TEST_KEY=${test}\r\n`, keys: [or, test] },
  { name: 'a lone CR line end', text: `OPENROUTER_API_KEY=${or}\r`, keys: [or] },
  {
    name: 'JSON',
    text: `{\n  "openrouter": { "apiKey": "${or}", "baseURL": "https://openrouter.ai/api/v1" },\n  "agentrouter": {"key":"${ar}"}\n}\n`,
    keys: [or, ar],
  },
  { name: 'JSON with an escaped newline right before the key', text: `{"text": "key:\\n${or}\\n"}`, keys: [or] },
  { name: 'JSON with an escaped tab before and after', text: `{"t": "\\t${live}\\t"}`, keys: [live] },
  { name: 'JSON with \\u003d before the key', text: `{"url": "https://x.test/?key\\u003d${ar}"}`, keys: [ar] },
  { name: 'JSON with escaped quotes around the key', text: `{"cmd": "curl -H \\"Authorization: Bearer ${ar}\\" $AGENTROUTER_BASE_URL/models"}`, keys: [ar] },
  {
    name: 'a JSON string holding JSON (doubly escaped newline before the key)',
    text: JSON.stringify({ body: JSON.stringify({ text: `key:\n${or}` }) }),
    keys: [or],
  },
  {
    name: 'YAML',
    text: `openrouter:\n  api_key: ${or}\nagentrouter: { api_key: "${ar}" }\ntokenrouter:\n  keys:\n    - '${live}'\n  test: |\n    ${test}\n`,
    keys: [or, ar, live, test],
  },
  {
    name: 'TypeScript source',
    text: `import OpenAI from "openai";\n\nconst client = new OpenAI({ apiKey: "${or}" });\nconst header = \`Bearer ${ar}\`;\n`,
    keys: [or, ar],
  },
  { name: 'Python source', text: `client = AgentRouter(api_key="${ar}")\ntoken = f"{'${live}'}"\n`, keys: [ar, live] },
  { name: 'shell with curl', text: `curl -H "Authorization: Bearer ${or}" https://openrouter.ai/api/v1/key`, keys: [or] },
  {
    name: 'a Jupyter notebook',
    text: [
      '{',
      ' "cells": [',
      '  {',
      '   "cell_type": "code",',
      '   "source": [',
      '    "import os\\n",',
      `    "os.environ[\\"OPENROUTER_API_KEY\\"] = \\"${or}\\"\\n",`,
      `    "client = Router(key=\\"${live}\\")"`,
      '   ],',
      `   "outputs": [{"name": "stdout", "text": ["using key:\\n${ar}\\n"]}]`,
      '  }',
      ' ]',
      '}',
    ].join('\n'),
    keys: [or, live, ar],
  },
  { name: 'a URL query string', text: `https://proxy.example.com/v1/chat?api_key=${or}&model=auto`, keys: [or] },
  { name: 'a URL-encoded query string (%3D before, %26 after)', text: `GET /v1/chat?api_key%3D${or}%26model HTTP/1.1`, keys: [or] },
  { name: 'a URL-encoded Bearer header (%20)', text: `Authorization:Bearer%20${ar}`, keys: [ar] },
  { name: 'a URL path segment', text: `https://api.example.com/hook/${live}/run`, keys: [live] },
  { name: 'a token in a URL query', text: `https://api.example.com/hook?token=${live}`, keys: [live] },
  { name: 'Markdown inline code', text: `Set \`${or}\` as your key.`, keys: [or] },
  { name: 'an HTML attribute', text: `<input value=&quot;${ar}&quot;>`, keys: [ar] },
  { name: 'a non-breaking space before the key', text: `key:\u00a0${live}`, keys: [live] },
  {
    name: 'a log line with ANSI colours around the key',
    text: `2026-11-24T10:00:00Z DEBUG headers: Authorization=\x1b[1;31m${or}\x1b[0m`,
    keys: [or],
  },
  { name: 'a log line with 256-colour ANSI codes', text: `\x1b[38;5;196m${ar}\x1b[0m \x1b[33mWARN\x1b[0m`, keys: [ar] },
  { name: 'two keys on one line', text: `${or} ${or}`, keys: [or, or] },
  { name: 'keys of every provider side by side', text: `${or},${ar};${live}|${test}`, keys: [or, ar, live, test] },
];

function expectFound(text: string, expected: string[]): void {
  const found = detectText(text);
  let from = 0;
  const want = expected.map((key) => {
    const at = text.indexOf(key, from);
    from = at + key.length;
    return { ruleId: ruleOf(key), key, ...positionAt(text, at, key.length) };
  });
  expect(found.map((m) => ({ ruleId: m.rule.id, key: m.key, line: m.line, column: m.column, endColumn: m.endColumn }))).toEqual(want);
  for (const m of found) expect(m.encoding).toBeUndefined();
}

describe('keys in plain text are found where they are', () => {
  it.each(plainCases)('$name', ({ text, keys: expected }) => {
    expectFound(text, expected);
  });

  it('the shortest and longest AgentRouter and TokenRouter keys', () => {
    const shortest = [keys.agentrouter(16), keys.tokenrouterLive(24), keys.tokenrouterTest(24)];
    const longest = [keys.agentrouter(128), keys.tokenrouterLive(128), keys.tokenrouterTest(128)];
    const all = [...shortest, ...longest];
    expectFound(all.map((key, i) => `k${i}=${key}`).join('\n'), all);
  });

  it('a minified single-line file of 2 MB with a key near the end: the column is exact', () => {
    const unit = 'function a(b){return b+1};var c={d:"e",f:[1,2,3]};';
    const filler = unit.repeat(Math.ceil((2 * 1024 * 1024) / unit.length));
    const text = `${filler}var k="${or}";${filler.slice(0, 200)}`;
    expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
    const found = detectText(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ key: or, line: 1, column: filler.length + 8, endColumn: filler.length + 8 + or.length });
  });
});

describe('base64-encoded keys are found and reported at the encoded text', () => {
  it('a Kubernetes Secret: each value at its own file line, with the column of the encoded text', () => {
    const values = { openrouter: base64(or), agentrouter: base64(ar), tokenrouter: base64(live), 'tokenrouter-test': base64(test) };
    const text = [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: llm-router-keys',
      'type: Opaque',
      'data:',
      ...Object.entries(values).map(([name, value]) => `  ${name}: ${value}`),
      '',
    ].join('\n');
    const found = detectText(text);
    expect(found.map((m) => ({ ruleId: m.rule.id, key: m.key, encoding: m.encoding, line: m.line, column: m.column, endColumn: m.endColumn }))).toEqual(
      [or, ar, live, test].map((key) => ({ ruleId: ruleOf(key), key, encoding: 'base64', ...positionOf(text, base64(key)) })),
    );
  });

  it.each([0, 1, 2, 3, 4, 5])('a whole .env encoded, the key at byte %i mod 3 of the text before it', (pad) => {
    const env = `${'#'.repeat(pad)}\nDEBUG=1\nOPENROUTER_API_KEY=${or}\nOTHER=x\n`;
    const blob = base64(env);
    const text = `kind: Secret\ndata:\n  .env: ${blob}\n`;
    const found = detectText(text);
    expect(found.map((m) => ({ key: m.key, encoding: m.encoding, ...pick(m) }))).toEqual([
      { key: or, encoding: 'base64', ...positionOf(text, blob) },
    ]);
  });

  it('an encoded .env holding keys of two providers reports both', () => {
    const blob = base64(`A=${ar}\nB=${live}\n`);
    const found = detectText(`secret: ${blob}`);
    expect(found.map((m) => m.key).sort()).toEqual([ar, live].sort());
    for (const m of found) expect(pick(m)).toEqual(positionOf(`secret: ${blob}`, blob));
  });

  it.each([
    { name: 'base64url', encode: (key: string) => Buffer.from(key).toString('base64url') },
    { name: 'base64 without padding, in JSON', encode: (key: string) => base64(key).replace(/=+$/, '') },
  ])('$name', ({ encode }) => {
    for (const key of [or, ar, live]) {
      const text = `{"data":"${encode(key)}"}`;
      const found = detectText(text);
      expect(found.map((m) => m.key)).toEqual([key]);
      expect(found[0]?.column).toBe(10);
    }
  });

  it('an encoded placeholder is not a finding', () => {
    expect(detectText(`  key: ${base64('sk-or-v1-your_key_here')}`)).toEqual([]);
    expect(detectText(`  key: ${base64(`sk-ar-${'0'.repeat(40)}`)}`)).toEqual([]);
  });
});

function pick(m: { line: number; column: number; endColumn: number }) {
  return { line: m.line, column: m.column, endColumn: m.endColumn };
}
