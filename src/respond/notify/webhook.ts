import { createHmac } from 'node:crypto';
import { UsageError } from '../../core/errors.js';
import { fetchClient } from '../../net/http.js';
import { refusal } from '../../net/pin.js';
import { createPinnedClient, type NetIO, type PinnedOutcome } from '../../net/pinned.js';
import type { RetryPolicy } from '../../net/retry.js';
import type { Channel, Delivery, Notice, NoticeFinding, OutgoingMessage } from './notice.js';
import { renderSlackText } from './slack-text.js';

/**
 * The `webhook` channel (SPEC §5.2): one JSON POST per run, `{ text, findings }`, where `text`
 * makes it a Slack or Mattermost incoming-webhook message and `findings` is the notice's
 * findings as the json report spells them (never `secret`: notify works from reports without it).
 *
 * With a secret, the request is signed so a receiver can tell it came from whoever holds the
 * secret and was not changed on the way:
 * - `X-Keywarden-Signature: sha256=<hex HMAC-SHA256 of the raw body bytes, keyed with the secret>`;
 * - `X-Keywarden-Timestamp: <Unix time in seconds when the message was signed>`; the same number
 *   is the body's `timestamp` field, so the signature covers it: a receiver that checks the
 *   signature, then that the two agree and that the time is recent, turns away a replay.
 *   Retries resend the same bytes (same timestamp, same signature).
 *
 * The webhook URL is a secret (Slack's and Mattermost's embed a token in the path): no message,
 * warning, error or delivery detail names it; they say "the webhook".
 */

export interface WebhookSettings {
  url: string;
  /** `KEYWARDEN_WEBHOOK_SECRET`: signs each message. */
  secret?: string;
  /** Per attempt, in ms. Default 10 s. */
  timeoutMs?: number;
  /** Retries on 429 and 5xx (Retry-After honoured). Default: net's policy, 3 attempts in all. */
  retry?: RetryPolicy;
}

/** What is POSTed. `timestamp` (Unix seconds) only when signed: then it equals `X-Keywarden-Timestamp`. */
export interface WebhookPayload {
  text: string;
  findings: readonly NoticeFinding[];
  timestamp?: number;
}

const defaultTimeoutMs = 10_000;

/** A receiver answers with a word or two; the cap keeps a misbehaving one from filling memory. */
const maxAnswerBytes = 64 * 1024;

/** Slack's error answers (`invalid_payload`, `no_service`): safe and useful to quote. Anything else is not quoted. */
const errorCode = /^[a-z][a-z_]{0,39}$/;

/** `sha256=<hex>`: the signature of `body` as a receiver recomputes it. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** The URL parsed and checked against the pin, or a usage error that does not quote it. */
function webhookUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError('the webhook URL is not a URL (give https://HOST/PATH)');
  }
  const refused = refusal(url, new Set([url.hostname.toLowerCase()]));
  if (refused) throw new UsageError(`the webhook URL is refused: ${refused}`);
  return url;
}

/**
 * Text that may come back from the network layer, with the URL and each longer part of it
 * taken out: a reason should never carry the token a webhook URL embeds.
 */
function withoutUrl(text: string, url: URL): string {
  const parts = [url.href, `${url.pathname}${url.search}`, ...`${url.pathname}/${url.search}`.split(/[/?&=]/).filter((part) => part.length >= 6)];
  return parts.filter((part) => part.length > 1).reduce((out, part) => out.split(part).join('…'), text);
}

export function webhookChannel(settings: WebhookSettings, io: NetIO = { http: fetchClient }): Channel {
  const url = webhookUrl(settings.url);
  let attempts = 0;
  const counted: NetIO = { ...io, http: (request, limits) => (attempts++, io.http(request, limits)) };
  const send = createPinnedClient(
    { allowedHosts: [url.hostname], timeoutMs: settings.timeoutMs ?? defaultTimeoutMs, maxBodyBytes: maxAnswerBytes, ...(settings.retry ? { retry: settings.retry } : {}) },
    counted,
  );
  const now = io.now ?? Date.now;

  /** The body as sent; signed with the time of signing when there is a secret. */
  const bodyOf = (notice: Notice, timestamp: number | undefined): string => {
    const payload: WebhookPayload = { text: renderSlackText(notice), findings: notice.findings, ...(timestamp !== undefined ? { timestamp } : {}) };
    return JSON.stringify(payload);
  };
  const timestampNow = () => (settings.secret !== undefined ? Math.floor(now() / 1000) : undefined);

  const describe = (outcome: PinnedOutcome, count: number): Delivery => {
    const after = attempts > 1 ? ` after ${attempts} attempts` : '';
    if (outcome.kind === 'refused') return failed(`the webhook URL is refused: ${withoutUrl(outcome.reason, url)}`);
    if (outcome.kind === 'failure') return failed(`the webhook could not be reached${after}: ${withoutUrl(outcome.message, url)}`);
    if (outcome.status >= 200 && outcome.status < 300) return { channel: 'webhook', outcome: 'sent', detail: `posted ${count} finding${count === 1 ? '' : 's'} to the webhook (HTTP ${outcome.status})` };
    const answer = outcome.body.trim();
    const said = errorCode.test(answer) ? `: ${answer}` : '';
    return failed(`the webhook answered HTTP ${outcome.status}${said}${after}`);
  };

  return {
    name: 'webhook',
    messages(notice: Notice): OutgoingMessage[] {
      if (notice.findings.length === 0) return [];
      return [{ channel: 'webhook', target: 'webhook', body: bodyOf(notice, timestampNow()) }];
    },
    async deliver(notice: Notice): Promise<Delivery[]> {
      if (notice.findings.length === 0) return [{ channel: 'webhook', outcome: 'skipped', detail: 'nothing to tell: no findings' }];
      const timestamp = timestampNow();
      const body = bodyOf(notice, timestamp);
      const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': `keywarden/${notice.toolVersion}` };
      if (settings.secret !== undefined && timestamp !== undefined) {
        headers['x-keywarden-signature'] = webhookSignature(settings.secret, body);
        headers['x-keywarden-timestamp'] = String(timestamp);
      }
      attempts = 0;
      const outcome = await send({ method: 'POST', url, headers, body });
      return [describe(outcome, notice.findings.length)];
    },
  };
}

const failed = (detail: string): Delivery => ({ channel: 'webhook', outcome: 'failed', detail });
