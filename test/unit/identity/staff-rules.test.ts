import { describe, expect, it } from 'vitest';
import { assertGrantable, assertMayManage, assertNotSelfChange, assertNotSelfReset, officeInReach } from '../../../shared/identity/staff-rules.ts';
import { DEFAULT_ROLE_SCOPES, type Role } from '../../../shared/platform/scopes.ts';
import type { OfficeRecord } from '../../../shared/identity/types.ts';

const office = (id: string, kind: OfficeRecord['kind'], parentId: string | null): OfficeRecord => ({ id, name: id, kind, parentId });
const CENTER = office('411521-center', 'county_center', null);
const DEPT = office('411521-gaj', 'department', '411521-center');
const LINGSHAN = office('411521-lingshan', 'township', '411521-center');
const VILLAGE = office('411521-lingshan-demo1', 'village', '411521-lingshan');

const actor = (role: Role, officeId: string, userId = `${role}@${officeId}`) => ({ userId, officeId, scopes: [...DEFAULT_ROLE_SCOPES[role]] });
const countyHead = actor('center_head', CENTER.id);
const lingshanHead = actor('center_head', LINGSHAN.id);
const admin = actor('county_admin', CENTER.id);

describe('who may manage whom (target as well as actor)', () => {
  it('the county center head does not reach townships or departments, only its own office', () => {
    expect(officeInReach(countyHead, CENTER)).toBe(true);
    expect(officeInReach(countyHead, LINGSHAN)).toBe(false);
    expect(officeInReach(countyHead, DEPT)).toBe(false);
    expect(officeInReach(countyHead, VILLAGE)).toBe(false);
  });

  it('a township head reaches its office and its villages', () => {
    expect(officeInReach(lingshanHead, LINGSHAN)).toBe(true);
    expect(officeInReach(lingshanHead, VILLAGE)).toBe(true);
    expect(officeInReach(lingshanHead, CENTER)).toBe(false);
  });

  it.each<Role[]>([['county_admin'], ['supervisor'], ['center_head'], ['window_clerk', 'supervisor']])(
    'a head cannot manage a user holding %j, even in their own office',
    (...roles) => {
      expect(() => assertMayManage(countyHead, { roles }, CENTER)).toThrow(/只能管理窗口人员、村代办员/);
      expect(() => assertMayManage(lingshanHead, { roles }, LINGSHAN)).toThrow(/只能管理窗口人员、村代办员/);
    },
  );

  it('a head manages a clerk of their office and an agent of their village, not one in another township', () => {
    expect(() => assertMayManage(countyHead, { roles: ['window_clerk'] }, CENTER)).not.toThrow();
    expect(() => assertMayManage(lingshanHead, { roles: ['village_agent'] }, VILLAGE)).not.toThrow();
    expect(() => assertMayManage(countyHead, { roles: ['window_clerk'] }, LINGSHAN)).toThrow(/本机构/);
  });

  it('the county admin manages anyone anywhere, and grants any role', () => {
    expect(() => assertMayManage(admin, { roles: ['supervisor'] }, CENTER)).not.toThrow();
    expect(() => assertMayManage(admin, { roles: ['center_head'] }, LINGSHAN)).not.toThrow();
    expect(() => assertGrantable(admin, ['county_admin'])).not.toThrow();
    expect(() => assertGrantable(lingshanHead, ['center_head'])).toThrow(/只能授予/);
  });

  it('nobody resets, disables or re-roles themselves, admin included', () => {
    expect(() => assertNotSelfReset(admin, admin.userId, '密码')).toThrow(/不能重置自己的密码/);
    expect(() => assertNotSelfReset(countyHead, countyHead.userId, '动态口令')).toThrow(/不能重置自己的动态口令/);
    expect(() => assertNotSelfChange(admin, admin.userId, { disabled: true })).toThrow(/不能修改自己的角色或停用自己/);
    expect(() => assertNotSelfChange(lingshanHead, lingshanHead.userId, { roles: ['window_clerk'] })).toThrow(/不能修改自己/);
    expect(() => assertNotSelfChange(admin, admin.userId, {})).not.toThrow();
    expect(() => assertNotSelfReset(admin, 'someone-else', '密码')).not.toThrow();
  });
});
