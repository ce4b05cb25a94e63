import { DeleteObjectCommand, ListObjectVersionsCommand } from '@aws-sdk/client-s3';
import { s3Client } from '../aws/s3-client.ts';
import { getObjectBytes, headObject, putOnce } from '../aws/s3-objects.ts';
import { bucketName } from '../platform/env.ts';
import type { ArchivePackages } from './ports.ts';

/**
 * The archive bucket on S3 (versioned, Object Lock): each package is written once with its own
 * compliance lock until its retain-until date, encrypted by the bucket's default key. A delete
 * of a locked version is refused by S3 itself, whatever the caller's grants. The local emulator
 * has neither versions nor locks: there `lock` reports none and the security check says so.
 */
export const s3ArchivePackages = (bucket?: string): ArchivePackages => {
  const B = () => bucket ?? bucketName('archive');
  const head = (key: string) => headObject(B(), key);
  return {
    put: async (key, zip, lockUntil) => {
      // never overwrite: the first package under a key stays (If-None-Match guards the race on S3)
      if (await head(key)) return;
      await putOnce({
        Bucket: B(),
        Key: key,
        Body: zip,
        ContentType: 'application/zip',
        ChecksumAlgorithm: 'SHA256',
        ObjectLockMode: 'COMPLIANCE',
        ObjectLockRetainUntilDate: new Date(`${lockUntil}T00:00:00Z`),
      });
    },
    get: (key) => getObjectBytes(B(), key),
    lock: async (key) => {
      const h = await head(key);
      if (!h) return undefined;
      return {
        ...(h.ObjectLockMode ? { mode: h.ObjectLockMode } : {}),
        ...(h.ObjectLockRetainUntilDate ? { until: h.ObjectLockRetainUntilDate.toISOString() } : {}),
        encrypted: Boolean(h.ServerSideEncryption),
      };
    },
    destroy: async (key) => {
      const listed = await s3Client().send(new ListObjectVersionsCommand({ Bucket: B(), Prefix: key }));
      const versions = [...(listed.Versions ?? []), ...(listed.DeleteMarkers ?? [])].filter((v) => v.Key === key && v.VersionId);
      // a bucket without versions (the local emulator): the object itself
      if (!versions.length) await s3Client().send(new DeleteObjectCommand({ Bucket: B(), Key: key }));
      for (const v of versions) await s3Client().send(new DeleteObjectCommand({ Bucket: B(), Key: key, VersionId: v.VersionId }));
    },
  };
};
