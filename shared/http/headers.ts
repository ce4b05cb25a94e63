import * as z from 'zod';

/**
 * Request headers a route reads, as zod schemas for the handler factory's `headers` part (keys in
 * lower case, as the factory hands them over). A bad header is a 400 naming the header, like any field.
 */
const idempotencyKeyValue = z.string({ error: '缺少 Idempotency-Key 请求头' }).trim().min(8, 'Idempotency-Key 至少 8 位').max(100, 'Idempotency-Key 过长');

/** A resend with the same key is the same action (intake, commission): required. */
export const idempotencyHeaders = z.object({ 'idempotency-key': idempotencyKeyValue });
/** The same, where an old client may still send none. */
export const optionalIdempotencyHeaders = z.object({ 'idempotency-key': idempotencyKeyValue.optional() });

const VERSION = 'If-Match 必须是版本号，例如 "3"';
/** `"3"` or `W/"3"` → 3: the version the editor started from. */
const versionTag = z
  .string()
  .max(40, 'If-Match 过长')
  .transform((s, ctx): number | undefined => {
    const tag = s.replace(/^W\//, '').replace(/"/g, '').trim();
    if (tag === '') return undefined;
    const n = Number(tag);
    if (Number.isInteger(n) && n >= 1) return n;
    ctx.addIssue({ code: 'custom', message: VERSION });
    return z.NEVER;
  });

/** Optimistic editing: `If-Match: "<n>"` = I edited version n; `If-None-Match: *` = create only. */
export const versionHeaders = z.object({
  'if-match': versionTag.optional(),
  'if-none-match': z.string().max(200, 'If-None-Match 过长').optional(),
});
