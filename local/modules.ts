import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Repository root, and the same handler modules that CDK bundles for Lambda. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export type Trigger = 'http' | 'queues' | 'schedules' | 'authorizer' | 'streams';

export const handlerPath = (trigger: Trigger, name: string): string => join(ROOT, 'functions', trigger, `${name}.ts`);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyHandler = (event: any, context: any) => Promise<any>;
const cache = new Map<string, Promise<AnyHandler>>();

/** Imports a handler once (like a warm container) and returns its `handler` export. */
export const loadHandler = (trigger: Trigger, name: string): Promise<AnyHandler> => {
  const file = handlerPath(trigger, name);
  let p = cache.get(file);
  if (!p) {
    if (!existsSync(file)) return Promise.reject(new Error(`handler file missing: ${file}`));
    p = import(pathToFileURL(file).href).then((m: { handler?: AnyHandler }) => {
      if (typeof m.handler !== 'function') throw new Error(`${file} does not export handler`);
      return m.handler;
    });
    cache.set(file, p);
  }
  return p;
};
