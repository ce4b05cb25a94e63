/**
 * S3 buckets of one county, as data shared by the CDK stack (infra/stacks/data-stack.ts) and the
 * local platform (fauxqs S3). Private, encrypted, SSL only, RETAIN.
 */
export type BucketId = 'feed' | 'materials' | 'archive';

export interface BucketDef {
  readonly id: BucketId;
  readonly envVar: string;
  /** Browsers upload into it with presigned PUTs: CORS for the county's web origin (PUT, Content-Type). */
  readonly browserUpload?: true;
  /** S3 Object Lock in compliance mode: each object carries its own retain-until date, set by the writer. */
  readonly objectLock?: true;
}

export const BUCKETS: readonly BucketDef[] = [
  // 好差评 provincial feed: the daily export of cases and ratings (JSON lines and Excel)
  { id: 'feed', envVar: 'BUCKET_FEED' },
  // materials as files (shared/cases/materials.ts): scans and photos, SSE-KMS with the county's data key
  { id: 'materials', envVar: 'BUCKET_MATERIALS', browserUpload: true },
  // the electronic archive (shared/archive): one package per case, locked until its retention ends
  { id: 'archive', envVar: 'BUCKET_ARCHIVE', objectLock: true },
];
