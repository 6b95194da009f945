import type { RevokeFlowSpec } from '../../rules/revoke-schema.js';
import { valueAt } from '../../verify/classify.js';
import { answers, credentialRefused, describeAnswer, type Answer } from './answer.js';
import { resolveValue, type Variables } from './template.js';

/**
 * Step 2 of a flow: which account key is the leaked one. One directory per rule file and run,
 * shared by every key: the paged list is fetched once (a window of pages at a time) and then
 * answers every key from memory, and the `direct` request is tried only while the list is not
 * needed, one at a time until one has hit (a miss means the list is needed anyway, after which
 * a probe would save nothing). An item is the key's only when every `match` field is equal;
 * several are narrowed by `narrow`, and any doubt left touches none.
 */

type FindSpec = RevokeFlowSpec['find'];
type ListSpec = NonNullable<FindSpec['list']>;

/** An account key as the list or the direct request gave it, reduced to the fields the flow reads. */
export type AccountKey = Record<string, unknown>;

export type Found =
  | { kind: 'found'; item: AccountKey }
  | { kind: 'not-found'; reason: string }
  | { kind: 'ambiguous'; reason: string }
  /** `configuration`: the credential was refused, which no other key will get past either. */
  | { kind: 'failed'; reason: string; httpStatus?: number; configuration?: boolean };

/** How the directory reaches the API: one request from a template's role and its variables. */
export interface DirectoryIO {
  /** The direct request for one key. */
  direct(variables: Variables): Promise<Answer>;
  /** One page of the list at this offset. */
  page(offset: number): Promise<Answer>;
  /** Pages fetched at once. */
  window: number;
}

export interface AccountDirectory {
  find(variables: Variables): Promise<Found>;
}

type ListResult = { kind: 'ok'; byMatch: Map<string, AccountKey[]> } | Extract<Found, { kind: 'failed' }>;

const failedAnswer = (step: string, answer: Answer): Extract<Found, { kind: 'failed' }> => ({
  kind: 'failed',
  reason: describeAnswer(step, answer),
  ...(answer.kind === 'response' ? { httpStatus: answer.status } : {}),
  ...(credentialRefused(answer) ? { configuration: true } : {}),
});

/** The fields a flow reads from an item: match, narrow, capture, already-revoked. */
function fieldsRead(spec: FindSpec): string[] {
  return [...new Set([...Object.keys(spec.match), ...Object.keys(spec.narrow ?? {}), ...Object.values(spec.capture), ...(spec.alreadyRevoked ? [spec.alreadyRevoked.when] : [])])];
}

/** An item reduced to the fields read. A plain loop: the list can hold tens of thousands of items. */
function project(item: unknown, fields: readonly string[]): AccountKey {
  const kept: AccountKey = {};
  for (const field of fields) kept[field] = valueAt(item, field);
  return kept;
}

/** The values an item must have to match, in the order of `match`'s fields: a map key. */
const matchKey = (values: readonly unknown[]) => JSON.stringify(values.map((value) => value ?? null));

const equalValues = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Every page, a window at a time, until a page holds fewer than `pageSize` items. */
async function fetchList(spec: ListSpec, find: FindSpec, io: DirectoryIO): Promise<ListResult> {
  const fields = fieldsRead(find);
  /** Each page reduced as it arrives, so the work is done while other pages are on the way. */
  const pages: AccountKey[][] = [];
  let next = 0;
  let end = spec.maxPages;
  let ended = false;
  let failure: Extract<Found, { kind: 'failed' }> | undefined;
  /** Fetch the next page not yet asked for; false once there is none to ask (or one failed). */
  const fetchNext = async (): Promise<boolean> => {
    const page = next++;
    if (failure || page >= end) return false;
    const offset = page * spec.pageSize;
    const answer = await io.page(offset);
    const items = answers(spec.ok, answer) && answer.kind === 'response' ? valueAt(answer.json, spec.items) : undefined;
    if (!Array.isArray(items)) {
      failure ??= answers(spec.ok, answer) ? { kind: 'failed', reason: `list (offset ${offset}): the answer holds no ${spec.items} array` } : failedAnswer(`list (offset ${offset})`, answer);
      return false;
    }
    pages[page] = items.map((item) => project(item, fields));
    if (items.length < spec.pageSize) {
      end = Math.min(end, page + 1);
      ended = true;
    }
    return true;
  };
  const worker = async () => {
    while (await fetchNext());
  };
  // The first page alone: when it is refused (a bad management key), no window of pages is asked in vain.
  if (await fetchNext()) await Promise.all(Array.from({ length: Math.max(1, io.window) }, worker));
  if (failure) return failure;
  // Without its last page the list may hide a twin: better no action than the wrong one.
  if (!ended) return { kind: 'failed', reason: `list: more than ${spec.maxPages} pages; not all account keys could be read` };
  const hashField = find.capture.hash ?? 'hash';
  const seen = new Set<string>();
  const byMatch = new Map<string, AccountKey[]>();
  const matchFields = Object.keys(find.match);
  for (const page of pages.slice(0, end)) {
    for (const kept of page) {
      // Offsets shift when keys are added meanwhile: an item read twice is one item.
      const id = String(kept[hashField]);
      if (seen.has(id)) continue;
      seen.add(id);
      const key = matchKey(matchFields.map((field) => kept[field]));
      const bucket = byMatch.get(key);
      if (bucket) bucket.push(kept);
      else byMatch.set(key, [kept]);
    }
  }
  return { kind: 'ok', byMatch };
}

