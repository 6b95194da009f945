import { z } from 'zod';
import { variablesIn } from './template-variables.js';

/**
 * The YAML form of a rule's `revoke:` flow (SPEC §5.1): how to shut a leaked key down, as
 * data, the way `verify:` says how to check one. The flow has fixed stages, each a request
 * template with matchers; the engine (`respond/revoke/`) supplies the order and the safety
 * rules, so a rule file can describe an API but never make keywarden loop, branch or act
 * in a way the engine does not allow:
 *
 * 1. the rule's live check (`verify:`), asked again in this run: only a key it calls live is
 *    acted on; its `detail` fields are the flow's `{detail.NAME}` variables;
 * 2. `find`: the account key behind the leaked key, by a `direct` request (may miss) and else
 *    a paged `list` fetched once per run; `match` must pick exactly one item (`narrow` breaks
 *    ties), and what `capture` takes from it is the `{capture.NAME}` variables;
 * 3. `disable` (the default) or `delete` (`--delete`);
 * 4. the live check again, past the run's cached answer: `invalid` is revoked, `live` failed.
 *
 * Variables: `{key}` (the leaked key), `{sha256}` (hex SHA-256 of the key), `{credential.NAME}`
 * (from the environment variables `credentials.NAME` lists), `{detail.NAME}`, `{capture.NAME}`,
 * and `{offset}` (list only). A key or a credential never goes into a URL (proxies log URLs):
 * `{key}` may sit in headers and the body, a credential only in headers.
 */

/** Where a template sits decides what it may hold. */
type Place = 'path' | 'header' | 'body';

function variableProblem(name: string, place: Place, list: boolean): string | undefined {
  const [head, rest] = [name.split('.')[0], name.split('.').slice(1).join('.')];
  if (name === 'key') return place === 'path' ? 'must not contain {key}: a key in a URL leaks into logs; send it in a header' : undefined;
  if (name === 'sha256') return undefined;
  if (name === 'offset') return list ? undefined : '{offset} is only for the list request';
  if (head === 'credential' && rest !== '') return place === 'header' ? undefined : `{${name}} may only be sent in a header (never in a URL or a body)`;
  if ((head === 'detail' || head === 'capture') && /^[A-Za-z0-9_]+$/.test(rest)) return undefined;
  return `unknown variable {${name}} (known: {key}, {sha256}, {credential.NAME}, {detail.NAME}, {capture.NAME}${list ? ', {offset}' : ''})`;
}

/** Every string inside a JSON body, for its variables. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

const method = z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']);

/** A request template; `list` requests may use `{offset}`. */
function flowRequest(list: boolean) {
  return z
    .object({
      method,
      /** Relative to the provider's base URL, query included (`/keys?offset={offset}`). */
      path: z.string().startsWith('/'),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
    })
    .strict()
    .superRefine((request, ctx) => {
      const check = (template: string, place: Place, path: (string | number)[]) => {
        for (const name of variablesIn(template)) {
          const problem = variableProblem(name, place, list);
          if (problem) ctx.addIssue({ code: 'custom', message: problem, path });
        }
      };
      check(request.path, 'path', ['path']);
      for (const [name, value] of Object.entries(request.headers ?? {})) check(value, 'header', ['headers', name]);
      for (const text of stringsIn(request.body)) check(text, 'body', ['body']);
      if (list && !variablesIn(request.path).includes('offset')) {
        ctx.addIssue({ code: 'custom', message: 'the list request must page with {offset} in its path', path: ['path'] });
      }
    });
}

const statusMatch = z
  .object({
    status: z.array(z.number().int().min(100).max(599)).min(1),
    /** Dotted paths that must be present (not null) in the JSON body. */
    jsonHas: z.array(z.string().min(1)).optional(),
  })
  .strict();

const fieldName = z.string().regex(/^[A-Za-z0-9_]+$/, 'a field name: letters, digits, _');

