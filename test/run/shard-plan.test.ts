/** The split of a sharded audit (src/run/shard-plan.ts): balance, determinism, the matrix, and plan files that cannot be altered unseen. */
import { describe, expect, it } from 'vitest';
import { KeywardenError, UsageError } from '../../src/core/errors.js';
import type { ListedRepository } from '../../src/respond/notify/repository-list.js';
import { makeShardPlan, matrixOf, parsePlanFile, parseShardSpec, planFileText, shardOf, splitBySize } from '../../src/run/shard-plan.js';

const repository = (name: string, size: number): ListedRepository => ({ fullName: `acme/${name}`, cloneUrl: `https://github.example/acme/${name}.git`, fork: false, archived: false, named: false, size });
const total = (shard: readonly ListedRepository[]) => shard.reduce((sum, r) => sum + Math.max(1, r.size), 0);

describe('splitBySize', () => {
  it('keeps every shard within the largest repository of the best split, each repository in exactly one shard', () => {
    // Sizes of a real-looking organization: a few large repositories, many small ones.
    const sizes = [250_000, 120_000, 80_000, 40_000, ...Array.from({ length: 200 }, (_, i) => ((i * 7919) % 5000) + 10)];
    const repositories = sizes.map((size, i) => repository(`r${i}`, size));
    const shards = splitBySize(repositories, 8);
    expect(shards.flat().map((r) => r.fullName).sort()).toEqual(repositories.map((r) => r.fullName).sort());
    const loads = shards.map(total);
    // Greedy largest-first: no shard above the mean by more than the largest repository (here the mean itself is below it).
    const mean = loads.reduce((a, b) => a + b) / loads.length;
    expect(Math.max(...loads)).toBeLessThanOrEqual(Math.max(mean, 250_000) + 5000);
    expect(Math.max(...loads.filter((load) => load !== 250_000))).toBeLessThan(mean * 1.25);
  });

  it('gives the same split whatever order GitHub listed the repositories in', () => {
    const repositories = [repository('a', 5), repository('b', 5), repository('c', 3), repository('d', 0), repository('e', 0)];
    const split = (list: ListedRepository[]) => splitBySize(list, 2).map((shard) => shard.map((r) => r.fullName));
    expect(split([...repositories].reverse())).toEqual(split(repositories));
  });

  it('spreads repositories GitHub gave no size for, and leaves shards empty only when there are fewer repositories than shards', () => {
    expect(splitBySize([repository('a', 0), repository('b', 0), repository('c', 0)], 3).map((shard) => shard.length)).toEqual([1, 1, 1]);
    expect(splitBySize([repository('a', 10)], 3).map((shard) => shard.length)).toEqual([1, 0, 0]);
  });
});

describe('the plan', () => {
  const audit = { repositories: [repository('big', 900), repository('mid', 500), repository('small', 400)], notScanned: [{ repository: 'acme/gone', reason: 'GitHub API: 404 Not Found' }] };

  it('prints the matrix as GitHub Actions reads it through fromJSON', () => {
    expect(JSON.parse(matrixOf(makeShardPlan(audit, 2)))).toEqual({ include: [{ shard: '1/2' }, { shard: '2/2' }] });
  });

  it('gives each shard its repositories and the plan id; the repositories GitHub did not know go to shard 1 only', () => {
    const plan = makeShardPlan(audit, 2);
    expect(plan.id).toMatch(/^[0-9a-f]{16}$/);
    expect(shardOf(plan, 1)).toEqual({ audit: { repositories: [audit.repositories[0]], notScanned: audit.notScanned }, shard: { plan: plan.id, index: 1, count: 2 } });
    expect(shardOf(plan, 2).audit).toEqual({ repositories: [audit.repositories[1], audit.repositories[2]], notScanned: [] });
  });

  it('reads its own file back, and refuses one edited to move a repository or one that is no plan', () => {
    const plan = makeShardPlan(audit, 2);
    expect(parsePlanFile(planFileText(plan), 'plan.json')).toEqual(plan);
    const edited = JSON.parse(planFileText(plan)) as { shards: ListedRepository[][] };
    edited.shards[1]!.push(edited.shards[0]!.pop()!);
    expect(() => parsePlanFile(JSON.stringify(edited), 'plan.json')).toThrow(KeywardenError);
    expect(() => parsePlanFile(JSON.stringify(edited), 'plan.json')).toThrow(/not those of plan [0-9a-f]{16} \(edited or damaged\)/);
    expect(() => parsePlanFile('{"findings":[]}', 'report.json')).toThrow(UsageError);
  });
});

describe('parseShardSpec', () => {
  it.each(['1/1', '3/8', '256/256'])('takes %s', (spec) => {
    const [index, count] = spec.split('/').map(Number);
    expect(parseShardSpec(spec)).toEqual({ index, count });
  });

  it.each(['0/4', '5/4', '1/257', '1', 'a/b', '1/4/2', ''])('refuses %j', (spec) => {
    expect(() => parseShardSpec(spec)).toThrow(UsageError);
  });
});