/** What this key's items must equal, per field; undefined when the key lacks a value (no label from the live check). */
function wanted(fields: Record<string, string>, variables: Variables): Map<string, unknown> {
  return new Map(Object.entries(fields).map(([field, template]) => [field, resolveValue(template, variables)]));
}

function matches(item: AccountKey, want: ReadonlyMap<string, unknown>): boolean {
  return [...want].every(([field, value]) => equalValues(item[field], value));
}

/** Exactly one item, or why not. */
function pick(candidates: readonly AccountKey[], find: FindSpec, variables: Variables, shown: string): Found {
  if (candidates.length === 0) return { kind: 'not-found', reason: `no account key of this management key has ${shown}: tell the key's owner (keywarden notify)` };
  if (candidates.length === 1 && candidates[0]) return { kind: 'found', item: candidates[0] };
  const narrowed = find.narrow ? candidates.filter((item) => matches(item, wanted(find.narrow ?? {}, variables))) : candidates;
  if (narrowed.length === 1 && narrowed[0]) return { kind: 'found', item: narrowed[0] };
  const by = find.narrow ? ` and the same ${Object.keys(find.narrow).join(' and ')}` : '';
  return { kind: 'ambiguous', reason: `${candidates.length} account keys have ${shown}${narrowed.length > 1 ? by : ''}; none was touched: revoke it by hand` };
}

export function createAccountDirectory(find: FindSpec, io: DirectoryIO): AccountDirectory {
  let list: Promise<ListResult> | undefined;
  /** The first direct request, while no one knows whether they hit; later ones run freely once one has. */
  let firstProbe: Promise<Answer> | undefined;
  let probesHit = false;
  /** The direct request's credential was refused: no other key will get past it, so no other key asks. */
  let refused: Found | undefined;
  const fields = fieldsRead(find);

  /** The direct request's item when it names this key, else undefined (missed, failed or another key). */
  async function probe(variables: Variables, want: ReadonlyMap<string, unknown>): Promise<Found | undefined> {
    const direct = find.direct;
    if (!direct || list) return undefined;
    let answer: Answer;
    if (!firstProbe) {
      firstProbe = io.direct(variables);
      answer = await firstProbe;
    } else {
      await firstProbe;
      if (refused) return refused;
      if (!probesHit || list) return undefined;
      answer = await io.direct(variables);
    }
    if (credentialRefused(answer)) return (refused ??= failedAnswer('find (direct)', answer));
    if (!answers(direct.found, answer) || answer.kind !== 'response') return undefined;
    const item = project(direct.item === undefined ? answer.json : valueAt(answer.json, direct.item), fields);
    // The direct answer must still be this key's: a hash scheme that collides or changes must not pick another key.
    if (!matches(item, want)) return undefined;
    probesHit = true;
    return { kind: 'found', item };
  }

  return {
    async find(variables) {
      const want = wanted(find.match, variables);
      const shown = [...want].map(([field, value]) => `${field} ${String(value)}`).join(', ');
      const direct = await probe(variables, want);
      if (direct) return direct;
      if (!find.list) return { kind: 'not-found', reason: `the direct request did not find it (${shown})` };
      const listSpec = find.list;
      list ??= fetchList(listSpec, find, io);
      const result = await list;
      if (result.kind !== 'ok') return result;
      return pick(result.byMatch.get(matchKey([...want.values()])) ?? [], find, variables, shown);
    },
  };
}
