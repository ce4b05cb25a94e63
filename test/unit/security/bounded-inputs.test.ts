import { describe, expect, it } from 'vitest';
import { createOfficeBody } from '../../../shared/identity/schemas.ts';
import { createOffice } from '../../../shared/identity/staff.ts';
import { networkBodies } from '../../../shared/network/model.ts';
import { actionBodies } from '../../../shared/cases/model.ts';
import { ValidationError } from '../../../shared/errors/domain-errors.ts';
import type { Principal } from '../../../shared/identity/principal.ts';

const office = { id: '411521-lingshan-xinchun', name: '新村便民服务站', kind: 'village', parentId: '411521-lingshan' };

describe('office names, take-in refusals and office ids are bounded and plain', () => {
  it('refuses a 100,000-character office name and one with NUL, BEL, zero-width or bidi characters', () => {
    expect(createOfficeBody.safeParse(office).success).toBe(true);
    expect(createOfficeBody.safeParse({ ...office, name: '镇'.repeat(100_000) }).error!.issues[0]!.path).toEqual(['name']);
    for (const ch of ['\u0000', '\u0007', '\u200b', '\u202e']) expect(createOfficeBody.safeParse({ ...office, name: `新村${ch}站` }).success).toBe(false);
  });

  it('refuses a 200,000-character take-in refusal reason', () => {
    const r = networkBodies.takeIn.safeParse({ expectedVersion: 1, notAccepted: { reason: '理'.repeat(200_000) } });
    expect(r.error!.issues[0]!.path).toEqual(['notAccepted', 'reason']);
  });

  it("refuses an office id outside the admin's county code, before anything is written", async () => {
    const admin = { userId: 'u', username: 'admin', officeId: '411521-center', roles: ['county_admin'], scopes: [] } as unknown as Principal;
    const ports = { directory: { office: async () => ({ id: 'x' }), commit: async () => expect.unreachable('nothing is written') } } as never;
    await expect(createOffice(ports, admin, { ...office, id: '640502-xinchun' } as never, { sourceIp: '', userAgent: '' })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});

describe('fees are whole fen', () => {
  const fees = (amount: number) => actionBodies.fees.safeParse({ expectedVersion: 1, amount, receiptNo: 'PJ-0001' });
  it('refuses 1e-300, 1e308, half a fen and three decimals on the amount field; takes 0.01 and 20.5', () => {
    for (const amount of [1e-300, 1e308, 0.005, 12.345, 0, -1, Number.NaN])
      expect(new Set(fees(amount).error?.issues.map((i) => i.path.join('.'))), String(amount)).toEqual(new Set(['amount']));
    for (const amount of [0.01, 20.5, 19.99, 1_000_000]) expect(fees(amount).success, String(amount)).toBe(true);
  });
});
