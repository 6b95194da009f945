import { z } from 'zod';
import { severities, type Severity } from '../core/types.js';

/**
 * The YAML form of a rule file (one per provider, `rules/*.yaml`). Parsing is the only
 * place rule data is trusted: everything after works on the typed result.
 *
 * `verify` and `revoke` describe HTTP requests as data (SPEC §5) so that a provider is
 * added by writing YAML, not code. `{base}` and `{key}` are the only substitutions.
 */

const httpRequest = z
  .object({
    method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']),
    /** Relative to the provider's base URL, e.g. `/key`. */
    path: z.string().startsWith('/'),
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

const verifySpec = z
  .object({
    request: httpRequest,
    live: responseMatch,
    invalid: responseMatch,
    /** Dotted path of the object whose fields become `verification.detail`. */
    detail: z.string().optional(),
  })
  .strict();

const revokeSpec = z.object({ request: httpRequest, success: responseMatch }).strict();

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
    /** The only hosts verification and revocation may contact for this provider. */
    hosts: z.array(z.string().min(1)).default([]),
    baseUrl: z
      .object({ env: z.string().regex(/^[A-Z0-9_]+$/), default: z.string().url().optional() })
      .strict()
      .optional(),
    rules: z.array(ruleSchema).min(1),
  })
  .strict();

export type RuleFile = z.infer<typeof ruleFileSchema>;
export type RuleSpec = RuleFile['rules'][number];

/** A validated rule file and where it came from (for error messages). */
export interface LoadedRuleFile {
  file: string;
  data: RuleFile;
}
