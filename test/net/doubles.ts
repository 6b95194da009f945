/**
 * Test doubles for HTTP: wrappers for a stand-in's handler that measure what a client does
 * (when it asks, how many at once), and a transport that sends nothing.
 */
import { performance } from 'node:perf_hooks';
import type { HttpClient } from '../../src/net/http.js';
import type { Handler } from '../helpers/providers.js';

/** A handler that also notes when each request arrived (server side, ms). */
export function timed(handler: Handler): { handler: Handler; arrivals: number[]; gaps: () => number[] } {
  const arrivals: number[] = [];
  return {
    arrivals,
    handler: (request, server) => {
      arrivals.push(performance.now());
      return handler(request, server);
    },
    gaps: () => arrivals.slice(1).map((at, i) => at - (arrivals[i] as number)),
  };
}

/** A handler that counts how many requests it is answering at once, holding each for `holdMs`. */
export function inFlight(handler: Handler, holdMs: number): { handler: Handler; max: () => number } {
  let now = 0;
  let max = 0;
  return {
    max: () => max,
    handler: async (request, server) => {
      now++;
      max = Math.max(max, now);
      await new Promise((resolve) => setTimeout(resolve, holdMs));
      now--;
      return handler(request, server);
    },
  };
}

/** An HttpClient that only records: for checks that must fail before anything is sent. */
export function recordingClient(): { http: HttpClient; calls: URL[] } {
  const calls: URL[] = [];
  return {
    calls,
    http: (request) => {
      calls.push(request.url);
      return Promise.resolve({ kind: 'failure', message: 'recording client: nothing sent' });
    },
  };
}
