import { describe, expect, it } from 'vitest';
import { Secret } from '../../src/core/secret.js';
import { runCli } from '../helpers/cli.js';
import { base64, keyFactory, prefixes } from '../helpers/keys.js';
import { openRouterKeyInfo, startStandIn } from '../helpers/providers.js';
import { cleanTmpDirs, makeTmpDir, writeTree } from '../helpers/tmp.js';

/**
 * A provider's answer is printed (`verification.detail`), and a provider may echo the key it
 * was asked about in another shape: upper-cased, without its prefix, base64-encoded. Each
 * shape is scrubbed wherever the verifier keeps the detail, so no format prints it.
 */
cleanTmpDirs();
const keys = keyFactory(0x6563686f);

const body = (key: string) => key.slice(prefixes.openrouter.length);
const base64url = (text: string) => base64(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** The shapes, each with the part of it that must not be printed (the characters only the key decides). */
const shapes: { name: string; echo: (key: string) => string; telltale: (key: string) => string }[] = [
  { name: 'upper-cased', echo: (key) => key.toUpperCase(), telltale: (key) => body(key).slice(4, -4).toUpperCase() },
  { name: 'without its prefix', echo: (key) => body(key), telltale: (key) => body(key).slice(4, -4) },
  { name: 'without its prefix, upper-cased', echo: (key) => `id ${body(key).toUpperCase()}`, telltale: (key) => body(key).slice(4, -4).toUpperCase() },
  { name: 'base64', echo: (key) => base64(key), telltale: (key) => base64(key).slice(8, -8) },
  { name: 'base64 of a Basic credential (another alignment)', echo: (key) => `Basic ${base64(`u:${key}`)}`, telltale: (key) => base64(`u:${key}`).slice(8, -8) },
  { name: 'base64 of a Bearer header (the third alignment)', echo: (key) => base64(`Bearer ${key}`), telltale: (key) => base64(`Bearer ${key}`).slice(12, -8) },
  { name: 'base64 of the key without its prefix', echo: (key) => base64(body(key)), telltale: (key) => base64(body(key)).slice(8, -8) },
  { name: 'base64url', echo: (key) => base64url(`??${key}`), telltale: (key) => base64url(`??${key}`).slice(8, -8) },
];

describe('Secret.maskIn: every shape of the key, and nothing else', () => {
  it.each(shapes)('$name', ({ echo, telltale }) => {
    const key = keys.openrouter();
    const secret = new Secret(key, prefixes.openrouter);
    const masked = secret.maskIn(`label: ${echo(key)} (ok)`);
    expect(masked).not.toContain(telltale(key));
    expect(masked).toContain(secret.redacted);
    expect(masked.startsWith('label: ')).toBe(true);
    expect(masked.endsWith(' (ok)')).toBe(true);
  });

  it('leaves text without the key as it is, and a key known only by its redacted form changes nothing', () => {
    const key = keys.openrouter();
    const text = `usage 12.5 of ${keys.openrouter()} ${base64(keys.openrouter())}`;
    expect(new Secret(key, prefixes.openrouter).maskIn(text)).toBe(text);
    expect(Secret.fromRedacted(new Secret(key, prefixes.openrouter).redacted).maskIn(text)).toBe(text);
  });
});

describe('a key the provider echoes in another shape is printed by no format', () => {
  it.each(['human', 'json', 'jsonl', 'sarif', 'markdown'])('--format %s', async (format) => {
    const key = keys.openrouter();
    const echoed = shapes.map((shape) => shape.echo(key)).join(' ');
    const provider = await startStandIn(() => ({ status: 200, body: openRouterKeyInfo(key, { label: echoed, expires_at: echoed }) }));
    const root = writeTree(makeTmpDir('echo'), { 'app.env': `OPENROUTER_API_KEY=${key}\n` });
    const run = await runCli(['scan', '.', '--verify', '--format', format], { cwd: root, env: { OPENROUTER_BASE_URL: `${provider.origin}/api/v1` } });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.code, output).toBe(1);
    expect(output).toMatch(/live|LIVE/);
    for (const shape of shapes) expect(output, shape.name).not.toContain(shape.telltale(key));
    expect(output.toLowerCase()).not.toContain(body(key).slice(4, -4));
  });
});
