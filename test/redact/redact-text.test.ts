import { describe, expect, it } from 'vitest';
import { redact } from '../../src/core/secret.js';
import { redactKeys } from '../../src/detect/redact-text.js';
import { builtin } from '../helpers/engine.js';
import { base64, keyFactory, prefixes } from '../helpers/keys.js';

/**
 * The one redaction of text that is printed but not scanned (paths, authors, branch names,
 * error messages): stricter than a scan, since a key printed there leaks whether or not it
 * would be a finding.
 */
const keys = keyFactory(0x72656474);
const { engine } = builtin();

describe('redactKeys masks every key in a message', () => {
  const key = keys.openrouter();
  const agent = keys.agentrouter();
  const token = keys.tokenrouterLive();
  const masked = redact(key, prefixes.openrouter);
  it.each([
    { name: 'a key on its own', text: key, expected: masked },
    { name: 'a key in a path', text: `keys/${key}/app.env`, expected: `keys/${masked}/app.env` },
    { name: 'a key glued to a word with -', text: `backup-${key}.env`, expected: `backup-${masked}.env` },
    { name: 'a key glued to a word with _', text: `old_${key}`, expected: `old_${masked}` },
    { name: 'a key glued to letters', text: `nope${key}..HEAD`, expected: `nope${masked}..HEAD` },
    { name: 'an AgentRouter key glued to a flag', text: `--x-${agent}`, expected: `--x-${redact(agent, prefixes.agentrouter)}` },
    { name: 'a TokenRouter key glued to a word', text: `branch-${token}`, expected: `branch-${redact(token, prefixes.tokenrouterLive)}` },
    { name: 'a key beside keywarden:allow', text: `keywarden:allow ${key}`, expected: `keywarden:allow ${masked}` },
    { name: 'a key in base64 text', text: `blob ${base64(`K=${key}`)} end`, expected: undefined },
    { name: 'a key followed by more key characters', text: `${key}0`, expected: redact(`${key}0`, prefixes.openrouter) },
    { name: 'two keys glued together', text: `${key}${agent}`, expected: undefined },
  ])('$name', ({ text, expected }) => {
    const seen: string[] = [];
    const out = redactKeys(text, engine, (found) => seen.push(found));
    if (expected !== undefined) expect(out).toBe(expected);
    for (const [raw, prefix] of [[key, prefixes.openrouter], [agent, prefixes.agentrouter], [token, prefixes.tokenrouterLive]] as const) {
      expect(out).not.toContain(raw.slice(prefix.length + 4, -4));
    }
    expect(seen.length).toBeGreaterThan(0);
  });

  it.each([
    { name: 'no key', text: 'src/app.env: not scanned: EACCES' },
    { name: 'a placeholder', text: 'OPENROUTER_API_KEY=sk-or-v1-your_key_here' },
    { name: 'a redacted key', text: `already ${masked}` },
    { name: 'a prefix alone', text: 'docs/sk-or-v1-/README.md' },
  ])('leaves $name as it is', ({ text }) => {
    expect(redactKeys(text, engine)).toBe(text);
  });
});
