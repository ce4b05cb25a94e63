import { getObjectBytes, listObjects, putOnce } from '../aws/s3-objects.ts';
import { requireVar, runtimeConfig } from '../platform/runtime-config.ts';
import type { AuditArchive } from './ports.ts';

/** The archive bucket (S3 Object Lock, compliance mode, set on the bucket by the stack). */
export const s3AuditArchive = (bucket?: string): AuditArchive => {
  const B = () => bucket ?? requireVar(runtimeConfig().auditArchiveBucket, 'BUCKET_AUDIT_ARCHIVE');
  return {
    put: async (key, body) => {
      // write once: a redelivered stream record never writes a second version of an event
      await putOnce({ Bucket: B(), Key: key, Body: body, ContentType: 'application/json' });
    },
    list: async (prefix) => (await listObjects(B(), prefix)).map((o) => o.key),
    get: async (key) => {
      const bytes = await getObjectBytes(B(), key);
      return bytes && Buffer.from(bytes).toString('utf8');
    },
  };
};
