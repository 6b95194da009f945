import type { HttpRequest } from '../../net/http.js';
import { requestUrl } from '../../net/url.js';
import type { FlowRequestSpec } from '../../rules/revoke-schema.js';
import { variablesIn } from '../../rules/template-variables.js';

/**
 * Filling a flow's request templates (`rules/revoke-schema.ts`). Pure. Values substituted
 * into a path are URL-encoded, so a value from a provider's answer (a captured hash) cannot
 * add a path segment or a query parameter; the pinned client checks the final URL anyway.
 */

/** Variable name (`capture.hash`) → value; a value may be any JSON scalar. */
export type Variables = ReadonlyMap<string, unknown>;

/** A template names a variable this key has no value for (the live check gave no label, say). */
export class MissingVariable extends Error {
  constructor(readonly variable: string) {
    super(`{${variable}} has no value`);
  }
}

function valueOf(variables: Variables, name: string): unknown {
  const value = variables.get(name);
  if (value === undefined) throw new MissingVariable(name);
  return value;
}

function interpolate(template: string, variables: Variables, encode: (text: string) => string): string {
  return template.replace(/\{([A-Za-z0-9_.]*)\}/g, (_whole, name: string) => encode(String(valueOf(variables, name))));
}

/**
 * A template's value: a template that is one variable and nothing else keeps the variable's
 * own type (`{detail.usage}` stays a number, so it equals the number in an account key).
 */
export function resolveValue(template: string, variables: Variables): unknown {
  const names = variablesIn(template);
  const [only] = names;
  if (names.length === 1 && only !== undefined && template === `{${only}}`) return valueOf(variables, only);
  return interpolate(template, variables, (text) => text);
}

function fillBody(body: unknown, variables: Variables): unknown {
  if (typeof body === 'string') return resolveValue(body, variables);
  if (Array.isArray(body)) return body.map((item) => fillBody(item, variables));
  if (body !== null && typeof body === 'object') return Object.fromEntries(Object.entries(body).map(([name, value]) => [name, fillBody(value, variables)]));
  return body;
}

/** A request template filled in, under the provider's base URL (its path kept, the template's query added). */
export function fillRequest(spec: FlowRequestSpec, baseUrl: URL, variables: Variables): HttpRequest {
  const path = interpolate(spec.path, variables, encodeURIComponent);
  const queryAt = path.indexOf('?');
  const url = requestUrl(baseUrl, queryAt === -1 ? path : path.slice(0, queryAt));
  if (queryAt !== -1) url.search = path.slice(queryAt);
  const headers = Object.fromEntries(Object.entries(spec.headers ?? {}).map(([name, value]) => [name, interpolate(value, variables, (text) => text)]));
  const request: HttpRequest = { method: spec.method, url, headers };
  if (spec.body !== undefined) {
    request.body = JSON.stringify(fillBody(spec.body, variables));
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  }
  return request;
}