const findSpec = z
  .object({
    /** One request that names the account key directly (may answer `missing`); tried first. */
    direct: z
      .object({
        request: flowRequest(false),
        found: statusMatch,
        missing: statusMatch,
        /** Dotted path of the account key object in the answer; the body itself when absent. */
        item: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    /** Every account key, a page at a time: fetched once per run and shared by all keys. */
    list: z
      .object({
        request: flowRequest(true),
        ok: statusMatch,
        /** Dotted path of the array of account keys in a page. */
        items: z.string().min(1),
        /** Items a full page holds; a shorter page is the last. */
        pageSize: z.number().int().min(1).max(10_000),
        /** A bound on pages, so a server that never ends a list cannot keep the run going. */
        maxPages: z.number().int().min(1).max(100_000).default(10_000),
      })
      .strict()
      .optional(),
    /** Item field → template: an item is the leaked key's only when every one is equal. */
    match: z.record(fieldName, z.string()).refine((match) => Object.keys(match).length > 0, 'name at least one field'),
    /** Item field → template: among several matches, the ones also equal on these. Still more than one: touch none. */
    narrow: z.record(fieldName, z.string()).optional(),
    /** Variable → item field, kept for the later steps (`{capture.hash}`) and the report's target. */
    capture: z.record(fieldName, z.string().min(1)).refine((capture) => 'hash' in capture, 'must capture hash: the id of the account key acted on'),
    /** An item the provider already reports as shut down: nothing to do. */
    alreadyRevoked: z.object({ when: z.string().min(1), equals: z.union([z.boolean(), z.string(), z.number()]) }).strict().optional(),
  })
  .strict()
  .refine((find) => find.direct !== undefined || find.list !== undefined, 'declare direct, list, or both');

const actionSpec = z.object({ request: flowRequest(false), success: statusMatch }).strict();

export const revokeSpec = z
  .object({
    /** Credential name → environment variables tried in turn; never read from a file or argv. */
    credentials: z.record(fieldName, z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'an environment variable name')).min(1)).default({}),
    find: findSpec,
    disable: actionSpec,
    delete: actionSpec.optional(),
    /** The live check after the action; a provider may take a moment to stop honouring a key. */
    confirm: z
      .object({ attempts: z.number().int().min(1).max(10).default(3), delaySeconds: z.number().min(0).max(60).default(1) })
      .strict()
      .default({ attempts: 3, delaySeconds: 1 }),
  })
  .strict()
  .superRefine((flow, ctx) => {
    const captured = new Set(Object.keys(flow.find.capture));
    const templates: [string, (string | number)[]][] = [];
    const addRequest = (request: { path: string; headers?: Record<string, string> | undefined; body?: unknown }, at: (string | number)[]) => {
      templates.push([request.path, [...at, 'path']], ...Object.entries(request.headers ?? {}).map(([name, value]): [string, (string | number)[]] => [value, [...at, 'headers', name]]));
      for (const text of stringsIn(request.body)) templates.push([text, [...at, 'body']]);
    };
    if (flow.find.direct) addRequest(flow.find.direct.request, ['find', 'direct', 'request']);
    if (flow.find.list) addRequest(flow.find.list.request, ['find', 'list', 'request']);
    addRequest(flow.disable.request, ['disable', 'request']);
    if (flow.delete) addRequest(flow.delete.request, ['delete', 'request']);
    for (const [field, template] of Object.entries({ ...flow.find.match, ...flow.find.narrow })) {
      for (const name of variablesIn(template).filter((name) => name !== 'sha256' && !/^detail\.[A-Za-z0-9_]+$/.test(name))) {
        ctx.addIssue({ code: 'custom', message: `{${name}}: an account key is matched only on {detail.NAME} and {sha256}`, path: ['find', 'match', field] });
      }
    }
    for (const [template, path] of templates) {
      for (const name of variablesIn(template)) {
        const [head, rest = ''] = [name.split('.')[0], name.split('.').slice(1).join('.')];
        if (head === 'credential' && !(rest in flow.credentials)) ctx.addIssue({ code: 'custom', message: `{${name}}: no credential ${rest} under credentials`, path });
        // The target is known only once found: find's own requests cannot use what it captures.
        if (head === 'capture' && (path[0] === 'find' || !captured.has(rest))) ctx.addIssue({ code: 'custom', message: `{${name}}: only disable and delete may use a captured field, and ${rest} must be captured`, path });
      }
    }
  });

export type RevokeFlowSpec = z.infer<typeof revokeSpec>;
export type FlowRequestSpec = RevokeFlowSpec['disable']['request'];
export type StatusMatch = RevokeFlowSpec['disable']['success'];

/**
 * Credential variables a `--rules` file may name: a rule file can sit in the repository being
 * scanned, and must not be able to borrow a secret the environment holds for something else
 * (GITHUB_TOKEN) and send it to a host it pins. Built-in rules name theirs as they need.
 */
export const userCredentialVariable = /_(MANAGEMENT|ADMIN|PROVISIONING|REVOKE)_(KEY|TOKEN)$/;

/** What a rule's flow asks that the schema alone cannot check: its rule's live check and, for user rules, its credentials. */
export function revokeFlowProblems(
  flow: RevokeFlowSpec,
  verifyDetailFields: readonly string[] | undefined,
  builtin: boolean,
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (verifyDetailFields === undefined) problems.push({ field: 'revoke', message: 'a revoke flow needs the rule to declare verify: only a key confirmed live is acted on' });
  const templates = [...Object.values(flow.find.match), ...Object.values(flow.find.narrow ?? {})];
  for (const name of templates.flatMap(variablesIn).filter((name) => name.startsWith('detail.'))) {
    const field = name.slice('detail.'.length);
    if (verifyDetailFields && !verifyDetailFields.includes(field)) problems.push({ field: 'revoke.find', message: `{${name}}: ${field} is not among verify.detail.fields` });
  }
  if (!builtin) {
    for (const [name, variables] of Object.entries(flow.credentials)) {
      for (const variableName of variables.filter((v) => !userCredentialVariable.test(v))) {
        problems.push({ field: `revoke.credentials.${name}`, message: `${variableName}: a --rules file may read credentials only from variables ending in _MANAGEMENT_KEY, _ADMIN_KEY, _PROVISIONING_KEY or _REVOKE_KEY (or _TOKEN)` });
      }
    }
  }
  return problems;
}
