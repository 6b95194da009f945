import { setFlagsFromString } from 'node:v8';

/**
 * Let V8's optimizing compiler take only code that stays hot: an interrupt budget of 1 MB of
 * bytecode instead of its default 66 KB. The compiler runs on helper threads, and in a run of a
 * second or two most of what it compiles pays back less than it costs: in `history` those threads
 * took ~0.45 CPU-s (TurboFan's phases, by `perf`) from the two cores git's two processes need.
 * `history` and `logs` ask for it; a tree scan, whose compiler has the second core to itself, got
 * slower with it. Figures: docs/DESIGN.md, "V8's optimizing compiler in runs of a second or two".
 */
export function optimizeOnlyHotCode(): void {
  setFlagsFromString(hotCodeFlag);
}

export const hotCodeFlag = '--interrupt-budget=1000000';
