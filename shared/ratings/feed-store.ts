/** Where the provincial feed files are kept (S3 in s3-feed.ts, in memory in memory-feed.ts). */
export interface FeedFile {
  key: string;
  size: number;
  lastModified: string;
}

export interface FeedStore {
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
  /** Every file under a prefix, in key order. */
  list(prefix: string): Promise<FeedFile[]>;
}
