/**
 * `npm run lexicon:pinyin`: writes the full pinyin and initials of every colloquial word of the
 * shipped lexicon (shared/catalog/lexicon/zhengwu-pinyin.json), so the public search function
 * finds 低保 by `dibao` or `db` without carrying a pinyin dictionary. Run it after editing
 * zhengwu.json; a unit test fails while the two disagree.
 */
import { writeFileSync } from 'node:fs';
import { lexiconPinyin } from '../shared/catalog/lexicon-pinyin.ts';
import { SHIPPED_LEXICON } from '../shared/catalog/lexicon.ts';

const file = new URL('../shared/catalog/lexicon/zhengwu-pinyin.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(lexiconPinyin(SHIPPED_LEXICON), null, 1)}\n`);
console.log(`已写入 ${file.pathname}`);
