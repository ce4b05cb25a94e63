import { describe, expect, it } from 'vitest';
import { dailyDigest } from '../../../shared/supervision/daily-digest.ts';
import { memorySupervisionStore } from '../../../shared/supervision/memory-supervision.ts';
import { memoryNotifier } from '../../../shared/supervision/memory-notifier.ts';

describe('daily digest', () => {
  it("sends yesterday's county figures (China day) at 08:30 Beijing", async () => {
    const store = memorySupervisionStore();
    const notifier = memoryNotifier();
    store.setDay('2026-11-19', { taken: 12, decidedOnTime: 9, decidedLate: 1, immediateSameDay: 4 });
    store.setDay('2026-11-20', { taken: 99 });
    // 00:30 UTC = 08:30 Beijing on 11-20
    const d = await dailyDigest({ store, notifier, clock: () => new Date('2026-11-20T00:30:00Z') });
    expect(d).toEqual({ day: '20261119', taken: 12, decidedOnTime: 9, decidedLate: 1, immediateSameDay: 4 });
    expect(notifier.sent).toEqual([
      { subject: '便民服务日报 20261119', message: '受理 12 件；按时办结 9 件；超期办结 1 件；即办件当日办结 4 件。' },
    ]);
  });

  it('takes the China day, not the UTC one, and reports zeros for a quiet day', async () => {
    const store = memorySupervisionStore();
    const notifier = memoryNotifier();
    store.setDay('2026-11-18', { taken: 5 });
    // 16:30 UTC on 11-19 is already 00:30 on 11-20 in Beijing: yesterday is 11-19, which had nothing
    const d = await dailyDigest({ store, notifier, clock: () => new Date('2026-11-19T16:30:00Z') });
    expect(d).toEqual({ day: '20261119', taken: 0, decidedOnTime: 0, decidedLate: 0, immediateSameDay: 0 });
    expect(notifier.sent[0]?.message).toBe('受理 0 件；按时办结 0 件；超期办结 0 件；即办件当日办结 0 件。');
  });
});
