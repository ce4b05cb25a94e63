import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type HeadObjectCommandOutput,
  type PutObjectCommandInput,
} from '@aws-sdk/client-s3';
import { s3Client } from './s3-client.ts';

/**
 * The one S3 toolkit every bucket adapter uses (materials, archive packages, the audit's locked
 * copy, the provincial feed): read an object or learn it is absent, write once, list a prefix.
 */

/** S3 answers a missing object as NoSuchKey (GET) or NotFound (HEAD); both are 404. */
export const isMissing = (e: unknown): boolean => {
  const x = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return x.name === 'NotFound' || x.name === 'NoSuchKey' || x.$metadata?.httpStatusCode === 404;
};

const orAbsent = async <T>(read: () => Promise<T>): Promise<T | undefined> => {
  try {
    return await read();
  } catch (e) {
    if (isMissing(e)) return undefined;
    throw e;
  }
};

/** An object's bytes, or undefined when there is none. */
export const getObjectBytes = (bucket: string, key: string): Promise<Uint8Array | undefined> =>
  orAbsent(async () => {
    const r = await s3Client().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return r.Body ? await r.Body.transformToByteArray() : undefined;
  });

/** An object's head (size, lock, encryption), or undefined when there is none. */
export const headObject = (bucket: string, key: string): Promise<HeadObjectCommandOutput | undefined> =>
  orAbsent(() => s3Client().send(new HeadObjectCommand({ Bucket: bucket, Key: key })));

/** Writes an object unless one is there already (If-None-Match: a redelivery never writes a second version); false when it was. */
export const putOnce = async (input: Omit<PutObjectCommandInput, 'IfNoneMatch'>): Promise<boolean> => {
  try {
    await s3Client().send(new PutObjectCommand({ ...input, IfNoneMatch: '*' }));
    return true;
  } catch (e) {
    if ((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 412) return false;
    throw e;
  }
};

export interface ListedObject {
  key: string;
  size: number;
  lastModified: string;
}

/**
 * Every object under a prefix, all pages, in code-unit order of their keys: S3 lists in UTF-8 byte
 * order, the local emulator in locale order, so the order is made here to be the same on both.
 */
export const listObjects = async (bucket: string, prefix: string): Promise<ListedObject[]> => {
  const out: ListedObject[] = [];
  let token: string | undefined;
  do {
    const r = await s3Client().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }));
    for (const o of r.Contents ?? []) out.push({ key: o.Key!, size: o.Size ?? 0, lastModified: (o.LastModified ?? new Date(0)).toISOString() });
    token = r.IsTruncated ? r.NextContinuationToken : undefined;
  } while (token);
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
};
