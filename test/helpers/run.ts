/** The run's tail driven directly, with the built-in rules and whatever suppressions and verifier a test gives. */
import type { Suppressions } from '../../src/detect/suppress.js';
import type { FailOn, RunConfig } from '../../src/run/config.js';
import type { Prepared } from '../../src/run/prepare.js';
import type { Source } from '../../src/run/source.js';
import { runTail, type RunResult, type TailOptions } from '../../src/run/tail.js';
import { compileRules } from '../../src/rules/compile.js';
import type { Verifier } from '../../src/verify/verifier.js';
import { builtin } from './engine.js';

export interface RunSetup {
  suppressions?: Suppressions;
  verifier?: Verifier;
  failOn?: FailOn;
  results?: RunConfig['results'];
}

/** What `prepare` would give, without reading a config, an ignore file or a baseline from disk. */
export function preparedWith(setup: RunSetup = {}): Prepared {
  const { ruleFiles } = builtin();
  const suppressions = setup.suppressions ?? {};
  return {
    config: { env: {}, ruleDirs: [], failOn: setup.failOn ?? 'any', ...(setup.results ? { results: setup.results } : {}), ...(setup.verifier ? { verify: {} } : {}) },
    file: { exclude: [], rules: [] },
    ruleFiles,
    rules: compileRules(ruleFiles),
    ignore: suppressions.ignore ?? { fingerprints: new Set(), pathPatterns: [] },
    suppressions,
    ...(setup.verifier ? { verifier: setup.verifier } : {}),
  };
}

/** Run a source through the tail, keeping its findings; `suppressed` as a field of its own, as the tests read it. */
export async function runThrough(source: Source, setup: RunSetup & Pick<TailOptions, 'clock' | 'onFinding' | 'onWarning'> & { keep?: boolean } = {}): Promise<RunResult & { suppressed: number }> {
  const { clock, onFinding, onWarning, keep, ...rest } = setup;
  const result = await runTail(source, preparedWith(rest), { keep: keep ?? true, ...(clock ? { clock } : {}), ...(onFinding ? { onFinding } : {}), ...(onWarning ? { onWarning } : {}) });
  return { ...result, suppressed: result.counts.suppressed };
}
