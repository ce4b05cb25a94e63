import type { Channel } from './ports.ts';
import { robotRefused, webhookBody, webhookChannelId, type WebhookTarget } from './webhooks.ts';

/** A webhook as a delivery channel: one POST, 10 s at most; a refusal or an error fails the delivery (it is retried). */
export const webhookChannel = (t: WebhookTarget, timeoutMs = 10_000): Channel => ({
  id: webhookChannelId(t),
  send: async (n) => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(webhookBody(t.format, n)),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`webhook ${webhookChannelId(t)} answered ${res.status}`);
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    const refused = robotRefused(t.format, body);
    if (refused) throw new Error(`webhook ${webhookChannelId(t)} refused the message (${refused})`);
  },
});
