import type { FormInstance } from 'antd';
import { parseItem, type Decider, type FieldIssue, type Item } from '@shared/catalog/item.ts';

/**
 * The editor's form values and the item they make. Multi-line fields are textareas (one entry a
 * line, as in the import workbook); unions (fee, handling) are flat in the form.
 */
export interface ItemFormValues extends Omit<Item, 'basis' | 'conditions' | 'fee' | 'handling' | 'decider'> {
  basisText: string;
  conditionsText: string;
  fee: { charged: boolean; standard?: string; basis?: string };
  handling: { mode: Item['handling']['mode']; from?: string; to?: string };
  /** 承办: none chosen = decided where taken in, as before the network. */
  decider?: { by?: Decider['by']; officeId?: string; lead?: string; parts?: string[] };
}

const lines = (s: string | undefined): string[] =>
  (s ?? '')
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);

export const emptyForm = (): Partial<ItemFormValues> => ({
  kind: 'promised',
  levels: ['township'],
  materials: [],
  steps: [{ name: '受理' }, { name: '审核' }, { name: '办结' }],
  specialProcedures: [],
  faq: [],
  keywords: [],
  fee: { charged: false },
  handling: { mode: 'local' },
  visits: 1,
  online: 'none',
  resultPublished: false,
  basisText: '',
  conditionsText: '',
});

export const toForm = (item: Item): ItemFormValues => {
  const { basis, conditions, fee, handling, decider, ...rest } = item;
  return {
    ...rest,
    decider: decider ? { ...decider } : {},
    basisText: basis.join('\n'),
    conditionsText: conditions.join('\n'),
    fee: fee.charged ? { charged: true, standard: fee.standard, basis: fee.basis } : { charged: false },
    handling:
      handling.mode === 'delegated'
        ? { mode: 'delegated', from: handling.from }
        : handling.mode === 'forwarded'
          ? { mode: 'forwarded', to: handling.to }
          : { mode: 'local' },
  };
};

export const fromForm = (v: ItemFormValues): unknown => {
  const { basisText, conditionsText, fee, handling, decider, intakeAt, ...rest } = v;
  return {
    ...rest,
    intakeAt: intakeAt?.length ? intakeAt : undefined,
    decider: deciderOf(decider),
    basis: lines(basisText),
    conditions: lines(conditionsText),
    materials: (rest.materials ?? []).map((m) => ({ ...m, copies: m.copies ?? 1, required: m.required ?? true })),
    steps: rest.steps ?? [],
    specialProcedures: rest.specialProcedures ?? [],
    faq: rest.faq ?? [],
    keywords: rest.keywords ?? [],
    statutoryDays: rest.statutoryDays ?? undefined,
    promisedDays: rest.promisedDays ?? undefined,
    fee: fee?.charged ? { charged: true, standard: fee.standard ?? '', basis: fee.basis ?? '' } : fee ? { charged: false } : undefined,
    handling:
      handling?.mode === 'delegated'
        ? { mode: 'delegated', from: handling.from ?? '' }
        : handling?.mode === 'forwarded'
          ? { mode: 'forwarded', to: handling.to ?? '' }
          : { mode: 'local' },
  };
};

const deciderOf = (d: ItemFormValues['decider']): Decider | undefined => {
  if (d?.by === 'accepting') return { by: 'accepting' };
  if (d?.by === 'office') return { by: 'office', officeId: d.officeId ?? '' };
  if (d?.by === 'joint') return { by: 'joint', ...(d.lead ? { lead: d.lead } : {}), parts: d.parts ?? [] };
  return undefined;
};

/** An API/zod field path → the form field that shows it. */
const formPath = (path: string): (string | number)[] => {
  const parts = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (parts[0] === 'basis') return ['basisText'];
  if (parts[0] === 'conditions') return ['conditionsText'];
  if (parts[0] === 'fee' && parts.length === 1) return ['fee', 'charged'];
  if (parts[0] === 'handling' && parts.length === 1) return ['handling', 'mode'];
  if (parts[0] === 'decider' && parts.length === 1) return ['decider', 'by'];
  if (parts[0] === 'decider' && parts[1] === 'parts') return ['decider', 'parts'];
  return parts;
};

/** Puts messages on their fields; returns those that have no field on the form. */
export const showIssues = (form: FormInstance, issues: readonly FieldIssue[]): FieldIssue[] => {
  const known: Array<{ name: (string | number)[]; errors: string[] }> = [];
  const unplaced: FieldIssue[] = [];
  for (const i of issues) {
    const name = formPath(i.path);
    if (i.path === '' || name.length === 0) unplaced.push(i);
    else known.push({ name, errors: [i.message] });
  }
  form.setFields(known);
  return unplaced;
};

/** The same check the server runs (shape + rules), so most mistakes show before sending. */
export const checkForm = (v: ItemFormValues) => parseItem(fromForm(v));
