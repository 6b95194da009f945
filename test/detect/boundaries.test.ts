import { describe, expect, it } from 'vitest';
import { detectText } from '../helpers/engine.js';
import { keyFactory, ruleIds } from '../helpers/keys.js';

/**
 * SPEC §1: a key never starts inside a longer identifier and never continues into more
 * key characters. `found` is the rule expected to fire, or null for none.
 */
const keys = keyFactory(0x626f756e);
const hex = (n: number) => keys.body('hex', n);
const alnum = (n: number) => keys.body('alnum', n);

const cases: { name: string; text: string; found: string | null }[] = [
  // OpenRouter: exactly 64 lowercase hex.
  { name: 'sk-or-v1- + 64 hex', text: `k=sk-or-v1-${hex(64)}`, found: ruleIds.openrouter },
  { name: 'sk-or-v1- + 63 hex', text: `k=sk-or-v1-${hex(63)}`, found: null },
  { name: 'sk-or-v1- + 65 hex', text: `k=sk-or-v1-${hex(65)}`, found: null },
  { name: 'sk-or-v1- + 64 hex + a letter', text: `k=sk-or-v1-${hex(64)}z`, found: null },
  { name: 'sk-or-v1- + 64 upper-case hex', text: `k=sk-or-v1-${hex(64).toUpperCase()}`, found: null },
  { name: 'sk-or-v2- + 64 hex', text: `k=sk-or-v2-${hex(64)}`, found: null },
  { name: 'SK-OR-V1- + 64 hex', text: `k=SK-OR-V1-${hex(64)}`, found: null },
  { name: 'openrouter key after a letter', text: `tasksk-or-v1-${hex(64)}`, found: null },
  { name: 'openrouter key after a digit', text: `1sk-or-v1-${hex(64)}`, found: null },
  { name: 'openrouter key after _', text: `_sk-or-v1-${hex(64)}`, found: null },
  { name: 'openrouter key after -', text: `x-sk-or-v1-${hex(64)}`, found: null },
  { name: 'openrouter key at the start of the text', text: `sk-or-v1-${hex(64)}`, found: ruleIds.openrouter },
  { name: 'openrouter key after /', text: `/keys/sk-or-v1-${hex(64)}`, found: ruleIds.openrouter },
  { name: 'openrouter key followed by .', text: `sk-or-v1-${hex(64)}.`, found: ruleIds.openrouter },
  { name: 'openrouter key followed by "', text: `"sk-or-v1-${hex(64)}"`, found: ruleIds.openrouter },

  // AgentRouter: 16–128 alphanumerics.
  { name: 'sk-ar- + 15', text: `k=sk-ar-${alnum(15)}`, found: null },
  { name: 'sk-ar- + 16', text: `k=sk-ar-${alnum(16)}`, found: ruleIds.agentrouter },
  { name: 'sk-ar- + 128', text: `k=sk-ar-${alnum(128)}`, found: ruleIds.agentrouter },
  { name: 'sk-ar- + 129', text: `k=sk-ar-${alnum(129)}`, found: null },
  { name: 'sk-ar- + 300', text: `k=sk-ar-${alnum(300)}`, found: null },
  { name: 'agentrouter key inside task-ar-', text: `task-ar-${alnum(32)}`, found: null },
  { name: 'agentrouter key after a letter', text: `xsk-ar-${alnum(32)}`, found: null },
  { name: 'agentrouter key after -', text: `x-sk-ar-${alnum(32)}`, found: null },
  { name: 'agentrouter key followed by -', text: `sk-ar-${alnum(32)}-suffix`, found: ruleIds.agentrouter },

  // TokenRouter: 24–128 alphanumerics, live and test.
  { name: 'tr_live_ + 23', text: `k=tr_live_${alnum(23)}`, found: null },
  { name: 'tr_live_ + 24', text: `k=tr_live_${alnum(24)}`, found: ruleIds.tokenrouterLive },
  { name: 'tr_live_ + 128', text: `k=tr_live_${alnum(128)}`, found: ruleIds.tokenrouterLive },
  { name: 'tr_live_ + 129', text: `k=tr_live_${alnum(129)}`, found: null },
  { name: 'tr_test_ + 23', text: `k=tr_test_${alnum(23)}`, found: null },
  { name: 'tr_test_ + 24', text: `k=tr_test_${alnum(24)}`, found: ruleIds.tokenrouterTest },
  { name: 'tr_test_ + 128', text: `k=tr_test_${alnum(128)}`, found: ruleIds.tokenrouterTest },
  { name: 'tr_test_ + 129', text: `k=tr_test_${alnum(129)}`, found: null },
  { name: 'septr_live_ (inside a word)', text: `septr_live_${alnum(32)}`, found: null },
  { name: 'wtr_live_', text: `wtr_live_${alnum(32)}`, found: null },
  { name: 'attr_test_', text: `attr_test_${alnum(32)}`, found: null },
  { name: '_tr_live_', text: `_tr_live_${alnum(32)}`, found: null },
  { name: '9tr_test_', text: `9tr_test_${alnum(32)}`, found: null },
  { name: 'tr_live_ glued to more text with _', text: `tr_live_${alnum(32)}_x`, found: ruleIds.tokenrouterLive },
  { name: 'tr_live_ in a URL path, not a key', text: `https://example.com/api/tr_live_prices/${alnum(32)}`, found: null },
  { name: 'TR_LIVE_ upper case', text: `TR_LIVE_${alnum(32)}`, found: null },
];

describe('key boundaries', () => {
  it.each(cases)('$name → $found', ({ text, found }) => {
    expect(detectText(text).map((m) => m.rule.id)).toEqual(found === null ? [] : [found]);
  });

  it('the whole key and nothing else is reported', () => {
    for (const { text, found } of cases) {
      if (found === null) continue;
      const [match] = detectText(text);
      expect(text.slice((match?.column ?? 0) - 1, (match?.endColumn ?? 0) - 1)).toBe(match?.key);
      expect(match?.key).toMatch(/^(sk-or-v1-|sk-ar-|tr_live_|tr_test_)[A-Za-z0-9]+$/);
    }
  });
});
