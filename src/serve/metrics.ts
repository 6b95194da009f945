import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * `GET /metrics` (SPEC §6) in Prometheus' text format, through prom-client (the client the
 * Prometheus project lists for node): the one file that imports it. Labels are outcomes and
 * names, never a token or its hash (one series per token would be a leak and a cardinality bomb).
 */

export interface ServeMetrics {
  /** An alert request and what was answered (`accepted`, `unauthorized`, `bad_request`, `too_large`, …). */
  alert(outcome: string): void;
  /** A token checked: its verification and, with --revoke, its revocation. */
  token(verification: string): void;
  revocation(outcome: string): void;
  error(kind: string): void;
  /** Seconds from the request's start to its answer. */
  answered(seconds: number): void;
  /** The text to serve, and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

export function createMetrics(openTokens: () => number): ServeMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'keywarden_serve_' });
  const alerts = new Counter({ name: 'keywarden_serve_alerts_total', help: 'Alert requests, by answer', labelNames: ['outcome'], registers: [registry] });
  const tokens = new Counter({ name: 'keywarden_serve_tokens_total', help: 'Tokens checked, by live-check outcome', labelNames: ['outcome'], registers: [registry] });
  const revocations = new Counter({ name: 'keywarden_serve_revocations_total', help: 'Revocations, by outcome', labelNames: ['outcome'], registers: [registry] });
  const errors = new Counter({ name: 'keywarden_serve_errors_total', help: 'Errors, by kind', labelNames: ['kind'], registers: [registry] });
  const latency = new Histogram({
    name: 'keywarden_serve_answer_seconds',
    help: 'Time from an alert request to its answer',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30],
    registers: [registry],
  });
  new Gauge({
    name: 'keywarden_serve_open_tokens',
    help: 'Tokens accepted and not done yet',
    registers: [registry],
    collect() {
      this.set(openTokens());
    },
  });
  return {
    alert: (outcome) => alerts.inc({ outcome }),
    token: (outcome) => tokens.inc({ outcome }),
    revocation: (outcome) => revocations.inc({ outcome }),
    error: (kind) => errors.inc({ kind }),
    answered: (seconds) => latency.observe(seconds),
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}
