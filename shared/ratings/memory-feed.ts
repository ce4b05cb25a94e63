import type { FeedFile, FeedStore } from './ports.ts';

/** FeedStore in memory for unit tests. */
export const memoryFeedStore = (): FeedStore & { files: Map<string, { body: Uint8Array; contentType: string; at: string }> } => {
  const files = new Map<string, { body: Uint8Array; contentType: string; at: string }>();
  return {
    files,
    put: async (key, body, contentType) => void files.set(key, { body: body.slice(), contentType, at: new Date().toISOString() }),
    get: async (key) => files.get(key)?.body.slice(),
    list: async (prefix) =>
      [...files.entries()]
        .filter(([k]) => k.startsWith(prefix))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) // S3's order: by code unit, not by locale
        .map(([key, f]): FeedFile => ({ key, size: f.body.byteLength, lastModified: f.at })),
  };
};
