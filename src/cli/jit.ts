import { setFlagsFromString } from 'node:v8';

/**
 * Let V8's optimizing compiler take only code that stays hot: an interrupt budget of 1 MB of
 * bytecode instead of its default 66 KB. The compiler runs on helper threads, and in a run of a
 * second or two most of what it compiles pays back less than it costs: in `history` those threads
 * took ~0.45 CPU-s (a `perf` profile: TurboFan's phases) from two cores that git's two processes
 * need. Min of 4 interleaved runs on 2 cores: `history` 1.54 → 1.41 s on the bench's generated
 * repository and 1.83 → 1.63 s on expressjs/express, git/git unchanged within noise (22.2 → 21.5 s),
 * `logs` on 1 GB 0.77 → 0.70 s. A tree scan, whose compiler has the second core to itself, got
 * slower (0.83 → 0.92 s), so only `history` and `logs` ask for it.
 */
export function optimizeOnlyHotCode(): void {
  setFlagsFromString(hotCodeFlag);
}

export const hotCodeFlag = '--interrupt-budget=1000000';
