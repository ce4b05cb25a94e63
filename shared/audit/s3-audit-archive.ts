import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3Client } from '../aws/s3-client.ts';
import { requireVar, runtimeConfig } from '../platform/runtime-config.ts';
import type { AuditArchive } from './ports.ts';

/** The archive bucket (S3 Object Lock, compliance mode, set on the bucket by the stack). */
export const s3AuditArchive = (bucket?: string): AuditArchive => {
  const B = () => bucket ?? requireVar(runtimeConfig().auditArchiveBucket, 'BUCKET_AUDIT_ARCHIVE');
  return {
    put: async (key, body) => {
      // If-None-Match: a redelivered stream record never writes a second version of an event
      await s3Client()
        .send(new PutObjectCommand({ Bucket: B(), Key: key, Body: body, ContentType: 'application/json', IfNoneMatch: '*' }))
        .catch((e: Error & { $metadata?: { httpStatusCode?: number } }) => {
          if (e.$metadata?.httpStatusCode !== 412) throw e;
        });
    },
    list: async (prefix) => {
      const out: string[] = [];
      let token: string | undefined;
      do {
        const r = await s3Client().send(new ListObjectsV2Command({ Bucket: B(), Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }));
        out.push(...(r.Contents ?? []).map((c) => c.Key!));
        token = r.IsTruncated ? r.NextContinuationToken : undefined;
      } while (token);
      return out;
    },
    get: async (key) => {
      try {
        const r = await s3Client().send(new GetObjectCommand({ Bucket: B(), Key: key }));
        return await r.Body!.transformToString();
      } catch (e) {
        if ((e as Error).name === 'NoSuchKey') return undefined;
        throw e;
      }
    },
  };
};
