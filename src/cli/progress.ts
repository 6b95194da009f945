import type { RemoteAuditProgress } from '../run/remote-audit.js';

/**
 * A one-line progress bar on stderr, for people at a terminal only: silent when stderr
 * is not a TTY (CI logs, pipes) or with --quiet. Redrawn at most ten times a second.
 */
export function progressBar(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): { update: (done: number, total: number, detail?: string) => void; done: () => void } {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  let last = 0;
  let drawn = false;
  return {
    update(done, total, detail) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 30;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${detail ? ` ${detail}` : ''}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}

/** `45s`, `3m 20s`, `2h 05m`: a remaining time as people read it. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/**
 * The time an audit has left, from the time each repository took so far in this run (those an
 * earlier run finished, `resumed`, took none and are not counted); undefined until one is done.
 */
export function auditEta(progress: { done: number; total: number; resumed: number; elapsedMs: number }): number | undefined {
  const worked = progress.done - progress.resumed;
  if (worked <= 0 || progress.done >= progress.total) return undefined;
  return (progress.elapsedMs / worked) * (progress.total - progress.done);
}

/**
 * What the audit's bar says after `done/total`: the current repository and its step, with git's
 * clone progress or the blobs scanned, and the time left. Undefined once all are done.
 */
export function auditProgressText(progress: RemoteAuditProgress, etaMs: number | undefined): string | undefined {
  if (progress.step === 'done') return undefined;
  const { transfer, scan } = progress;
  const step =
    progress.step === 'mirroring' && transfer
      ? `mirroring (${transfer.stage} ${transfer.percent}%)`
      : progress.step === 'scanning' && scan && scan.total > 0
        ? `scanning (${scan.done}/${scan.total} blobs)`
        : progress.step;
  return `${progress.repository}: ${step}${etaMs === undefined ? '' : `, ~${formatDuration(etaMs)} left`}`;
}

/** The audit's progress handler over a bar: repositories done of all, the current one's step, the time left. */
export function auditProgress(bar: ReturnType<typeof progressBar>, clock: () => number = Date.now): (progress: RemoteAuditProgress) => void {
  const started = clock();
  let resumed = 0;
  return (progress) => {
    if (progress.step === 'resumed') resumed++;
    const eta = auditEta({ done: progress.done, total: progress.total, resumed, elapsedMs: clock() - started });
    bar.update(progress.done, progress.total, auditProgressText(progress, eta));
  };
}
