import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { parseBaseline, parseIgnoreFile, type Baseline, type IgnoreList } from '../detect/suppress.js';

/** `.keywardenignore` at the scanned root; absent is empty. */
export function readIgnoreList(root: string): IgnoreList {
  try {
    return parseIgnoreFile(readFileSync(join(root, '.keywardenignore'), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { fingerprints: new Set(), pathPatterns: [] };
    throw new UsageError(`cannot read ${join(root, '.keywardenignore')}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** `--baseline FILE`: a previous json report. */
export function readBaseline(file: string): Baseline {
  let report: unknown;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    // JSON.parse quotes the text around the error, which could be part of a key: say only what went wrong.
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`--baseline ${file}: ${code ?? 'not valid JSON'}`);
  }
  try {
    return parseBaseline(report);
  } catch (error) {
    throw new UsageError(`--baseline ${file}: ${(error as Error).message}`);
  }
}

