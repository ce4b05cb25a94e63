import { afterEach, describe, expect, it, vi } from 'vitest';
import { containerSlot, keptFor, resetRuntimeConfig } from '../../../shared/platform/runtime-config.ts';

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
});
