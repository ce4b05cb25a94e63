import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { join } from 'node:path';
import { ROUTES } from '../../shared/platform/routes.ts';
import { esbuildOptions } from '../../infra/constructs/bundling.ts';
import { writeFunctionEntry } from '../../infra/constructs/function-entries.ts';
import { ROOT } from '../../local/modules.ts';

/**
 * Each function bundles only the SDK clients it uses: built with the CDK's own esbuild
 * options, the bundle's inputs name the clients. A wiring module that builds every context's
 * adapters at import (rather than inside the function that is called) pulls them all in: this
 * catches that before the bench does.
 */
const clientsOf = async (entry: string): Promise<string[]> => {
  const r = await build({ ...esbuildOptions(entry), write: false, metafile: true });
  const inputs = Object.keys(Object.values(r.metafile.outputs)[0]!.inputs);
  return [...new Set(inputs.map((i) => /@aws-sdk\/client-([a-z0-9-]+)\//.exec(i)?.[1]).filter((c): c is string => !!c))].sort();
};
const httpEntry = (fn: string) =>
  writeFunctionEntry(
    ROOT,
    fn,
    ROUTES.filter((r) => r.fn === fn),
  );

describe('bundles: only the SDK clients a function uses', () => {
  it.each([
    ['http/public', () => httpEntry('public'), ['dynamodb']],
    ['http/disclosure', () => httpEntry('disclosure'), ['dynamodb']],
    ['http/calendar', () => httpEntry('calendar'), ['dynamodb']],
    ['http/supervision', () => httpEntry('supervision'), ['dynamodb']],
    ['http/cases-view-id (unseals: KMS)', () => httpEntry('cases-view-id'), ['dynamodb', 'kms']],
    ['schedules/disclosure-publish', () => join(ROOT, 'functions/schedules/disclosure-publish.ts'), ['dynamodb']],
  ])('%s', async (_name, entry, clients) => {
    expect(await clientsOf(entry())).toEqual(clients);
  });
});
