import type { AuditArchive } from './ports.ts';

/** AuditArchive in memory for unit tests: like a locked bucket, a key is written once. */
export const memoryAuditArchive = (): AuditArchive & { objects: Map<string, string> } => {
  const objects = new Map<string, string>();
  return {
    objects,
    put: async (key, body) => {
      if (!objects.has(key)) objects.set(key, body);
    },
    list: async (prefix) => [...objects.keys()].filter((k) => k.startsWith(prefix)).sort(),
    get: async (key) => objects.get(key),
  };
};
