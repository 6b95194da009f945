/** Marks the one constructor call that takes an already redacted form (module-private). */
const redactedOnly = Symbol('redacted only');

/**
 * A leaked key, wrapped so it cannot reach a log, a report or an error by accident.
 * `String(secret)`, `JSON.stringify(secret)` and `util.inspect(secret)` all give the
 * redacted form; the raw value is only available through an explicit `reveal()`.
 */
export class Secret {
  readonly #raw: string;
  readonly #prefix: string;
  /** Redacted form: the rule's prefix plus at most four characters at each end of the body. */
  readonly redacted: string;
  /** False when only the redacted form is known (see `fromRedacted`). */
  readonly known: boolean;

  constructor(raw: string, prefix: string | typeof redactedOnly) {
    this.#raw = raw;
    this.#prefix = prefix === redactedOnly ? '' : prefix;
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

  /**
   * `text` (a provider's answer, say) with this key replaced by its redacted form in every shape
   * it may be echoed in: as it is or in another case, without its prefix, and base64-encoded
   * (standard or URL-safe, at any alignment, so inside `base64("user:" + key)` too).
   */
  maskIn(text: string): string {
    if (!this.known) return text;
    const body = this.#raw.startsWith(this.#prefix) ? this.#raw.slice(this.#prefix.length) : this.#raw;
    const plain = [this.#raw, body].filter((form, index) => index === 0 || (form !== this.#raw && form.length >= minEchoedLength));
    let masked = text;
    for (const form of plain) masked = masked.replace(new RegExp(form.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'), 'gi'), this.redacted);
    for (const form of plain.flatMap(base64Shapes)) masked = masked.replaceAll(form, this.redacted);
    return masked;
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

/** A body shorter than this is not looked for on its own: it could be an ordinary word. */
const minEchoedLength = 8;

/**
 * The base64 characters that encode `text` wherever it starts in the encoded bytes (three
 * alignments), each only as far as its characters are decided by `text` alone; standard and URL-safe.
 */
function base64Shapes(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8');
  const shapes = [0, 1, 2].map((shift) => {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    // Characters carry six bits each: skip those that mix in the shift's bytes or what follows `text`.
    return encoded.slice(Math.ceil((shift * 8) / 6), Math.floor(((shift + bytes.length) * 8) / 6));
  });
  const urlSafe = shapes.map((shape) => shape.replace(/\+/g, '-').replace(/\//g, '_'));
  return [...new Set([...shapes, ...urlSafe])].filter((shape) => shape.length >= minEchoedLength);
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
