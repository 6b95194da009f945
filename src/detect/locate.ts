import { utf16Length } from '../core/text.js';

/**
 * Turns byte offsets into 1-based line and column numbers. Columns count UTF-16 code
 * units (SARIF's default `columnKind`), so they agree with editors and GitHub.
 * Offsets are asked for in increasing order; counting newlines resumes where it stopped.
 */
export class LineLocator {
  #line: number;
  #countedTo = 0;
  readonly #data: Buffer;
  readonly #startLine: number;
  readonly #firstLineColumnOffset: number;

  /**
   * @param startLine 1-based line of `data[0]`.
   * @param firstLineColumnOffset UTF-16 units of `data[0]`'s line that lie before `data` (streamed windows).
   */
  constructor(data: Buffer, startLine: number, firstLineColumnOffset = 0) {
    this.#data = data;
    this.#startLine = startLine;
    this.#line = startLine;
    this.#firstLineColumnOffset = firstLineColumnOffset;
  }

  lineAt(offset: number): number {
    if (offset < this.#countedTo) {
      this.#line = this.#startLine;
      this.#countedTo = 0;
    }
    const data = this.#data;
    for (let nl = data.indexOf(10, this.#countedTo); nl !== -1 && nl < offset; nl = data.indexOf(10, nl + 1)) {
      this.#line++;
    }
    this.#countedTo = offset;
    return this.#line;
  }

  /** Byte offset where the line holding `offset` starts (0 when it started before `data`). */
  lineStart(offset: number): number {
    return offset === 0 ? 0 : this.#data.lastIndexOf(10, offset - 1) + 1;
  }

  /** Byte offset of the newline ending the line holding `offset` (or the end of `data`). */
  lineEnd(offset: number): number {
    const end = this.#data.indexOf(10, offset);
    return end === -1 ? this.#data.length : end;
  }

  /** 1-based column of the byte at `offset`. */
  columnAt(offset: number): number {
    const start = this.lineStart(offset);
    return this.utf16Length(start, offset) + 1 + (start === 0 ? this.#firstLineColumnOffset : 0);
  }

  /** UTF-16 units of the UTF-8 bytes in [start, end). */
  utf16Length(start: number, end: number): number {
    return utf16Length(this.#data, start, end);
  }
}

