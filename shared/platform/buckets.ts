/**
 * S3 buckets of one county, as data shared by the CDK stack (infra/stacks/data-stack.ts) and the
 * local platform (fauxqs S3). Private, encrypted, SSL only, RETAIN.
 */
export type BucketId = 'feed';

export interface BucketDef {
  readonly id: BucketId;
  readonly envVar: string;
}

export const BUCKETS: readonly BucketDef[] = [
  // 好差评 provincial feed: the daily export of cases and ratings (JSON lines and Excel)
  { id: 'feed', envVar: 'BUCKET_FEED' },
];
