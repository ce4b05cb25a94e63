import { bjEndOfDay } from '../../../shared/platform/beijing-time.ts';
import type { Item } from '../../../shared/catalog/item.ts';
import { staticCatalogReader } from '../../../shared/catalog/memory-catalog-reader.ts';
import { buildCalendar } from '../../../shared/calendar/working-days.ts';
import type { MemoryCaseStore } from '../../../shared/cases/memory-cases.ts';
import type { CaseRecord, CaseStatus, IntakeInput } from '../../../shared/cases/model.ts';
import type { Watch } from '../../../shared/supervision/watch.ts';
import type { NoticesConfig } from '../../../shared/notices/config.ts';
import { memoryCasePorts, type MemoryCasePorts } from '../../support/memory-case-ports.ts';
import type { Principal } from '../../../shared/identity/principal.ts';
import { DEFAULT_ROLE_SCOPES, type Scope } from '../../../shared/platform/scopes.ts';
import { memoryOffices } from '../../../shared/offices/memory-offices.ts';
import type { NetworkOffice } from '../../../shared/offices/offices.ts';

/**
 * A small world for the case use cases: three items, a November 2026 with a holiday on Thursday
 * 11-05, a clock that tests move by hand, the in-memory store and sealer. No emulator.
 */
export const OFFICE = '411521-lingshan';
export const OTHER_OFFICE = '411521-dongpu';
export const COUNTY_OFFICE = '411521-center';
export const DEPT_OFFICE = '411521-mzj';
export const DEPT2_OFFICE = '411521-rsj';
export const THIRD_OFFICE = '411521-zilu';
export const STATION = '411521-lingshan-demo1';

/** A piece of the county's tree: the center, two departments, three townships, a village station of 灵山镇. */
export const OFFICES: NetworkOffice[] = [
  { id: COUNTY_OFFICE, name: '罗山县政务服务中心', kind: 'county_center', parentId: null },
  { id: DEPT_OFFICE, name: '县民政局', kind: 'department', parentId: COUNTY_OFFICE },
  { id: DEPT2_OFFICE, name: '县人力资源和社会保障局', kind: 'department', parentId: COUNTY_OFFICE },
  { id: OFFICE, name: '灵山镇', kind: 'township', parentId: COUNTY_OFFICE },
  { id: OTHER_OFFICE, name: '东铺镇', kind: 'township', parentId: COUNTY_OFFICE },
  { id: THIRD_OFFICE, name: '子路镇', kind: 'township', parentId: COUNTY_OFFICE },
  { id: STATION, name: '示例村一（演示）', kind: 'village', parentId: OFFICE },
];

const baseItem: Item = {
  code: 'T-PROM',
  name: '测试承诺件',
  category: '测试',
  kind: 'promised',
  levels: ['township'],
  office: '罗山县测试局',
  basis: ['《某某条例》第三条'],
  conditions: ['本县居民'],
  materials: [
    { name: '申请表', form: 'original', copies: 1, required: true },
    { name: '居民户口簿', form: 'original', copies: 1, required: true },
    { name: '委托书', form: 'original', copies: 1, required: false },
  ],
  steps: [{ name: '受理' }, { name: '办结' }],
  statutoryDays: 10,
  promisedDays: 5,
  specialProcedures: [{ name: '现场勘查', maxDays: 5 }],
  fee: { charged: true, standard: '每件 20 元', basis: '某收费文件' },
  place: '灵山镇便民服务中心',
  hours: '工作日 8:30-17:30',
  consultPhone: '0376-2178559',
  complaintPhone: '12345',
  visits: 1,
  online: 'apply',
  handling: { mode: 'local' },
  resultPublished: false,
  faq: [],
  keywords: [],
};

/** 承诺件: 5 working days promised, 10 statutory; two required materials and one optional; charged. */
export const PROMISED = baseItem;
/** 即办件, 不收费. */
export const IMMEDIATE: Item = {
  ...baseItem,
  code: 'T-IMM',
  name: '测试即办件',
  kind: 'immediate',
  statutoryDays: undefined,
  promisedDays: undefined,
  specialProcedures: [],
  fee: { charged: false },
  materials: [{ name: '身份证', form: 'original', copies: 1, required: true }],
};
/** 承诺件 with no room to extend (promised = statutory), 不收费. */
export const TIGHT: Item = { ...baseItem, code: 'T-TIGHT', name: '测试无延期余地', statutoryDays: 5, promisedDays: 5, fee: { charged: false } };

export const ITEMS = [PROMISED, IMMEDIATE, TIGHT];
export const requiredOf = (item: Item) => item.materials.filter((m) => m.required).map((m) => m.name);

/** Holiday on Thursday 2026-11-05; otherwise weekends. */
export const CAL = buildCalendar([{ year: 2026, holidays: ['2026-11-05'], makeupWorkdays: [], source: 'test' }]);

