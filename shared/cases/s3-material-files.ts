import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3Client } from '../aws/s3-client.ts';
import { getObjectBytes, headObject } from '../aws/s3-objects.ts';
import { bucketName } from '../platform/env.ts';
import type { MaterialObjects } from './ports.ts';

/**
 * The materials bucket on S3. Uploads go straight from the browser with a presigned PUT whose
 * signature covers the content type and length: S3 itself refuses another type or size. The
 * bucket's default encryption (SSE-KMS with the county's data key, set by the stack) encrypts each
 * object; no header is needed from the browser.
 */
export const s3MaterialObjects = (bucket?: string): MaterialObjects => {
  const B = () => bucket ?? bucketName('materials');
  return {
    presignPut: async (key, contentType, size, expiresIn) => {
      const url = await getSignedUrl(s3Client(), new PutObjectCommand({ Bucket: B(), Key: key, ContentType: contentType, ContentLength: size }), {
        expiresIn,
        signableHeaders: new Set(['content-type', 'content-length']),
      });
      return { url, headers: { 'Content-Type': contentType } };
    },
    presignGet: async (key, fileName, expiresIn) =>
      getSignedUrl(
        s3Client(),
        new GetObjectCommand({ Bucket: B(), Key: key, ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}` }),
        { expiresIn },
      ),
    head: async (key) => {
      const h = await headObject(B(), key);
      return h && { size: h.ContentLength ?? 0 };
    },
    get: (key) => getObjectBytes(B(), key),
    delete: async (key) => {
      await s3Client().send(new DeleteObjectCommand({ Bucket: B(), Key: key }));
    },
  };
};
