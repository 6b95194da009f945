import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { KeywardenError, UsageError } from '../core/errors.js';
import type { ShardOfPlan } from '../core/types.js';
import type { ListedRepository } from '../respond/notify/repository-list.js';
import type { AuditPlan } from './remote-audit.js';

/**
 * An organization's audit split over machines (SPEC §9): `audit --plan N` lists the
 * repositories once and deals them into N shards of about equal size; `audit --shard I/N`
 * audits shard I. The plan is written to a file every shard reads, so all agree on the split
 * even when the organization changes while they run, and its id (a hash of the split) goes
 * into each shard's report, so `merge` joins only shards of one plan.
 */

/** A GitHub Actions matrix holds at most 256 jobs. */
export const maxShards = 256;

export interface ShardPlan {
  id: string;
  /** Each shard's repositories, shard 1 first. */
  shards: ListedRepository[][];
  /** Named repositories GitHub did not answer for: reported once, by shard 1. */
  notScanned: AuditPlan['notScanned'];
}

/**
 * Deal repositories into `count` shards, largest first, each into the shard holding the least
 * so far (ties to the lower shard): within the largest repository's size of the best split.
 * A repository of size 0 (GitHub had no figure) counts as 1, so such shards still spread out.
 */
export function splitBySize(repositories: readonly ListedRepository[], count: number): ListedRepository[][] {
  const shards = Array.from({ length: count }, () => ({ size: 0, repositories: [] as ListedRepository[] }));
  const bySize = [...repositories].sort((a, b) => b.size - a.size || a.fullName.localeCompare(b.fullName));
  for (const repository of bySize) {
    const lightest = shards.reduce((best, shard) => (shard.size < best.size ? shard : best));
    lightest.repositories.push(repository);
    lightest.size += Math.max(1, repository.size);
  }
  return shards.map((shard) => shard.repositories.sort((a, b) => a.fullName.localeCompare(b.fullName)));
}

/** The id of a split: 16 hex of SHA-256 over each shard's repositories, so any difference in the split is another plan. */
export function planIdOf(shards: readonly (readonly ListedRepository[])[]): string {
  const canonical = JSON.stringify(shards.map((shard) => shard.map((repository) => [repository.fullName.toLowerCase(), repository.cloneUrl])));
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

export function makeShardPlan(audit: AuditPlan, count: number): ShardPlan {
  const shards = splitBySize(audit.repositories, count);
  return { id: planIdOf(shards), shards, notScanned: audit.notScanned };
}

/** `{"include":[{"shard":"1/N"},…]}`: what `strategy.matrix` takes through `fromJSON` (shard numbers only: a job's outputs hold at most 1 MB). */
export function matrixOf(plan: Pick<ShardPlan, 'shards'>): string {
  const count = plan.shards.length;
  return JSON.stringify({ include: plan.shards.map((_, i) => ({ shard: `${i + 1}/${count}` })) });
}

/** `--plan N`: a whole number of shards from 1 to 256. */
export function checkShardCount(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > maxShards) throw new UsageError(`--plan: a number of shards from 1 to ${maxShards} (a GitHub Actions matrix holds at most ${maxShards} jobs), not ${value}`);
  return value;
}

/** `--shard I/N`, 1-based. */
export function parseShardSpec(text: string): { index: number; count: number } {
  const match = /^(\d{1,3})\/(\d{1,3})$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || count < 1 || index > count || count > maxShards) throw new UsageError(`--shard takes I/N (shard I of N, 1 ≤ I ≤ N ≤ ${maxShards}), not ${text}`);
  return { index, count };
}

/** Shard `index` (1-based) of the plan as a run's audit plan and its place: shard 1 also reports the named repositories GitHub did not know. */
export function shardOf(plan: ShardPlan, index: number): { audit: AuditPlan; shard: ShardOfPlan } {
  return {
    audit: { repositories: plan.shards[index - 1] ?? [], notScanned: index === 1 ? plan.notScanned : [] },
    shard: { plan: plan.id, index, count: plan.shards.length },
  };
}

const planFileSchema = z.object({
  kind: z.literal('keywarden-audit-plan'),
  version: z.literal(1),
  id: z.string(),
  shards: z.array(
    z.array(
      z.object({
        fullName: z.string(),
        cloneUrl: z.string(),
        fork: z.boolean(),
        archived: z.boolean(),
        named: z.boolean(),
        size: z.number(),
      }),
    ),
  ),
  notScanned: z.array(z.object({ repository: z.string(), reason: z.string() })),
});

/** The plan file (`audit --plan N --output FILE`): JSON, readable by the shards of the workflow. */
export function planFileText(plan: ShardPlan): string {
  return `${JSON.stringify({ kind: 'keywarden-audit-plan', version: 1, id: plan.id, shards: plan.shards, notScanned: plan.notScanned })}\n`;
}

/** The plan file at `file` (`--plan-file`), checked; a usage error naming it when it cannot be read. */
export function readPlanFile(file: string): ShardPlan {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--plan-file ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  return parsePlanFile(text, file);
}

/** A plan file read back; an edited or damaged one (its id no longer its split's) is refused. */
export function parsePlanFile(text: string, name: string): ShardPlan {
  let parsed: z.infer<typeof planFileSchema>;
  try {
    parsed = planFileSchema.parse(JSON.parse(text));
  } catch {
    throw new UsageError(`--plan-file ${name}: not a plan written by keywarden audit --plan N --output FILE`);
  }
  if (planIdOf(parsed.shards) !== parsed.id) throw new KeywardenError(`--plan-file ${name}: its repositories are not those of plan ${parsed.id} (edited or damaged)`);
  return { id: parsed.id, shards: parsed.shards, notScanned: parsed.notScanned };
}
