import { describe, expect, it } from 'vitest';
import { formats, render } from '../../src/report/index.js';
import { keyFactory } from '../helpers/keys.js';
import { builtinRules, contextOf, findingOf, resultOf } from './findings.js';

/**
 * Without `--verify` no finding has a verification, and every report must read exactly as
 * it did before verification existed: scripts and code scanning depend on it. The snapshots
 * were taken from the reporters before they learnt about verification.
 */
const keys = keyFactory(0x756e7666);
/** html came after verification, with tests of its own (html.test.ts): a page's every byte is no contract. */
const textFormats = formats.filter((format) => format !== 'html');
const history = { kind: 'history', path: 'config/old.env', commit: 'a'.repeat(40), author: 'Ada', email: 'ada@example.com', date: '2021-01-01T00:00:00Z' } as const;
const result = resultOf([
  findingOf(keys.openrouter()),
  findingOf(keys.agentrouter(), { origin: history, line: 1, column: 5 }),
  findingOf(keys.tokenrouterTest(), { origin: { kind: 'file', path: 'src/client.ts' }, line: 9, column: 1 }),
]);

describe('reports without verification are unchanged', () => {
  it.each(textFormats)('%s', (format) => {
    expect(render(format, result, contextOf({ suppressed: 1 }), builtinRules())).toMatchSnapshot();
  });

  it('human, in colour', () => {
    expect(render('human', result, contextOf(), builtinRules(), true)).toMatchSnapshot();
  });

  it.each(textFormats)('%s with no findings', (format) => {
    expect(render(format, resultOf([]), contextOf(), builtinRules())).toMatchSnapshot();
  });
});
