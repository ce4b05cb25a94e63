import type { Credentials, SendResult, TextChannel } from './ports.ts';

/**
 * The county's own 政务短信平台, as a JSON webhook: one POST per text with an Idempotency-Key
 * (case + notice), so the platform can drop a repeat; a bearer token from the credentials.
 * 2xx: sent (its `id` kept for receipts); 4xx: refused; anything else: retried.
 */
export const webhookChannel = (opts: { url: string; credentials: Credentials; timeoutMs?: number }): TextChannel => ({
  send: async (t): Promise<SendResult> => {
    const c = await opts.credentials.get();
    const res = await fetch(opts.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': t.key, ...(c.token ? { authorization: `Bearer ${c.token}` } : {}) },
      body: JSON.stringify({
        id: t.key,
        event: t.event,
        phone: t.phone,
        text: t.text,
        signName: t.signName,
        templateCode: t.templateCode,
        vars: t.vars,
        caseNumber: t.caseNumber,
      }),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    const body = (await res.json().catch(() => ({}))) as { id?: string; message?: string };
    if (res.ok) return { outcome: 'sent', providerId: body.id ?? t.key };
    const reason = `HTTP ${res.status}${body.message ? ` ${body.message}` : ''}`;
    return res.status >= 400 && res.status < 500 && res.status !== 429 ? { outcome: 'refused', reason } : { outcome: 'retry', reason };
  },
});
