import type { Item } from './item.ts';
import { catalogWorkbook } from './import-format.ts';
import type { CatalogStore } from './ports.ts';
import { writeXlsx } from '../sheets/xlsx.ts';

/**
 * Export of the catalog as a workbook that re-imports unchanged (the import template is the
 * same workbook with one example row). `published`: what the public sees (one Query);
 * `latest`: the newest version of every item, drafts and withdrawn ones included.
 */
export type ExportScope = 'published' | 'latest' | 'template';

export const exportItems = async (store: Pick<CatalogStore, 'listPublished' | 'listEntries' | 'getVersion'>, scope: ExportScope): Promise<Item[]> => {
  if (scope === 'template') return [];
  if (scope === 'published') return (await store.listPublished()).map((e) => e.item);
  const entries = await store.listEntries();
  const out: Item[] = [];
  for (let i = 0; i < entries.length; i += 16) {
    const batch = await Promise.all(entries.slice(i, i + 16).map((e) => store.getVersion(e.code, e.latestVersion)));
    for (const v of batch) if (v) out.push(v.item);
  }
  return out;
};

export const TEMPLATE_EXAMPLE: Item = {
  code: 'LS-99-001',
  name: '示例事项（导入前请删除本行）',
  category: '户籍管理',
  kind: 'promised',
  levels: ['township', 'village'],
  office: '罗山县公安局',
  basis: ['《中华人民共和国居民身份证法》第八条'],
  conditions: ['本县常住户口居民'],
  materials: [
    { name: '居民户口簿', form: 'original', copies: 1, source: '申请人自备', required: true },
    { name: '近期免冠照片', form: 'original', copies: 2, source: '申请人自备', required: false, notes: '可现场拍照' },
  ],
  steps: [{ name: '受理', description: '窗口审核材料，出具受理凭证' }, { name: '审核' }, { name: '办结', description: '通知领取' }],
  statutoryDays: 20,
  promisedDays: 10,
  specialProcedures: [{ name: '现场核查', maxDays: 5, basis: '《中华人民共和国行政许可法》第四十五条' }],
  fee: { charged: false },
  place: '各乡镇便民服务中心综合受理窗口',
  hours: '工作日 上午8:30-12:00 下午14:30-17:30',
  consultPhone: '0376-2178559',
  complaintPhone: '0376-12345',
  visits: 1,
  online: 'apply',
  handling: { mode: 'forwarded', to: '罗山县公安局' },
  resultPublished: false,
  faq: [{ q: '可以代办吗？', a: '可以，村便民服务站代办员可全程代办。' }],
  keywords: ['示例'],
  demo: true,
};

export const exportWorkbook = async (items: readonly Item[], scope: ExportScope): Promise<Uint8Array> =>
  writeXlsx(catalogWorkbook(scope === 'template' ? [TEMPLATE_EXAMPLE] : [...items].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))));
