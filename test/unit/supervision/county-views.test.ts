import { describe, expect, it } from 'vitest';
import { countyCases } from '../../../shared/supervision/county-views.ts';
import { DEFAULT_RULES } from '../../../shared/supervision/rules.ts';
import { caseIn, CAL, CLERK, OFFICE, OTHER_OFFICE, SUPERVISOR } from '../cases/fixtures.ts';
import { memoryCaseStore } from '../../../shared/cases/memory-cases.ts';
import { at } from './fixtures.ts';

const offices = async () => [
  { id: OFFICE, kind: 'township' },
  { id: OTHER_OFFICE, kind: 'township' },
  { id: '411521-center', kind: 'county_center' },
  { id: '411521-lingshan-demo1', kind: 'village' },
];

const world = () => {
  const cases = memoryCaseStore();
  const ports = { cases, offices, calendar: async () => ({ cal: CAL }), clock: () => at('2026-11-09') };
  return { cases, ports };
};

describe('county-wide views', () => {
  it('every office’s list merged newest first, paged across offices without loss or repeat', async () => {
    const { cases, ports } = world();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const c = caseIn('accepted', { officeId: i % 2 ? OTHER_OFFICE : OFFICE, acceptedAt: at(`2026-11-0${i + 1}`).toISOString() });
      cases.seed(c);
      ids.push(c.id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await countyCases(ports, SUPERVISOR, { view: 'accepted', limit: 3, ...(cursor ? { cursor } : {}) }, DEFAULT_RULES);
      seen.push(...page.cases.map((c) => c.id));
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const one = await countyCases(ports, SUPERVISOR, { view: 'accepted', limit: 50, officeId: OTHER_OFFICE }, DEFAULT_RULES);
    expect(one.cases.map((c) => c.officeId)).toEqual([OTHER_OFFICE, OTHER_OFFICE, OTHER_OFFICE]);
    // names masked as in every list
    expect(JSON.stringify(one)).not.toContain('张三丰');
  });

  it('overdue and due soon across the county, or for one office', async () => {
    const { cases, ports } = world();
    cases.seed(caseIn('in_progress', { officeId: OFFICE, dueDate: '2026-11-06', dueAt: '2026-11-06T15:59:59.999Z' }));
    cases.seed(caseIn('accepted', { officeId: OTHER_OFFICE, dueDate: '2026-11-06', dueAt: '2026-11-06T15:59:59.999Z' }));
    cases.seed(caseIn('accepted', { officeId: OTHER_OFFICE, dueDate: '2026-11-10', dueAt: '2026-11-10T15:59:59.999Z' }));
    expect((await countyCases(ports, SUPERVISOR, { view: 'overdue', limit: 50 }, DEFAULT_RULES)).cases).toHaveLength(2);
    expect((await countyCases(ports, SUPERVISOR, { view: 'overdue', limit: 50, officeId: OFFICE }, DEFAULT_RULES)).cases).toHaveLength(1);
    expect((await countyCases(ports, SUPERVISOR, { view: 'due_soon', limit: 50 }, DEFAULT_RULES)).cases.map((c) => c.dueDate)).toEqual(['2026-11-10']);
  });

  it('is for county-wide readers only; a mangled cursor starts from the top', async () => {
    const { ports } = world();
    await expect(countyCases(ports, CLERK, { view: 'accepted', limit: 5 }, DEFAULT_RULES)).rejects.toMatchObject({ kind: 'forbidden' });
    const crafted = Buffer.from(JSON.stringify({ [OFFICE]: { skip: -5 } })).toString('base64url');
    expect((await countyCases(ports, SUPERVISOR, { view: 'accepted', limit: 5, cursor: crafted }, DEFAULT_RULES)).cases).toEqual([]);
  });
});
