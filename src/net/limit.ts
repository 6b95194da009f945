/** Runs a task when a slot is free; the answer is the task's. */
export type TaskLimit = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * At most `concurrency` tasks at once; the rest wait in arrival order. A finishing task
 * hands its slot straight to the next waiter, so a newcomer cannot slip in between.
 * Small enough to keep here rather than add a package for it.
 */
export function concurrencyLimit(concurrency: number): TaskLimit {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
