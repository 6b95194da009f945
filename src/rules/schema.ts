import { z } from 'zod';
import { severities, type Severity } from '../core/types.js';
import { revokeSpec } from './revoke-schema.js';

/**
 * The YAML form of a rule file (one per provider, `rules/*.yaml`). Parsing is the only
 * place rule data is trusted: everything after works on the typed result.
 *
 * `verify` and `revoke` describe HTTP requests as data (SPEC §5) so that a provider is
 * added by writing YAML, not code. `{key}` (the raw key) is the only substitution, and it
 * may appear in headers and body only: a key in a URL ends up in proxy and server logs.
 */

const httpRequest = z
  .object({
    method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']),
    /** Relative to the provider's base URL, e.g. `/key`. */
    path: z
      .string()
      .startsWith('/')
      .refine((path) => !path.includes('{key}'), 'must not contain {key}: a key in a URL leaks into logs; send it in a header'),
    headers: z.record(z.string(), z.string()).optional(),
    body: z.unknown().optional(),
  })
  .strict();

const responseMatch = z
  .object({
    status: z.array(z.number().int().min(100).max(599)).min(1),
    /** Dotted paths that must be present in a JSON body for the match to hold. */
    jsonHas: z.array(z.string()).optional(),
  })
  .strict();

/** Which fields of a live response become the finding's `verification.detail`. */
const detailSpec = z
  .object({
    /** Dotted path of the object holding the fields (`data`); the body itself when absent. */
    from: z.string().optional(),
    /** Only these are kept: a provider's body is not copied into reports wholesale. */
    fields: z.array(z.string().min(1)).min(1),
  })
  .strict();

/** Raise a live key's severity when its response says so (an OpenRouter management key). */
const escalateSpec = z
  .object({
    /** Dotted path into the JSON body, e.g. `data.is_management_key`. */
    when: z.string().min(1),
    equals: z.union([z.boolean(), z.string(), z.number()]),
    severity: z.enum(severities as [Severity, ...Severity[]]),
    /** Shown with the finding in every format, e.g. "management key: can create and delete keys". */
    reason: z.string().min(1),
  })
  .strict();

const verifySpec = z
  .object({
    request: httpRequest,
    live: responseMatch,
    invalid: responseMatch,
    detail: detailSpec.optional(),
    escalate: z.array(escalateSpec).optional(),
  })
  .strict();

const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must look like provider.name'),
    name: z.string().min(1),
    severity: z.enum(severities as [Severity, ...Severity[]]),
    keywords: z.array(z.string().min(3, 'keywords need at least 3 characters')).min(1),
    /** Literal kept visible when redacting; defaults to the first keyword. */
    prefix: z.string().optional(),
    pattern: z.string().min(1),
    minEntropy: z.number().min(0).max(8).optional(),
    hint: z.string().optional(),
    examples: z.array(z.string()).min(1),
    negativeExamples: z.array(z.string()).min(1),
    verify: verifySpec.optional(),
    revoke: revokeSpec.optional(),
  })
  .strict();

export const ruleFileSchema = z
  .object({
    provider: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    /**
     * The only hosts verification and revocation may contact for this provider (exact
     * names). Loopback is always allowed, over `http:` too; nothing else is.
     */
    hosts: z.array(z.string().min(1)).default([]),
    baseUrl: z
      .object({
        /** The environment variable that overrides (or, with no default, supplies) the base URL. */
        env: z.string().regex(/^[A-Z0-9_]+$/),
        /** Built-in rule files only: a rule file can sit in a hostile repository. */
        default: z.string().url().optional(),
        /**
         * Self-hosted deployments: the host in the environment variable is the deployment,
         * so it is allowed besides `hosts`. The variable is set by the user, never by a file.
         */
        selfHosted: z.boolean().optional(),
      })
      .strict()
      .optional(),
    rules: z.array(ruleSchema).min(1),
  })
  .strict();

export type RuleFile = z.infer<typeof ruleFileSchema>;
export type RuleSpec = RuleFile['rules'][number];
export type VerifySpec = NonNullable<RuleSpec['verify']>;
export type HttpRequestSpec = VerifySpec['request'];
export type ResponseMatch = VerifySpec['live'];

/** A validated rule file and where it came from (for error messages). */
export interface LoadedRuleFile {
  file: string;
  data: RuleFile;
  /** Shipped with keywarden (`rules/`), not given with `--rules`: only these may name a default base URL. */
  builtin: boolean;
}
