import { z } from 'zod';
import { revokeOutcomes, type RevokeOutcome } from '../core/revocation.js';
import { severities, verificationStatuses, type Origin, type Severity, type VerificationStatus } from '../core/types.js';

/**
 * The json report (SPEC §3) as one schema: the writer's type is inferred from it and every
 * reader (`verify --report`, `--baseline`, later `revoke`, `notify`, `merge`) parses with it,
 * so the two cannot drift. Fields are listed in the order the writer prints them.
 *
 * Objects are not strict: a field a later version adds is dropped, not refused. Error
 * messages name the field and what it should be, never its value (a report can hold raw
 * keys); zod's own messages are not used, since some of them quote what they received.
 */

const sources = ['file', 'staged', 'history', 'log', 'input'] as const satisfies readonly Origin['kind'][];

/** A string of a fixed shape; `what` says the shape in words for error messages. */
const shaped = (shape: RegExp, what: string) => z.string({ error: what }).regex(shape, { error: what });
const text = (what: string) => z.string({ error: what }).min(1, { error: what });
const oneOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]], { error: `one of ${values.join(', ')}` });
/** Lines and columns: 1-based. */
const position = z.int({ error: 'a whole number from 1' }).min(1, { error: 'a whole number from 1' });
const count = z.int({ error: 'a whole number from 0' }).min(0, { error: 'a whole number from 0' });

const verificationSchema = z.object({
  status: oneOf<VerificationStatus>(verificationStatuses),
  /** For `live`: the fields the rule keeps from the provider's answer. */
  detail: z.record(z.string(), z.unknown()),
  reason: z.string().optional(),
});

const historyFields = ['commit', 'author', 'email', 'date'] as const;

/** What revoking one distinct key came to (`--revoke`), as the revoke report spells it: never the key. */
const revocationSchema = z.object({
  ruleId: text('a rule id'),
  provider: text('a provider name'),
  secretHash: shaped(/^sha256:[0-9a-f]{64}$/, 'sha256: and 64 lowercase hex'),
  redacted: text('a redacted key'),
  outcome: oneOf<RevokeOutcome>(revokeOutcomes),
  action: oneOf(['disable', 'delete', 'none'] as const),
  target: z.object({ hash: z.string(), label: z.string().optional(), name: z.string().optional() }).optional(),
  reason: z.string().optional(),
  at: z.string({ error: 'a date' }),
});

/** `OWNER/NAME`, as GitHub allows them. */
const repositoryName = shaped(/^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/, 'OWNER/NAME');

