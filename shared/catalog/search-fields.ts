import { syllables } from './pinyin.ts';
import type { Item } from './item.ts';
import type { SearchFields } from './search-index.ts';

/**
 * Pinyin of an item's searchable words, computed when a version is written (save, import, seed)
 * and stored beside it. The public search function then needs no pinyin dictionary: pinyin-pro
 * alone bundles to ~450 KB and ~60 ms of cold import; where it is needed it loads on the first
 * pinyin (pinyin.ts).
 */
const letters = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export const full = (s: string): string => letters(syllables(s).join(''));
export const initials = (s: string): string => letters(syllables(s, true).join(''));

/** Full pinyin and initials of each word, `|`-separated so a match never spans two words. */
const words = (list: readonly string[]): string => list.flatMap((w) => [full(w), initials(w)]).join('|');

export const searchFieldsOf = (item: Item): SearchFields => ({
  py: full(item.name),
  ini: initials(item.name),
  kwPy: words(item.keywords),
  matPy: words(item.materials.map((m) => m.name)),
});
