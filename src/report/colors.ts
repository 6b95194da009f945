import pc from 'picocolors';

/** The one adapter for picocolors: colour functions that are no-ops when colour is off. */
export type Colors = ReturnType<typeof pc.createColors>;

export function colors(enabled: boolean): Colors {
  return pc.createColors(enabled);
}

/**
 * Colour only for people: a terminal, not `NO_COLOR`, not `--no-color`, not a file;
 * `FORCE_COLOR` forces it (for CI logs that render ANSI).
 */
export function shouldColor(env: NodeJS.ProcessEnv, isTTY: boolean, requested = true): boolean {
  if (!requested) return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '' && env['FORCE_COLOR'] !== '0') return true;
  return isTTY && env['TERM'] !== 'dumb';
}
