import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { configSection, containerSlot, keptFor, resetRuntimeConfig } from '../../../shared/platform/runtime-config.ts';

/** What a container keeps between invocations, and when it builds or loads it again. */
describe('container-scoped values', () => {
  afterEach(() => vi.useRealTimers());

  it('containerSlot builds once, and again after the process is re-pointed at another county', () => {
    const slot = containerSlot<{ n: number }>();
    let built = 0;
    const make = () => ({ n: ++built });
    const first = slot.get(make);
    expect(slot.get(make)).toBe(first);
    resetRuntimeConfig();
    expect(slot.get(make)).toEqual({ n: 2 });
  });

  it('keptFor shares one load, reloads after its time or a re-point, and never keeps a failure', async () => {
    vi.useFakeTimers({ now: 0 });
    const kept = keptFor<number>(1000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([kept.get(load), kept.get(load)])).toEqual([1, 1]);
    vi.setSystemTime(999);
    expect(await kept.get(load)).toBe(1);
    vi.setSystemTime(1001);
    expect(await kept.get(load)).toBe(2);
    resetRuntimeConfig();
    expect(await kept.get(load)).toBe(3);

    const failing = keptFor<number>(1000);
    await expect(failing.get(() => Promise.reject(new Error('directory unavailable')))).rejects.toThrow('directory unavailable');
    expect(await failing.get(load)).toBe(4);
  });

  it('a context’s config section: the fallback when unset, parsed once per configuration, malformed named by its variable', () => {
    const section = configSection('CONTAINER_TEST_JSON', z.object({ days: z.number().int().max(20) }), { days: 5 });
    const saved = process.env.CONTAINER_TEST_JSON;
    try {
      delete process.env.CONTAINER_TEST_JSON;
      resetRuntimeConfig();
      expect(section.get()).toEqual({ days: 5 });
      process.env.CONTAINER_TEST_JSON = '{"days":7}';
      expect(section.get()).toEqual({ days: 5 });
      resetRuntimeConfig();
      expect(section.get()).toEqual({ days: 7 });
      process.env.CONTAINER_TEST_JSON = '{"days":70}';
      resetRuntimeConfig();
      expect(() => section.get()).toThrow(/CONTAINER_TEST_JSON: /);
      process.env.CONTAINER_TEST_JSON = '{';
      resetRuntimeConfig();
      expect(() => section.get()).toThrow(/CONTAINER_TEST_JSON: expected JSON/);
    } finally {
      if (saved === undefined) delete process.env.CONTAINER_TEST_JSON;
      else process.env.CONTAINER_TEST_JSON = saved;
      resetRuntimeConfig();
    }
  });
});
