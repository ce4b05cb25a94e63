import { PutObjectCommand } from '@aws-sdk/client-s3';
import { s3Client } from '../aws/s3-client.ts';
import { getObjectBytes, listObjects } from '../aws/s3-objects.ts';
import { bucketName } from '../platform/env.ts';
import type { FeedStore } from './ports.ts';

/** FeedStore on the county's feed bucket (private, KMS, SSL only). */
export const s3FeedStore = (): FeedStore => ({
  put: async (key, body, contentType) => {
    await s3Client().send(new PutObjectCommand({ Bucket: bucketName('feed'), Key: key, Body: body, ContentType: contentType }));
  },
  get: (key) => getObjectBytes(bucketName('feed'), key),
  list: (prefix) => listObjects(bucketName('feed'), prefix),
});
