/**
 * The one encoding of a page cursor handed to clients: JSON, base64url, opaque. Free of the SDK,
 * so a use case that pages across several port calls (supervision's county list) encodes its
 * places the same way the adapters encode a last evaluated key.
 */
export const encodeCursor = (value: object | undefined): string | undefined => (value ? Buffer.from(JSON.stringify(value)).toString('base64url') : undefined);

/** A mangled cursor starts from the top (undefined), never a 5xx. */
export const decodeCursor = (cursor: string | undefined): Record<string, unknown> | undefined => {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};