export const reportFindingSchema = z
  .object({
    ruleId: shaped(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a rule id (provider.name)'),
    provider: text('a provider name'),
    severity: oneOf<Severity>(severities),
    /** `sha256:` + lowercase hex of SHA-256 over the raw key's UTF-8 bytes. */
    secretHash: shaped(/^sha256:[0-9a-f]{64}$/, 'sha256: and 64 lowercase hex'),
    /** The prefix and at most four characters at each end of the body. */
    redacted: text('a redacted key'),
    /** Stable id for ignore files and baselines. */
    fingerprint: text('a fingerprint'),
    /**
     * `OWNER/NAME` of the repository the finding is in, for audits of several repositories;
     * absent otherwise. A baseline finding with one matches only findings of that repository.
     */
    repository: repositoryName.optional(),
    source: oneOf(sources),
    /** Relative to the scanned root, with `/`. Absent for `source: "input"`: those keys were never in a file. */
    path: text('a path').optional(),
    line: position,
    column: position,
    /** Exclusive. Columns count UTF-16 code units. */
    endColumn: position,
    encoding: z.literal('base64', { error: 'base64' }).optional(),
    /** `commit`, `author`, `email` and `date` (ISO 8601): present exactly for `source: "history"`. */
    commit: shaped(/^[0-9a-f]{7,64}$/, 'a commit id').optional(),
    author: z.string().optional(),
    email: z.string().optional(),
    date: z.string().optional(),
    /** Present only with `--verify`. */
    verification: verificationSchema.optional(),
    /** The raw key: only with `--show-secrets`. */
    secret: z.string().optional(),
    /**
     * The fields that had a key in them masked (`path`, `fingerprint`, `author`, …): such a path
     * names no file as it stands. Absent when nothing was masked. Any names, so a later version may add some.
     */
    redactedFields: z.array(z.string()).optional(),
  })
  .superRefine((finding, context) => {
    if (finding.source !== 'input' && finding.path === undefined) context.addIssue({ code: 'custom', path: ['path'], message: 'a path' });
    if (finding.source !== 'history') return;
    for (const field of historyFields) {
      if (finding[field] === undefined) context.addIssue({ code: 'custom', path: [field], message: 'present for history findings' });
    }
  });

export const reportSchema = z.object({
  version: z.literal(1, { error: '1' }),
  tool: z.object({ name: z.literal('keywarden', { error: 'keywarden' }), version: text('a version') }),
  findings: z.array(reportFindingSchema),
  stats: z.object({
    files: count,
    bytes: count,
    durationMs: z.number({ error: 'a number from 0' }).min(0, { error: 'a number from 0' }),
    /** Findings per verification outcome, most urgent first, outcomes that occur only: present only with `--verify`. */
    byStatus: z.partialRecord(oneOf<VerificationStatus>(verificationStatuses), count).optional(),
  }),
  /** Present only when something went wrong without stopping the run. */
  warnings: z
    .array(
      z.object({
        path: z.string().optional(),
        message: z.string(),
        kind: oneOf(['filter', 'incomplete'] as const).optional(),
        /** As for findings: `path` or `message` had a key masked. */
        redactedFields: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  /** One shard of a planned audit (`audit --shard I/N`): the plan it follows, so `merge` joins only shards of one plan and names those missing. */
  shard: z
    .object({
      plan: shaped(/^[0-9a-f]{16,64}$/, 'a plan id (hex)'),
      index: position,
      count: position,
    })
    .refine((shard) => shard.index <= shard.count, { error: 'a shard I/N with I at most N' })
    .optional(),
  /** Present only after `--revoke`: each distinct key's revocation (or, in a dry run, its plan). */
  revocations: z.array(revocationSchema).optional(),
  /** An audit of several repositories: each one scanned (with findings or not), and each one that could not be, with why. */
  repositories: z
    .object({
      scanned: z.array(repositoryName),
      notScanned: z.array(z.object({ repository: repositoryName, reason: z.string({ error: 'a string' }) })),
    })
    .optional(),
});

/** A finding as SPEC §3's json report spells it: what the writer prints and readers get back. */
export type ReportFinding = z.infer<typeof reportFindingSchema>;
/** A whole json report (SPEC §3). */
export type Report = z.infer<typeof reportSchema>;

/** How many problems one error message lists; a report broken everywhere needs only the first few. */
const listedProblems = 3;

/** Words for what an issue without a message of its own expected (`an object`); never the value received. */
function expectedOf(issue: z.core.$ZodRawIssue): string {
  if (issue.code === 'invalid_type') {
    const expected = issue.expected === 'record' ? 'object' : String(issue.expected);
    return `${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected}`;
  }
  return 'valid';
}

/**
 * `findings[3].verification.status`. Report keys are only ever named by the schema here (the
 * one record, `detail`, accepts any value), but a segment that is not a plain name is still
 * not printed: it came from the report.
 */
function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const name = typeof segment === 'string' && /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(segment) ? segment : '?';
      return index === 0 ? name : `.${name}`;
    })
    .join('');
}

/** What sits at `path` in the parsed JSON, to tell a missing field from a wrong one. */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let here = value;
  for (const segment of path) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<PropertyKey, unknown>)[segment];
  }
  return here;
}

function describeIssues(issues: readonly z.core.$ZodIssue[], value: unknown): string {
  // The report itself, or its findings, is not even the right kind of thing: say so, not what else is wrong.
  if (issues.some((issue) => issue.path.length === 0 || (issue.path.length === 1 && issue.path[0] === 'findings'))) {
    return 'not a keywarden json report (no "findings" array)';
  }
  if (issues.some((issue) => issue.path[0] === 'version')) return 'not a keywarden json report of version 1';
  const problems = [
    ...new Set(issues.map((issue) => `${pathOf(issue.path)} is ${valueAt(value, issue.path) === undefined ? 'missing' : `not ${issue.message}`}`)),
  ];
  const more = problems.length - listedProblems;
  return [...problems.slice(0, listedProblems), ...(more > 0 ? [`and ${more} more problem${more === 1 ? '' : 's'}`] : [])].join('; ');
}

/**
 * Check a parsed json report (SPEC §3, version 1). Throws a plain Error whose message names
 * each wrong field by its path (`findings[0].secretHash is missing`) and never quotes a value.
 */
export function parseReport(value: unknown): Report {
  const parsed = reportSchema.safeParse(value, { error: expectedOf });
  if (parsed.success) return parsed.data;
  throw new Error(describeIssues(parsed.error.issues, value));
}
