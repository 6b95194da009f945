import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { UsageError } from '../core/errors.js';
import { checkRuleSpec, type RuleProblem } from './compile.js';
import { revokeFlowProblems } from './revoke-schema.js';
import { ruleFileSchema, type LoadedRuleFile, type RuleSpec } from './schema.js';

import { builtinRulesDir } from './cache.js';

/**
 * Parse and validate one rule file's text. Returns the problems instead of throwing.
 * `builtin` is true only for keywarden's own `rules/`: a user's rule file may sit in the
 * repository being scanned, so it must not name where keys are sent (SPEC §5).
 */
export function parseRuleFile(file: string, text: string, builtin = false): { rules?: LoadedRuleFile; problems: RuleProblem[] } {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    const where = error instanceof YAMLParseError ? ` (line ${error.linePos?.[0]?.line ?? '?'})` : '';
    return { problems: [{ file, field: '(yaml)', message: `not valid YAML${where}: ${(error as Error).message.split('\n')[0]}` }] };
  }
  const parsed = ruleFileSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        file,
        field: issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(root)',
        message: issue.message,
      })),
    };
  }
  const problems = parsed.data.rules.flatMap((rule, index) => [...checkRuleSpec(file, index, rule), ...revokeProblems(file, index, rule, builtin)]);
  const baseUrl = parsed.data.baseUrl;
  if (!builtin && baseUrl && !baseUrl.env.endsWith('_BASE_URL')) {
    // Otherwise a rule could borrow any variable that holds a URL in CI (GITHUB_SERVER_URL…) as a destination.
    problems.push({ file, field: 'baseUrl.env', message: `must name a variable ending in _BASE_URL, which the user sets for this provider; not ${baseUrl.env}` });
  }
  if (!builtin && baseUrl?.selfHosted) {
    problems.push({
      file,
      field: 'baseUrl.selfHosted',
      message: 'only built-in rules may trust the host in their environment variable; list the hosts this provider may contact in hosts',
    });
  }
  if (!builtin && baseUrl?.default !== undefined) {
    problems.push({
      file,
      field: 'baseUrl.default',
      message: `only built-in rules may name a base URL (a rule file could come from the scanned repository); set ${baseUrl.env} in the environment instead`,
    });
  }
  return problems.length > 0 ? { problems } : { rules: { file, data: parsed.data, builtin }, problems };
}

/** A revoke flow's problems that need its rule (the live check it starts with) and where the file came from. */
function revokeProblems(file: string, index: number, rule: RuleSpec, builtin: boolean): RuleProblem[] {
  if (!rule.revoke) return [];
  const detailFields = rule.verify ? (rule.verify.detail?.fields ?? []) : undefined;
  return revokeFlowProblems(rule.revoke, detailFields, builtin).map(({ field, message }) => ({ file, field: `rules[${index}].${field}`, message }));
}

function ruleFilesIn(dir: string): string[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(`--rules ${dir}: not a directory`);
    names = readdirSync(dir);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read rules directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return names.filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => join(dir, name));
}

export function formatProblem(problem: RuleProblem): string {
  return `${problem.file}: ${problem.field}: ${problem.message}`;
}

/**
 * Load and validate the built-in rules plus every `--rules` directory.
 * Any malformed file, or a rule id defined twice, is a UsageError naming file and field.
 */
export function loadRuleFiles(extraDirs: readonly string[] = [], includeBuiltin = true): LoadedRuleFile[] {
  const extraFiles = extraDirs.map((dir) => {
    const files = ruleFilesIn(dir);
    if (files.length === 0) throw new UsageError(`no rule files (*.yaml) in ${dir}`);
    return files;
  });
  const builtinFiles = includeBuiltin ? ruleFilesIn(builtinRulesDir) : [];
  const files = [...builtinFiles, ...extraFiles.flat()];
  const loaded: LoadedRuleFile[] = [];
  const problems: RuleProblem[] = [];
  const seenIds = new Map<string, string>();
  for (const file of files) {
    const result = parseRuleFile(file, readFileSync(file, 'utf8'), builtinFiles.includes(file));
    problems.push(...result.problems);
    if (!result.rules) continue;
    result.rules.data.rules.forEach((rule, index) => {
      const other = seenIds.get(rule.id);
      if (other) problems.push({ file, field: `rules[${index}].id`, message: `'${rule.id}' is already defined in ${other}` });
      seenIds.set(rule.id, file);
    });
    loaded.push(result.rules);
  }
  if (problems.length > 0) throw new UsageError(`invalid rule file:\n${problems.map(formatProblem).join('\n')}`);
  return loaded;
}
