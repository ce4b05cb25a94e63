import { describe, expect, it } from 'vitest';
import { parseItem, sameItem, type Item } from '../../../shared/catalog/item.ts';
import { decidingOffice, devolveToTownships, jointParts, mayTakeIn, routingOf } from '../../../shared/cases/routing.ts';
import { PROMISED } from '../cases/fixtures.ts';

/** Where an item is taken in and who decides it: catalog fields, their rules and their defaults. */
describe('routing in the catalog', () => {
  const dibao: Item = {
    ...PROMISED,
    levels: ['county', 'township', 'village'],
    intakeAt: ['village', 'township'],
    decider: { by: 'office', officeId: '411521-mzj' },
  };

  it("an item without the fields keeps today's behaviour: taken in at its levels, decided where taken in", () => {
    expect(parseItem(PROMISED)).toMatchObject({ ok: true });
    expect(routingOf(PROMISED)).toEqual({ intakeAt: ['township'], decider: { by: 'accepting' } });
    expect(mayTakeIn(PROMISED, { kind: 'department' })).toBe(true);
    expect(decidingOffice(PROMISED, '411521-lingshan')).toBe('411521-lingshan');
  });

  it('低保: any township and the village stations (by commission) take it in, 县民政局 decides', () => {
    expect(parseItem(dibao)).toMatchObject({ ok: true });
    expect(mayTakeIn(dibao, { kind: 'township' })).toBe(true);
    expect(mayTakeIn(dibao, { kind: 'county_center' })).toBe(false);
    expect(mayTakeIn(dibao, { kind: 'department' })).toBe(false);
    // a village station never takes in itself: only by commission
    expect(mayTakeIn(dibao, { kind: 'village' })).toBe(false);
    expect(mayTakeIn(dibao, { kind: 'village' }, true)).toBe(true);
    expect(mayTakeIn({ ...dibao, intakeAt: ['township'] }, { kind: 'village' }, true)).toBe(false);
    expect(decidingOffice(dibao, '411521-lingshan')).toBe('411521-mzj');
  });

  it('联办: a lead (the accepting office unless named) and its parts; the kind must be 联办件', () => {
    const joint: Item = { ...PROMISED, kind: 'joint', decider: { by: 'joint', parts: ['411521-mzj', '411521-rsj'] } };
    expect(parseItem(joint)).toMatchObject({ ok: true });
    expect(decidingOffice(joint, '411521-lingshan')).toBe('411521-lingshan');
    expect(decidingOffice({ decider: { by: 'joint', lead: '411521-rsj', parts: ['411521-mzj'] } }, '411521-lingshan')).toBe('411521-rsj');
    expect(jointParts(joint)).toEqual(['411521-mzj', '411521-rsj']);
    const bad = parseItem({ ...joint, kind: 'promised', decider: { by: 'joint', lead: '411521-mzj', parts: ['411521-mzj', '411521-mzj'] } });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.issues.map((i) => i.path).sort()).toEqual(['decider.parts', 'decider.parts', 'kind']);
  });

  it('refuses malformed routing with Chinese messages naming the field', () => {
    const r = parseItem({ ...PROMISED, intakeAt: ['town'], decider: { by: 'office', officeId: 'mzj' } });
    expect(r.ok).toBe(false);
    const issues = r.ok ? [] : r.issues;
    expect(issues.map((i) => i.path).sort()).toEqual(['decider.officeId', 'intakeAt.0']);
    expect(issues.find((i) => i.path === 'decider.officeId')!.message).toContain('机构编号');
    expect(parseItem({ ...PROMISED, intakeAt: [] })).toMatchObject({ ok: false, issues: [{ path: 'intakeAt', message: '受理地点至少选择一处' }] });
  });

  it('下放 is a catalog change: a new item version decided at the township, compared as a change', () => {
    const devolved = devolveToTownships(dibao);
    expect(devolved.decider).toEqual({ by: 'accepting' });
    expect(devolved.intakeAt).toEqual(['village', 'township']);
    expect(sameItem(dibao, devolved)).toBe(false);
    expect(sameItem(PROMISED, { ...PROMISED, intakeAt: undefined, decider: undefined })).toBe(true);
  });
});
