import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { ROUTES } from '../../../shared/platform/routes.ts';
import { loadHandler } from '../../../local/modules.ts';
import { forbiddenCharIssues, plainText } from '../../../shared/schema/text.ts';

/**
 * Walks every zod schema of every route (body, query, path) and lists each string without a
 * maximum length: a 150,000-character office name once made every user's office list 303 KB and
 * then a 500. A new route with an unbounded string fails here, whoever added it.
 */
interface Def {
  type: string;
  checks?: { _zod: { def: { check: string; format?: string } } }[];
  format?: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  getter?: () => z.ZodType;
}
const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def: Def } } | undefined)?._zod?.def;
const BOUNDED_FORMATS = new Set(['uuid', 'guid', 'date', 'datetime', 'time', 'email', 'cuid', 'ulid', 'ipv4', 'ipv6']);

export const unboundedStrings = (s: unknown, path: string, out: string[], seen = new Set<unknown>()): string[] => {
  const d = defOf(s);
  if (!d || seen.has(s)) return out;
  seen.add(s);
  const walk = (x: unknown, p: string) => unboundedStrings(x, p, out, seen);
  switch (d.type) {
    case 'string': {
      const checks = (d.checks ?? []).map((c) => c._zod.def);
      const bounded =
        checks.some((c) => c.check === 'max_length' || c.check === 'length_equals' || (c.check === 'string_format' && BOUNDED_FORMATS.has(c.format ?? ''))) ||
        BOUNDED_FORMATS.has(d.format ?? '');
      if (!bounded) out.push(path || '(root)');
      break;
    }
    case 'object':
      for (const [k, v] of Object.entries(d.shape ?? {})) walk(v, path ? `${path}.${k}` : k);
      break;
    case 'array':
    case 'set':
      walk(d.element, `${path}[]`);
      break;
    case 'record':
    case 'map':
      walk(d.keyType, `${path}{key}`);
      walk(d.valueType, `${path}{}`);
      break;
    case 'tuple':
      (d.items ?? []).forEach((x, i) => walk(x, `${path}[${i}]`));
      break;
    case 'union':
      (d.options ?? []).forEach((x) => walk(x, path));
      break;
    case 'intersection':
      walk(d.left, path);
      walk(d.right, path);
      break;
    case 'pipe':
      walk(d.in, path);
      break;
    case 'lazy':
      if (d.getter) walk(d.getter(), path);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      walk(d.innerType, path);
      break;
    default:
  }
  return out;
};

describe('every string of every route has a maximum length', () => {
  it('the walk finds none unbounded', async () => {
    const found: string[] = [];
    for (const route of ROUTES) {
      const h = (await loadHandler('http', route.name)) as unknown as { schemas?: Record<string, unknown> };
      for (const [part, schema] of Object.entries(h.schemas ?? {})) for (const p of unboundedStrings(schema, '', [])) found.push(`${route.name} ${part}: ${p}`);
    }
    expect(found).toEqual([]);
  }, 120_000);

  it('the walk does find one (it is not vacuous)', async () => {
    const z4 = await import('zod');
    expect(unboundedStrings(z4.object({ a: z4.string().max(3), b: z4.array(z4.object({ c: z4.string().trim() })) }), '', [])).toEqual(['b[].c']);
  });
});

describe('control, zero-width and bidi characters', () => {
  it.each(['\u0000', '\u0007', '\u200b', '\u200d', '\u202e', '\u2066', '\ufeff', '\u001b[31m'])('refuses %j in free text and at the edge', (ch) => {
    expect(plainText('名称', 50).safeParse(`灵山镇${ch}便民服务中心`).success).toBe(false);
    expect(forbiddenCharIssues({ a: [{ name: `x${ch}` }] })).toEqual([{ path: 'a.0.name', message: expect.stringMatching(/控制字符/) }]);
  });
  it('keeps ordinary Chinese, line breaks and tabs', () => {
    expect(plainText('理由', 50).parse(' 材料不全\n请补正\t谢谢 ')).toBe('材料不全\n请补正\t谢谢');
    expect(forbiddenCharIssues({ a: '𠮷野家 张三丰' })).toEqual([]);
  });
});
