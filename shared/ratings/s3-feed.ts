import { GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { bucketName } from '../platform/env.ts';
import type { FeedFile, FeedStore } from './ports.ts';

/**
 * FeedStore on the county's feed bucket (private, KMS, SSL only). Locally fauxqs serves S3 at
 * AWS_ENDPOINT_URL_S3 with path-style addressing; the client follows that variable, as tests
 * re-point it.
 */
let cached: { endpoint: string | undefined; client: S3Client } | undefined;
const s3 = (): S3Client => {
  const endpoint = process.env.AWS_ENDPOINT_URL_S3;
  if (!cached || cached.endpoint !== endpoint) cached = { endpoint, client: new S3Client(endpoint ? { endpoint, forcePathStyle: true } : {}) };
  return cached.client;
};

export const s3FeedStore = (): FeedStore => ({
  put: async (key, body, contentType) => {
    await s3().send(new PutObjectCommand({ Bucket: bucketName('feed'), Key: key, Body: body, ContentType: contentType }));
  },
  get: async (key) => {
    try {
      const r = await s3().send(new GetObjectCommand({ Bucket: bucketName('feed'), Key: key }));
      return r.Body ? await r.Body.transformToByteArray() : undefined;
    } catch (e) {
      if (e instanceof NoSuchKey || (e as Error).name === 'NoSuchKey') return undefined;
      throw e;
    }
  },
  list: async (prefix) => {
    const out: FeedFile[] = [];
    let token: string | undefined;
    do {
      const r = await s3().send(new ListObjectsV2Command({ Bucket: bucketName('feed'), Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }));
      for (const o of r.Contents ?? []) out.push({ key: o.Key!, size: o.Size ?? 0, lastModified: (o.LastModified ?? new Date(0)).toISOString() });
      token = r.IsTruncated ? r.NextContinuationToken : undefined;
    } while (token);
    // S3 lists in UTF-8 byte order; the local emulator in locale order: sorted here, by code unit, to be the same on both
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  },
});
