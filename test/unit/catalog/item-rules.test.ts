import { describe, expect, it } from 'vitest';
import { checkItemRules, parseItem, sameItem } from '../../../shared/catalog/item.ts';
import { validateItem } from '../../../shared/catalog/admin.ts';
import { RuleError, ValidationError } from '../../../shared/errors/domain-errors.ts';
import { sampleItem } from './fixtures.ts';

describe('item rules', () => {
  it('accepts a complete item', () => {
    expect(parseItem(sampleItem())).toMatchObject({ ok: true });
  });

  it('refuses promised days above statutory days, naming the field in Chinese', () => {
    const issues = checkItemRules(sampleItem({ statutoryDays: 10, promisedDays: 15 }));
    expect(issues).toEqual([{ path: 'promisedDays', message: '“承诺时限”（15 个工作日）不能超过“法定时限”（10 个工作日）' }]);
    expect(() => validateItem(sampleItem({ statutoryDays: 10, promisedDays: 15 }))).toThrow(RuleError);
    try {
      validateItem(sampleItem({ statutoryDays: 10, promisedDays: 15 }));
    } catch (e) {
      expect((e as RuleError).message).toContain('承诺时限');
      expect((e as RuleError).fields[0]!.path).toBe('promisedDays');
    }
  });

  it('an immediate item has no days', () => {
    const issues = checkItemRules(sampleItem({ kind: 'immediate', statutoryDays: 5, promisedDays: 1 }));
    expect(issues.map((i) => i.path)).toEqual(['statutoryDays', 'promisedDays']);
    expect(issues[0]!.message).toContain('即办件');
    expect(parseItem(sampleItem({ kind: 'immediate', statutoryDays: undefined, promisedDays: undefined }))).toMatchObject({ ok: true });
    // 0 on an immediate item means "none" and is normalized away
    const r = parseItem(sampleItem({ kind: 'immediate', statutoryDays: 0, promisedDays: 0 }));
    expect(r.ok && r.item.statutoryDays).toBe(undefined);
  });

  it('a promised item needs promised days', () => {
    expect(checkItemRules(sampleItem({ promisedDays: undefined }))[0]).toMatchObject({ path: 'promisedDays' });
  });

  it('fees are never blank: explicit 不收费 or a standard with its basis', () => {
    const noFee = { ...sampleItem() } as Record<string, unknown>;
    delete noFee.fee;
    const r = parseItem(noFee);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]!.message).toContain('收费标准');
    const r2 = parseItem(sampleItem({ fee: { charged: true, standard: '', basis: '' } }));
    expect(!r2.ok && r2.issues.map((i) => i.message)).toContain('收费标准不能为空');
    expect(parseItem(sampleItem({ fee: { charged: true, standard: '10 元', basis: '某文件' } })).ok).toBe(true);
  });

  it('every material is named, and named once', () => {
    const r = parseItem(sampleItem({ materials: [{ name: '  ', form: 'copy', copies: 1, required: true }] }));
    expect(!r.ok && r.issues[0]).toEqual({ path: 'materials.0.name', message: '材料名称不能为空' });
    const dup = sampleItem({
      materials: [
        { name: 'A', form: 'copy', copies: 1, required: true },
        { name: 'A', form: 'original', copies: 1, required: false },
      ],
    });
    expect(checkItemRules(dup)[0]!.message).toContain('重复');
  });

  it('codes are upper-case letters, digits and -_. (import/export can never be a code)', () => {
    expect(parseItem(sampleItem({ code: 'export' })).ok).toBe(false);
    expect(parseItem(sampleItem({ code: 'LS-01-001' })).ok).toBe(true);
    expect(parseItem(sampleItem({ code: '411521000105001' })).ok).toBe(true);
  });

  it('shape errors are Chinese and carry the path', () => {
    try {
      validateItem({ ...sampleItem(), name: '', levels: [] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const fields = (e as ValidationError).fields;
      expect(fields).toContainEqual({ path: 'name', message: '事项名称不能为空' });
      expect(fields).toContainEqual({ path: 'levels', message: '行使层级至少选择一级' });
    }
  });

  it('compares items by content, ignoring key order and empty optionals', () => {
    const a = sampleItem();
    const b = {
      ...sampleItem(),
      officeId: undefined,
      materials: [{ required: true, copies: 1, form: 'original' as const, name: '居民户口簿', notes: undefined }],
    };
    expect(sameItem(a, b)).toBe(true);
    expect(sameItem(a, sampleItem({ name: '别的' }))).toBe(false);
  });
});
