/**
 * The JSON logs of `serve` (SPEC §6): one object a line, `{ at, level, event, ... }`. Fields are
 * hashes, outcomes and counts, never a token; and each line passes through `redact` (the rules'
 * own masking) before it is written, so a key that slipped into a field (an error text quoting
 * a provider) is masked all the same.
 */

export type LogLevel = 'info' | 'warn' | 'error';

export type Logger = (level: LogLevel, event: string, fields?: Record<string, unknown>) => void;

export function jsonLogger(write: (line: string) => void, redact: (text: string) => string, now: () => Date = () => new Date()): Logger {
  return (level, event, fields = {}) => {
    write(`${redact(JSON.stringify({ at: now().toISOString(), level, event, ...fields }))}\n`);
  };
}
