import type { Chunk, CompiledRule, Finding, ScanResult } from '../core/types.js';
import { createEngine, detectKeys } from '../detect/detect.js';
import { toFinding, toWire } from '../detect/finding.js';
import { applySuppressions, type Suppressions } from '../detect/suppress.js';

export interface ChunkScan {
  rules: CompiledRule[];
  suppressions: Suppressions;
  /**
   * Keep only the first finding of each fingerprint (path, rule, key): with chunks in
   * commit order, oldest first, that is the commit that introduced the key.
   */
  firstPerFingerprint?: boolean;
  clock?: () => number;
}

/**
 * Scan text that a source has already cut into chunks (staged lines, the lines a range of
 * commits added): detect, wrap into Findings, suppress. `stats.files` counts distinct paths.
 */
export async function scanChunks(chunks: AsyncIterable<Chunk>, request: ChunkScan): Promise<ScanResult & { suppressed: number }> {
  const clock = request.clock ?? (() => performance.now());
  const started = clock();
  const engine = createEngine(request.rules);
  const paths = new Set<string>();
  let bytes = 0;
  let findings: Finding[] = [];
  for await (const chunk of chunks) {
    const data = Buffer.isBuffer(chunk.data) ? chunk.data : Buffer.from(chunk.data.buffer, chunk.data.byteOffset, chunk.data.byteLength);
    paths.add(chunk.origin.path);
    bytes += data.length;
    for (const match of detectKeys(data, engine, { startLine: chunk.startLine })) findings.push(toFinding(toWire(match, chunk.origin), match.rule));
  }
  if (request.firstPerFingerprint) {
    const seen = new Set<string>();
    findings = findings.filter((finding) => !seen.has(finding.fingerprint) && seen.add(finding.fingerprint));
  }
  const { kept, suppressed } = applySuppressions(findings, request.suppressions);
  return { findings: kept, warnings: [], suppressed, stats: { files: paths.size, bytes, durationMs: Math.round(clock() - started) } };
}
