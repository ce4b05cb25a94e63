import { describe, expect, it } from 'vitest';
import { FIELDS, gramIndex, has, nextDoc, type Field } from '../../../shared/catalog/search-grams.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';
import { searchFieldsOf } from '../../../shared/catalog/search-fields.ts';

// the same strings search-index.ts compares, per field
const texts = demoItems().map((item) => {
  const s = searchFieldsOf(item);
  return {
    name: [item.name.toLowerCase()],
    kw: [item.keywords.join('|').toLowerCase()],
    kwPy: [s.kwPy],
    py: [s.py, s.ini],
    code: [item.code.toLowerCase(), item.code.toLowerCase().replace(/[^a-z0-9]/g, '')],
    category: [item.category],
    materials: [
      item.materials
        .map((m) => m.name)
        .join('|')
        .toLowerCase(),
    ],
    matPy: [s.matPy],
  } satisfies Record<Field, string[]>;
});
const index = gramIndex(texts);

/** A deterministic stream of pseudo-random numbers (the test must fail the same way twice). */
const random = (() => {
  let x = 2463534242;
  return () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) / 2 ** 32);
})();
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

describe('catalog search: gram prefilter', () => {
  it('never drops a document whose field holds the term (the search stays exact)', () => {
    let checked = 0;
    const dropped: string[] = [];
    for (let n = 0; n < 1500; n++) {
      // a slice of some document's field (so it matches somewhere), or two random characters from anywhere
      const source = pick(pick(texts)[pick(FIELDS)]);
      const from = Math.floor(random() * Math.max(1, source.length));
      const term = n % 5 === 4 ? `${pick([...source])}${pick([...pick(texts).name[0]!])}` : source.slice(from, from + 1 + Math.floor(random() * 6));
      if (!term) continue;
      const latin = term.replace(/[^a-z0-9]/g, '');
      const may = index.candidates(term, latin);
      texts.forEach((doc, i) => {
        for (const field of FIELDS) {
          const searched = field === 'kwPy' || field === 'py' || field === 'matPy' ? [latin] : field === 'code' ? [term, latin] : [term];
          const holds = searched.some((s) => s !== '' && doc[field].some((text) => text.includes(s)));
          if (holds) {
            checked++;
            if (!has(may[field], i) || !has(may.any, i)) dropped.push(`${field} of doc ${i} holds "${term}"`);
          }
        }
      });
    }
    expect(dropped).toEqual([]);
    expect(checked).toBeGreaterThan(5_000);
  });

  it('leaves out most of the catalog for a specific term', () => {
    const count = (bits: Uint32Array | undefined) => {
      let c = 0;
      for (let i = nextDoc(bits, 0, texts.length); i < texts.length; i = nextDoc(bits, i + 1, texts.length)) c++;
      return c;
    };
    expect(count(index.candidates('低保', 'dibao').any)).toBeLessThan(5);
    expect(count(index.candidates('不存在的事项', '').any)).toBe(0);
    // without a bitset every document is visited, in order
    expect(count(undefined)).toBe(texts.length);
  });

  it('walks the set bits across word boundaries', () => {
    const bits = new Uint32Array(3);
    for (const i of [0, 31, 32, 63, 64, 95]) bits[i >>> 5]! |= 1 << (i & 31);
    const seen: number[] = [];
    for (let i = nextDoc(bits, 0, 96); i < 96; i = nextDoc(bits, i + 1, 96)) seen.push(i);
    expect(seen).toEqual([0, 31, 32, 63, 64, 95]);
    expect(nextDoc(bits, 65, 90)).toBe(90);
  });
});
