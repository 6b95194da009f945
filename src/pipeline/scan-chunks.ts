import type { Chunk, CompiledRule, Finding, ScanResult, ScanWarning } from '../core/types.js';
import { createEngine, detectKeys, type Engine } from '../detect/detect.js';
import { toFinding, toWire } from '../detect/finding.js';
import { applySuppressions, type Suppressions } from '../detect/suppress.js';

/**
 * Scanning text that is already in memory (staged lines, history blobs, log windows):
 * detect, wrap into Findings, suppress. The sources produce the chunks; this does not read.
 */
export class ChunkScanner {
  readonly #engine: Engine;
  readonly findings: Finding[] = [];
  readonly warnings: ScanWarning[] = [];
  files = 0;
  bytes = 0;

  constructor(rules: CompiledRule[]) {
    this.#engine = createEngine(rules);
  }

  /** Findings in one chunk; also kept for `result()`. */
  scan(chunk: Chunk): Finding[] {
    const data = Buffer.isBuffer(chunk.data) ? chunk.data : Buffer.from(chunk.data.buffer, chunk.data.byteOffset, chunk.data.byteLength);
    this.bytes += data.length;
    const found = detectKeys(data, this.#engine, { startLine: chunk.startLine }).map((match) => toFinding(toWire(match, chunk.origin), match.rule));
    this.findings.push(...found);
    return found;
  }

  result(suppressions: Suppressions, durationMs: number): ScanResult & { suppressed: number } {
    const { kept, suppressed } = applySuppressions(this.findings, suppressions);
    return { findings: kept, warnings: this.warnings, suppressed, stats: { files: this.files, bytes: this.bytes, durationMs } };
  }
}
