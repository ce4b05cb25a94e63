import type { Item } from '../../../shared/catalog/item.ts';
import type { AdminContext } from '../../../shared/catalog/admin.ts';

export const sampleItem = (over: Partial<Item> = {}): Item => ({
  code: 'T-001',
  name: '测试事项',
  category: '户籍管理',
  kind: 'promised',
  levels: ['township'],
  office: '罗山县公安局',
  basis: ['《某某条例》第三条'],
  conditions: ['本县居民'],
  materials: [{ name: '居民户口簿', form: 'original', copies: 1, required: true }],
  steps: [{ name: '受理' }, { name: '办结', description: '通知领取' }],
  statutoryDays: 20,
  promisedDays: 10,
  specialProcedures: [],
  fee: { charged: false },
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
  ...over,
});

export const ctx = (now = new Date('2026-11-22T08:00:00Z')): AdminContext => ({
  actor: { userId: 'u-admin', username: 'admin', officeId: '411521-center' },
  sourceIp: '127.0.0.1',
  userAgent: 'vitest',
  now,
});
