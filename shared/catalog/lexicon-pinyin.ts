import { full, initials } from './search-fields.ts';
import { normalizeText, type LexiconEntry, type LexiconPinyin } from './lexicon.ts';

/** Pinyin of each colloquial word (at write time: the shipped file, or a county's entries when saved). */
export const lexiconPinyin = (entries: readonly LexiconEntry[]): LexiconPinyin => {
  const out: Record<string, [string, string]> = {};
  for (const e of entries)
    for (const raw of e.says) {
      const say = normalizeText(raw);
      if (/[\u3400-\u9fff]/.test(say)) out[say] = [full(say), initials(say)];
    }
  return out;
};
