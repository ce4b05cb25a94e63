import { S3Client } from '@aws-sdk/client-s3';
import { endpoint } from './endpoint.ts';

let s3: S3Client | undefined;

// fauxqs serves S3 by path (bucket in the path, not the host name) locally
export const s3Client = (): S3Client => (s3 ??= new S3Client({ ...endpoint('S3'), forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3) }));

export const resetS3 = (): void => {
  s3 = undefined;
};
