import type { Revocation, RevokeOutcome } from '../core/revocation.js';
import { colors } from './colors.js';
import { cell } from './markdown.js';
import { printable } from './model.js';

/**
 * `keywarden revoke`'s report (SPEC §5.1), and the revoke step's lines after a scan: a table
 * for people, one JSON object for machines. Pure. The account key's name and label come from
 * the provider (the owner chose the name): printed only through `printable`.
 */

export interface RevocationReportContext {
  toolVersion: string;
  /** No `--yes`: the table is a plan. */
  dryRun: boolean;
  /** Why the exit code is what it is, when the outcomes alone do not say. */
  why?: string;
  durationMs: number;
}

/** Outcomes that occur, most urgent first (those that leave a key working lead). */
const urgency: readonly RevokeOutcome[] = ['failed', 'ambiguous', 'not-found', 'unknown', 'unsupported', 'would-revoke', 'revoked', 'already-revoked'];

export function countByOutcome(revocations: readonly Revocation[]): Partial<Record<RevokeOutcome, number>> {
  const counts = new Map<RevokeOutcome, number>();
  for (const revocation of revocations) counts.set(revocation.outcome, (counts.get(revocation.outcome) ?? 0) + 1);
  return Object.fromEntries(urgency.filter((outcome) => counts.has(outcome)).map((outcome) => [outcome, counts.get(outcome)]));
}

/** SPEC §5.1's json shape. */
export function renderRevocationsJson(revocations: readonly Revocation[], context: RevocationReportContext): string {
  const report = {
    version: 1,
    tool: { name: 'keywarden', version: context.toolVersion },
    dryRun: context.dryRun,
    revocations: revocations.map(({ secretHash, redacted, provider, ruleId, outcome, action, target, reason, at }) => ({
      secretHash,
      redacted,
      provider,
      ruleId,
      outcome,
      action,
      ...(target ? { target } : {}),
      ...(reason !== undefined ? { reason } : {}),
      at,
    })),
    stats: { keys: revocations.length, byOutcome: countByOutcome(revocations), durationMs: context.durationMs },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function accountKey(revocation: Revocation): string {
  const { target } = revocation;
  if (!target) return '-';
  const hash = target.hash.length > 12 ? `${target.hash.slice(0, 12)}…` : target.hash;
  return printable([target.name, target.label, hash].filter((part) => part !== undefined && part !== '').join('  '));
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The table, each key's reason under its row, and a summary line; `color` for a terminal. */
export function renderRevocationsHuman(revocations: readonly Revocation[], context: RevocationReportContext, color: boolean): string {
  const c = colors(color);
  if (revocations.length === 0) return `No keys to revoke.${context.why ? ` ${context.why}` : ''}\n`;
  const paint: Partial<Record<RevokeOutcome, (text: string) => string>> = { revoked: c.green, 'already-revoked': c.green, 'would-revoke': c.yellow, failed: c.red, ambiguous: c.red, 'not-found': c.red, unknown: c.yellow };
  const rows = revocations.map((revocation) => [printable(revocation.redacted), printable(revocation.provider), revocation.outcome, revocation.action, accountKey(revocation)]);
  const header = ['KEY', 'PROVIDER', 'OUTCOME', context.dryRun ? 'WOULD' : 'ACTION', 'ACCOUNT KEY'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[], style: (cell: string, i: number) => string = (cell) => cell) =>
    cells.map((cell, i) => style(i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0), i)).join('  ').trimEnd();
  const out = [line(header, (cell) => c.bold(cell))];
  revocations.forEach((revocation, index) => {
    out.push(line(rows[index] ?? [], (cell, i) => (i === 2 ? (paint[revocation.outcome] ?? ((text: string) => text))(cell) : cell)));
    if (revocation.reason !== undefined) out.push(`  ${c.dim(printable(revocation.reason))}`);
  });
  const counts = Object.entries(countByOutcome(revocations)).map(([outcome, n]) => `${n} ${outcome}`);
  let summary = `${plural(revocations.length, 'key')}: ${counts.join(', ')}.`;
  const planned = revocations.filter((revocation) => revocation.outcome === 'would-revoke');
  if (context.dryRun) {
    const verb = planned.some((revocation) => revocation.action === 'delete') ? 'delete' : 'disable';
    summary += ` Dry run: nothing was changed${planned.length > 0 ? `; run again with --yes to ${verb} ${plural(planned.length, 'key')}` : ''}.`;
  }
  if (context.why) summary += ` ${context.why}`;
  out.push('', summary);
  return `${out.join('\n')}\n`;
}

/** Provider text in a PR comment: no markup, no control characters, and no `@mention` or `#123` link that would notify anyone. */
const inertCell = (text: string) => cell(printable(text)).replace(/[@#]/g, (c) => `\`${c}\``);

/** `12:04:31 UTC` from an ISO time. */
const clockTime = (at: string) => `${at.slice(11, 19)} UTC`;

function whatHappened(revocation: Revocation): string {
  if (revocation.outcome === 'revoked') return `**${revocation.action === 'delete' ? 'deleted' : 'disabled'}** at ${clockTime(revocation.at)}: the owner should create a new key`;
  if (revocation.outcome === 'already-revoked') return 'already dead';
  return `**${revocation.outcome}**${revocation.reason !== undefined ? `: ${inertCell(revocation.reason)}` : ''}`;
}

/** The revoke step in a job summary or PR comment: a table, one row per key. */
export function renderRevocationsMarkdown(revocations: readonly Revocation[]): string {
  if (revocations.length === 0) return '';
  const rows = revocations.map((revocation) => `| \`${inertCell(revocation.redacted)}\` | ${whatHappened(revocation)} | ${revocation.target ? inertCell([revocation.target.name, revocation.target.label].filter((part) => part !== undefined).join(' ')) : ''} |`);
  return ['### Revocation', '', '| key | what keywarden did | account key |', '|---|---|---|', ...rows, ''].join('\n');
}
