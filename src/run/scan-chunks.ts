import type { Chunk } from '../core/types.js';
import type { Source } from './source.js';

export interface ChunkSourceOptions {
  /**
   * Keep only the first finding of each fingerprint (path, rule, key): with chunks in commit
   * order, oldest first, that is the commit that introduced the key.
   */
  firstPerFingerprint?: boolean;
}

/**
 * Text a source has already cut into chunks (the staged lines, the lines a range of commits
 * added), handed to the tail to detect in. `chunksOf` gets the path filter of ignore files
 * and config excludes, so excluded paths are never read. `stats.files` counts distinct paths.
 */
export function chunkSource(chunksOf: (excluded: (path: string) => boolean) => AsyncIterable<Chunk>, options: ChunkSourceOptions = {}): Source {
  return {
    ...(options.firstPerFingerprint ? { once: 'fingerprint' as const } : {}),
    async read(context, emit) {
      const paths = new Set<string>();
      for await (const chunk of chunksOf(context.excluded)) {
        const newPath = !paths.has(chunk.origin.path);
        if (newPath) paths.add(chunk.origin.path);
        await emit({ kind: 'read', files: newPath ? 1 : 0, bytes: chunk.data.byteLength });
        await emit({ kind: 'chunk', chunk });
      }
    },
  };
}
