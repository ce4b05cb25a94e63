import { createRequire } from 'node:module';

/**
 * pinyin-pro (~450 KB of dictionary, ~60 ms to import), loaded with the first pinyin a function
 * computes (a save, an import), not when it starts: the catalog-admin function serves its reads
 * without it. Deployed, it is a CommonJS file of its own beside the bundle (`BIANMIN_PINYIN_CHUNK`,
 * set at bundling by infra/constructs/bundling.ts), required synchronously so the callers stay
 * synchronous; run from source, the package itself.
 */
type PinyinPro = typeof import('pinyin-pro');
let lib: PinyinPro | undefined;
const load = (): PinyinPro => {
  const req = createRequire(import.meta.url);
  return (process.env.BIANMIN_PINYIN_CHUNK ? req(`./${process.env.BIANMIN_PINYIN_CHUNK}`) : req('pinyin-pro')) as PinyinPro;
};

/** The syllables of `s` without tones (`first`: their initials), other characters kept together. */
export const syllables = (s: string, first = false): string[] =>
  (lib ??= load()).pinyin(s, { toneType: 'none', type: 'array', nonZh: 'consecutive', ...(first ? { pattern: 'first' as const } : {}) });