/** Beijing 10:00 on a Beijing date. */
export const at = (day: string, hhmm = '10:00'): Date => new Date(`${day}T${hhmm}:00+08:00`);

export const principal = (over: Partial<Principal> & { scopes?: Scope[] } = {}): Principal => ({
  userId: 'u-clerk',
  username: 'clerk.lingshan',
  displayName: '窗口',
  officeId: OFFICE,
  roles: ['window_clerk'],
  scopes: [...DEFAULT_ROLE_SCOPES.window_clerk],
  sessionId: 's1',
  ...over,
});
export const CLERK = principal();
export const HEAD = principal({ userId: 'u-head', username: 'head.lingshan', roles: ['center_head'], scopes: [...DEFAULT_ROLE_SCOPES.center_head] });
export const OTHER_CLERK = principal({ userId: 'u-other', username: 'clerk.dongpu', officeId: OTHER_OFFICE });
export const SUPERVISOR = principal({
  userId: 'u-sup',
  username: 'supervisor',
  officeId: COUNTY_OFFICE,
  roles: ['supervisor'],
  scopes: [...DEFAULT_ROLE_SCOPES.supervisor],
});
/** A county-wide reader a county's config also let act (acting still needs the office). */
export const COUNTY_ACTOR = principal({
  userId: 'u-ca',
  username: 'admin',
  officeId: COUNTY_OFFICE,
  roles: ['county_admin'],
  scopes: [...DEFAULT_ROLE_SCOPES.county_admin, 'case.handle', 'case.decide', 'case.extend', 'case.accept'],
});

export const META = { sourceIp: '10.0.0.7', userAgent: 'vitest' };

export const PERSON = { type: 'person' as const, name: '张三丰', idNumber: '11010519491231002X', phone: '13812345678' };

export const application = (over: Partial<IntakeInput> = {}): IntakeInput => ({
  itemCode: PROMISED.code,
  applicant: PERSON,
  materialsReceived: requiredOf(PROMISED),
  ...over,
});

export interface World {
  ports: MemoryCasePorts;
  store: MemoryCaseStore;
  /** Supervision's watches, as the case changes' reactions wrote them. */
  watches: Map<string, Watch>;
  /** Moves the clock. */
  setNow(d: Date): void;
  now(): Date;
}

/** `notices`: the county's notices settings, for a world whose changes also plan texts to the applicant. */
export const world = (start = at('2026-11-02'), settings: { notices?: () => NoticesConfig } = {}): World => {
  let now = start;
  const { ports, watches } = memoryCasePorts({
    catalog: staticCatalogReader(ITEMS),
    calendar: async () => ({ cal: CAL }),
    clock: () => now,
    offices: memoryOffices(OFFICES),
    ...settings,
  });
  return {
    ports,
    store: ports.cases,
    watches,
    setNow: (d) => {
      now = d;
    },
    now: () => now,
  };
};

let n = 0;
/** A case as it stands in a status (for the state-machine table), of PROMISED unless given. */
export const caseIn = (status: CaseStatus, over: Partial<CaseRecord> = {}): CaseRecord => {
  n += 1;
  const accepted = status !== 'awaiting_supplement' && status !== 'not_accepted';
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    number: `411521-20261102-${String(900 + n).padStart(4, '0')}`,
    countyCode: '411521',
    officeId: OFFICE,
    itemCode: PROMISED.code,
    itemVersion: 1,
    itemName: PROMISED.name,
    kind: 'promised',
    promisedDays: 5,
    statutoryDays: 10,
    applicant: {
      type: 'person',
      name: '张三丰',
      nameMasked: '张*丰',
      idMasked: '1101**********002X',
      phoneMasked: '138****5678',
      phone4: '5678',
      sealed: { ek: 'memory', iv: '', ct: '', tag: '' },
    },
    materialsReceived: accepted ? requiredOf(PROMISED) : [],
    missingMaterials: accepted || status === 'not_accepted' ? [] : requiredOf(PROMISED),
    status,
    createdAt: at('2026-11-02').toISOString(),
    suspensions: status === 'suspended' ? [{ procedure: '现场勘查', from: '2026-11-02', expectedDays: 3, notice: '勘查' }] : [],
    createdBy: 'clerk.lingshan',
    version: 3,
    ...(accepted ? { acceptedAt: at('2026-11-02').toISOString(), acceptedOn: '2026-11-02', dueDate: '2026-11-10', dueAt: bjEndOfDay('2026-11-10') } : {}),
    ...(status === 'decided' || status === 'delivered'
      ? { decision: { result: 'approved' as const, at: at('2026-11-03').toISOString(), onTime: true, by: 'clerk.lingshan' } }
      : {}),
    ...over,
  };
};
