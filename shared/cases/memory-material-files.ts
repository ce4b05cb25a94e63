import type { MaterialObjects } from './ports.ts';

/** The materials bucket in memory (unit tests): `put` stands in for the browser's presigned PUT. */
export const memoryMaterialObjects = (): MaterialObjects & { put(key: string, body: Uint8Array): void; objects: Map<string, Uint8Array> } => {
  const objects = new Map<string, Uint8Array>();
  return {
    objects,
    put: (key, body) => void objects.set(key, body),
    presignPut: async (key, contentType) => ({ url: `memory://materials/${key}`, headers: { 'Content-Type': contentType } }),
    presignGet: async (key) => `memory://materials/${key}?download`,
    head: async (key) => (objects.has(key) ? { size: objects.get(key)!.length } : undefined),
    get: async (key) => objects.get(key),
    delete: async (key) => void objects.delete(key),
  };
};
