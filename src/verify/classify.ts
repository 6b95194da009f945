import type { Severity, Verification } from '../core/types.js';
import type { ResponseMatch, VerifySpec } from '../rules/schema.js';

/**
 * Turning a provider's answer into an outcome, as the rule declares it. Pure. A key is
 * called `invalid` only on the rule's own invalid answer: anything unexpected is `unknown`,
 * because calling a working key dead is the one mistake a scanner must not make.
 */

export interface Classified {
  verification: Verification;
  /** A raised severity for a live key (an OpenRouter management key is critical). */
  severity?: Severity;
}

/** `a.b.c` inside parsed JSON; undefined when any step is missing. */
export function valueAt(json: unknown, path: string): unknown {
  let value: unknown = json;
  for (const step of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, step)) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** `jsonHas` asks for content: a `null` (`{"data": null, "error": …}`) is an error shape, not a key's data. */
function matches(match: ResponseMatch, status: number, json: unknown): boolean {
  return match.status.includes(status) && (match.jsonHas ?? []).every((path) => valueAt(json, path) != null);
}

/** The fields the rule keeps (`verification.detail`); scalars only, so a report never carries a provider's nested data. */
function pickDetail(spec: VerifySpec, json: unknown): Record<string, unknown> {
  if (!spec.detail) return {};
  const source = spec.detail.from === undefined ? json : valueAt(json, spec.detail.from);
  const detail: Record<string, unknown> = {};
  for (const field of spec.detail.fields) {
    const value = valueAt(source, field);
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) detail[field] = value;
  }
  return detail;
}

/** Classify one final HTTP answer (after retries). */
export function classifyResponse(spec: VerifySpec, status: number, body: string): Classified {
  const json = parseJson(body);
  if (matches(spec.live, status, json)) {
    const escalation = (spec.escalate ?? []).find((rule) => valueAt(json, rule.when) === rule.equals);
    return {
      verification: { status: 'live', detail: pickDetail(spec, json), ...(escalation ? { reason: escalation.reason } : {}) },
      ...(escalation ? { severity: escalation.severity } : {}),
    };
  }
  if (matches(spec.invalid, status, json)) return { verification: { status: 'invalid', detail: {}, reason: `HTTP ${status}` } };
  const why =
    status === 429
      ? 'rate limited (HTTP 429) after retries'
      : status >= 500
        ? `server error (HTTP ${status}) after retries`
        : spec.live.status.includes(status)
          ? `HTTP ${status} but the body is not what the rule expects${json === undefined ? ' (not JSON)' : ''}`
          : `unexpected HTTP ${status}`;
  return { verification: { status: 'unknown', detail: {}, reason: why } };
}
