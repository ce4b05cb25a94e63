import { bjDay } from '../../../shared/platform/beijing-time.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';

import { maskNumber } from '../../../shared/ratings/disclosure.ts';
import { acceptCase, decideCase, invoke, runSchedule } from './support.ts';

/** 六公开 on the emulators: the schedule publishes, the public routes read only what was published. */
describe('public disclosure', () => {
  let stack: TestStack;
  const applicant = { type: 'person', name: '欧阳明月', idNumber: '11010519491231002X', phone: '13987654321' };

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
  });
  afterAll(() => stack.stop());

  it('shows recent results and the month’s ratings per office, with no name, ID or phone', async () => {
    const clerk = await stack.login('clerk.lingshan');
    const c = await acceptCase(stack, clerk, applicant);
    await decideCase(stack, clerk, c);
    expect((await invoke('public-rating', { params: { number: c.number }, body: { phone4: '4321', level: 5, channel: 'web' } })).status).toBe(201);
    // nothing published yet: an empty page, not an error
    expect((await (await stack.fetch('/api/public/disclosure/results')).json()).results).toEqual([]);
    expect(await runSchedule('disclosure-publish')).toMatchObject({ results: 1 });

    const res = await stack.fetch('/api/public/disclosure/results');
    expect(res.status).toBe(200);
    const results = await res.json();
    expect(results.results).toEqual([
      {
        number: maskNumber(c.number),
        itemName: '居民身份证核发',
        officeName: '灵山镇',
        acceptedOn: bjDay(new Date()),
        decidedOn: bjDay(new Date()),
        onTime: true,
      },
    ]);
    const month = bjDay(new Date()).slice(0, 7);
    const ratings = await (await stack.fetch(`/api/public/disclosure/ratings?month=${month}`)).json();
    expect(ratings.offices).toEqual([expect.objectContaining({ officeName: '灵山镇', count: 1, satisfied: 1, bad: 0, satisfactionRate: 1 })]);
    const text = JSON.stringify([results, ratings]);
    expect(text).not.toMatch(/欧阳|\d{17}[\dX]|1[3-9]\d{9}|clerk\.|4321/);
    expect(text).not.toContain(c.number);
    // the daily sequence beside acceptedOn would rebuild the number
    expect(text).not.toContain(`-${c.number.split('-')[2]}`);
    expect((await stack.fetch('/api/public/disclosure/ratings?month=2026-1')).status).toBe(400);
  });
});
