import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { UsageError } from '../core/errors.js';

/**
 * `--config FILE`: settings a team keeps in its repository. Deliberately narrow: nothing
 * here names a URL. Its `rules` directories are rule files like `--rules` ones, which may
 * list hosts but never a base URL: that comes from a `*_BASE_URL` environment variable only
 * (see `parseRuleFile`), so a scanned repository cannot send keys elsewhere (SPEC §5).
 * Flags given on the command line win.
 */
const configSchema = z
  .object({
    /** gitignore-style patterns of paths not to scan. */
    exclude: z.array(z.string()).default([]),
    /** Extra rule directories, relative to the config file. */
    rules: z.array(z.string()).default([]),
    maxFileSize: z.union([z.string(), z.number().int().positive()]).optional(),
    gitignore: z.boolean().optional(),
  })
  .strict();

export type FileConfig = z.infer<typeof configSchema>;

export function loadConfig(file: string): FileConfig {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8')) ?? {};
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message.split('\n')[0];
    throw new UsageError(`--config ${file}: ${reason}`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--config ${file}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const base = dirname(resolve(file));
  return { ...parsed.data, rules: parsed.data.rules.map((dir) => resolve(base, dir)) };
}
