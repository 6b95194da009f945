import type { Revocation } from '../core/revocation.js';
import type { CompiledRule, Finding } from '../core/types.js';
import { createEngine, detectKeys, type Engine } from '../detect/detect.js';
import { inputKeySource } from '../run/input-keys.js';
import { findingsToTell } from '../run/notify-step.js';
import type { ToldFinding } from '../run/notify.js';
import type { RunConfig } from '../run/config.js';
import { prepare } from '../run/prepare.js';
import { runTail } from '../run/tail.js';
import { leakPlaceOf } from './alert.js';

/**
 * The check of a batch of tokens, through the one run layer every command shares: the tokens
 * are keys handed over one a line (as `keywarden revoke --yes` takes them from stdin), so the
 * rules decide what each is (the alert's `type` is only informative), the verifier checks it,
 * and with `--revoke` the revoke step shuts the live ones down and writes the audit log.
 */

/** Where the alert's keys come from, for the run: they were never in a file of ours. */
const alertOrigin = { kind: 'input', path: '<alert>' } as const;

/** The rule id of a token that is exactly one key of a known shape; undefined otherwise (a `false_positive`). */
export function ruleOfToken(token: string, engine: Engine): string | undefined {
  if (/[\r\n]/.test(token)) return undefined;
  const matches = detectKeys(Buffer.from(token, 'utf8'), engine);
  const whole = matches.find((match) => match.key === token);
  return whole?.rule.id;
}

export function tokenEngine(rules: readonly CompiledRule[]): Engine {
  return createEngine([...rules]);
}

export interface TokenToCheck {
  /** sha256 hex of the token. */
  hash: string;
  token: string;
  /** The alert's url: the notice links there and names the repository. */
  url: string;
}

/** What checking one token came to. */
export interface TokenOutcome {
  verification: string;
  revocation?: string;
  /** The notice's finding (no raw key), with the place the alert gave. */
  told: ToldFinding;
}

async function* lines(tokens: readonly TokenToCheck[]): AsyncIterable<string> {
  for (const token of tokens) yield token.token;
}

/** The told finding with the repository, commit and path the alert's url names. */
function placed(told: ToldFinding, url: string): ToldFinding {
  const place = leakPlaceOf(url);
  if (!place) return told;
  return { ...told, repository: place.repository, ...(place.commit !== undefined ? { commit: place.commit } : {}), ...(place.path !== undefined ? { path: place.path } : {}) };
}

/**
 * Check `tokens` in one run. `onLive` hears of each key the live check calls live before any
 * revoke request for it is sent (the tail hands a finding to the revoke step and to
 * `onFinding` in the same turn, and a request goes out only after an await).
 * Tokens absent from the answer are ones the rules no longer match.
 */
export async function checkTokens(tokens: readonly TokenToCheck[], config: RunConfig, onLive: (hash: string) => void): Promise<Map<string, TokenOutcome>> {
  const prepared = await prepare(config);
  const onFinding = (finding: Finding) => {
    if (finding.verification?.status === 'live') onLive(finding.secretHash.slice('sha256:'.length));
  };
  const result = await runTail(inputKeySource(lines(tokens), alertOrigin), prepared, { keep: true, onFinding });
  const revocations = new Map<string, Revocation>((result.revocations ?? []).map((revocation) => [revocation.secretHash, revocation]));
  const urls = new Map(tokens.map((token) => [token.hash, token.url]));
  const outcomes = new Map<string, TokenOutcome>();
  const told = findingsToTell(result, prepared.rules);
  result.findings.forEach((finding, index) => {
    const hash = finding.secretHash.slice('sha256:'.length);
    const url = urls.get(hash);
    const tell = told[index];
    // A key found inside a token is not the token: only whole tokens count (ruleOfToken chose them so).
    if (url === undefined || tell === undefined || outcomes.has(hash)) return;
    const revocation = revocations.get(finding.secretHash)?.outcome;
    outcomes.set(hash, { verification: finding.verification?.status ?? 'skipped', ...(revocation !== undefined ? { revocation } : {}), told: placed(tell, url) });
  });
  return outcomes;
}
