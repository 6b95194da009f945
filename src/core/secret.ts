/** Marks the one constructor call that takes an already redacted form (module-private). */
const redactedOnly = Symbol('redacted only');

/**
 * A leaked key, wrapped so it cannot reach a log, a report or an error by accident.
 * `String(secret)`, `JSON.stringify(secret)` and `util.inspect(secret)` all give the
 * redacted form; the raw value is only available through an explicit `reveal()`.
 */
export class Secret {
  readonly #raw: string;
  /** Redacted form: the rule's prefix plus at most four characters at each end of the body. */
  readonly redacted: string;
  /** False when only the redacted form is known (see `fromRedacted`). */
  readonly known: boolean;

  constructor(raw: string, prefix: string | typeof redactedOnly) {
    this.#raw = raw;
    this.known = prefix !== redactedOnly;
    this.redacted = prefix === redactedOnly ? raw : redact(raw, prefix);
  }

  /**
   * A key known only by its redacted form: a finding read back from a report that holds no
   * key, where the key could not be found again. `reveal()` gives the redacted form, so even
   * `--show-secrets` prints nothing usable; such a key must never be sent to a provider.
   */
  static fromRedacted(redacted: string): Secret {
    // The text comes from a file (a report) that may have been tampered with: anything but the
    // shape `redact` makes (a prefix, at most four characters, `…`, at most four) could be a raw
    // key or a terminal escape, and is replaced.
    return new Secret(redactedShape.test(redacted) ? redacted : '…', redactedOnly);
  }

  /** The raw key. Call only where the key must leave the process on purpose (`--show-secrets`, verification). */
  reveal(): string {
    return this.#raw;
  }

  toString(): string {
    return this.redacted;
  }

  toJSON(): string {
    return this.redacted;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Secret(${this.redacted})`;
  }
}

/** What `redact` can produce: a key prefix and at most four characters, `…`, at most four. */
const redactedShape = /^[A-Za-z0-9_-]{0,24}…[A-Za-z0-9_-]{0,4}$/;

/**
 * Mask a key: keep `prefix` and up to four characters at each end of the body, so a
 * person can tell two keys apart without the key being usable. Short bodies keep less,
 * so that at least half of the body is always hidden.
 */
export function redact(raw: string, prefix: string): string {
  const body = raw.startsWith(prefix) ? raw.slice(prefix.length) : raw;
  const head = raw.startsWith(prefix) ? prefix : '';
  const keep = Math.min(4, Math.floor(body.length / 4));
  if (keep === 0) return `${head}…`;
  return `${head}${body.slice(0, keep)}…${body.slice(-keep)}`;
}
