import { describe, expect, it } from 'vitest';
import { intake } from '../../../shared/cases/intake.ts';
import { findCases, listCases } from '../../../shared/cases/queries.ts';
import { createCommission, takeIn } from '../../../shared/network/commissions.ts';
import { forward } from '../../../shared/network/transfer.ts';
import { application, at, CLERK, DEPT_OFFICE, META, requiredOf } from '../cases/fixtures.ts';
import { AGENT, DEPT_CLERK, DIBAO, OTHER_TOWNSHIP_CLERK, world } from './fixtures.ts';

/** A case is found by its number, the applicant's ID number, phone or name — keyed hashes, never a scan; only where the caller may see it. */
describe('finding a case', () => {
  it('by number, ID number, phone or name; other offices find nothing; nothing whole in the answer', async () => {
    const w = world(at('2026-11-02'));
    const a = (
      await intake(
        w.ports,
        CLERK,
        {
          ...application({ applicant: { type: 'person', name: '张三丰', idNumber: '11010519491231002X', phone: '13812345678' } }),
          idempotencyKey: crypto.randomUUID(),
        },
        META,
      )
    ).case;
    const b = (
      await intake(
        w.ports,
        CLERK,
        {
          ...application({ applicant: { type: 'person', name: '李四', idNumber: '110105194912310011'.slice(0, 17) + 'X', phone: '13912345678' } }),
          idempotencyKey: crypto.randomUUID(),
        },
        META,
      )
    ).case;
    const ids = async (q: string, p = CLERK) => (await findCases(w.ports, p, q)).cases.map((c) => c.id);
    expect(await ids(a.number)).toEqual([a.id]);
    expect(await ids('11010519491231002x')).toEqual([a.id]);
    expect(await ids('13812345678')).toEqual([a.id]);
    expect(await ids('张三丰')).toEqual([a.id]);
    expect(await ids(' 李四 ')).toEqual([b.id]);
    expect(await ids('张三')).toEqual([]);
    expect(await ids('13700000000')).toEqual([]);
    // another township: the same 404 as for anything it may not see
    expect(await ids('张三丰', OTHER_TOWNSHIP_CLERK)).toEqual([]);
    expect(await ids(a.number, OTHER_TOWNSHIP_CLERK)).toEqual([]);
    const answer = JSON.stringify(await listCases(w.ports, CLERK, { view: 'accepted', q: '13812345678' }));
    expect(answer).not.toMatch(/11010519491231002X|13812345678|张三丰/);
  });

  it("a commission's case is found by its applicant too, at the township and once forwarded at the department", async () => {
    const w = world(at('2026-11-02'));
    const { commission: k } = await createCommission(
      w.ports,
      AGENT,
      {
        itemCode: DIBAO.code,
        applicant: { type: 'person', name: '赵六', idNumber: '11010519491231002X', phone: '13912345678' },
        materialsCollected: requiredOf(DIBAO),
        consent: { given: true, method: 'signed' },
      },
      META,
    );
    await w.deliver();
    const { case: c } = await takeIn(w.ports, CLERK, { id: k.id, expectedVersion: 2 }, META);
    expect((await findCases(w.ports, CLERK, '赵六')).cases.map((x) => x.id)).toEqual([c.id]);
    expect((await findCases(w.ports, DEPT_CLERK, '13912345678')).cases).toEqual([]);
    await forward(w.ports, CLERK, { id: c.id, expectedVersion: 1, toOfficeId: DEPT_OFFICE, reason: '转报' }, META);
    expect((await findCases(w.ports, DEPT_CLERK, '13912345678')).cases.map((x) => x.id)).toEqual([c.id]);
  });
});
