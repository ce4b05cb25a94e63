import { normalizeText } from './lexicon.ts';

/**
 * Splits a query into words the way Chinese is read. People type no spaces (身份证丢了,
 * 我想给孩子上户口), so a query is cut by forward maximum matching against a dictionary — the
 * lexicon's words and the catalog's own (item names cut by `Intl.Segmenter`, 俗称, categories) —
 * and whatever the dictionary does not know is cut by `Intl.Segmenter('zh')`, the segmenter built
 * into Node and the browser. Words that only carry the asking (我想, 怎么办, 需要什么材料) are dropped.
 */
const STOP_WORDS = new Set(
  (
    '我 我想 我要 想 要 想要 我们 你 你们 他 她 请问 请 问 问一下 一下 帮 帮我 帮忙 给 让 把 被 的 地 得 了 吗 呢 啊 吧 呀 哦 嘛 么 ' +
    '怎么 怎么办 怎么样 怎样 如何 咋 咋办 咋整 哪里 在哪 在哪里 哪儿 哪个 去哪 去哪里 什么 啥 什么时候 多少 多少钱 多久 几天 ' +
    '需要 需 要求 材料 资料 手续 流程 条件 办理 办 去 到 能 能不能 可以 可不可以 是 是不是 有 没有 还 又 再 也 就 都 和 与 及 或 ' +
    '这个 那个 这 那 一个 个 些 里 上 下 中 时候 现在 今天 明天 已经 应该 必须 得 该 事 事情 问题 情况 相关 有关 申请 办事 业务 服务'
  ).split(' '),
);

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Separators: spaces, punctuation and symbols in any width. */
const SEPARATORS = /[\s\p{P}\p{S}]+/u;
/** Longest dictionary word tried at a position. */
const MAX_WORD = 10;
/** A query is at most 50 characters (lookup.ts); more words than this add nothing but cost. */
export const MAX_WORDS = 8;

export interface Segmenter {
  /** The words of a query, in order, without asking words and repeats; latin runs stay whole. */
  words(query: string): string[];
}

let intlSegmenter: Intl.Segmenter | undefined;
const intlWords = (s: string): string[] => {
  intlSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const seg of intlSegmenter.segment(s)) if (seg.isWordLike) out.push(seg.segment);
  return out;
};

/** The dictionary words of item names: what Intl.Segmenter makes of them (2 characters or more). */
export const nameWords = (name: string): string[] => intlWords(normalizeText(name)).filter((w) => w.length > 1 && CJK.test(w));

/**
 * Run-together pinyin (shenfenzhengbuban) cut into known pinyin words (shenfenzheng + buban), when
 * the whole of it can be; else undefined. Dynamic programming over at most 50 letters.
 */
const cutPinyin = (latin: string, known: ReadonlySet<string>): string[] | undefined => {
  if (latin.length < 8 || known.has(latin)) return undefined;
  const best: Array<string[] | undefined> = [[]];
  for (let end = 1; end <= latin.length; end++)
    for (let start = Math.max(0, end - 24); start <= end - 4; start++) {
      const head = best[start];
      const piece = latin.slice(start, end);
      if (head && known.has(piece) && (!best[end] || best[end]!.length > head.length + 1)) best[end] = [...head, piece];
    }
  const found = best[latin.length];
  return found && found.length > 1 ? found : undefined;
};

export const segmenter = (dictionary: ReadonlySet<string>, pinyinWords: ReadonlySet<string> = new Set()): Segmenter => {
  const cut = (chunk: string, out: string[]): void => {
    let unknown = '';
    const flush = () => {
      if (unknown) out.push(...intlWords(unknown));
      unknown = '';
    };
    for (let i = 0; i < chunk.length;) {
      let len = 0;
      for (let l = Math.min(MAX_WORD, chunk.length - i); l >= 2; l--)
        if (dictionary.has(chunk.slice(i, i + l))) {
          len = l;
          break;
        }
      if (len) {
        flush();
        out.push(chunk.slice(i, i + len));
        i += len;
      } else {
        unknown += chunk[i];
        i += 1;
      }
    }
    flush();
  };
  return {
    words(query) {
      const out: string[] = [];
      for (const chunk of normalizeText(query).split(SEPARATORS)) {
        if (!chunk) continue;
        if (!CJK.test(chunk)) out.push(...(cutPinyin(chunk, pinyinWords) ?? [chunk]));
        else
          for (const run of chunk.split(/(?<=[\u3400-\u9fff\uf900-\ufaff])(?=[a-z0-9])|(?<=[a-z0-9])(?=[\u3400-\u9fff\uf900-\ufaff])/)) {
            if (CJK.test(run)) cut(run, out);
            else if (run) out.push(run);
          }
      }
      const kept: string[] = [];
      for (const w of out) {
        if (STOP_WORDS.has(w) || kept.includes(w)) continue;
        // a lone character the dictionary does not know (丢, 上) says too little to search with
        if (w.length === 1 && CJK.test(w) && !dictionary.has(w)) continue;
        kept.push(w);
        if (kept.length === MAX_WORDS) break;
      }
      return kept;
    },
  };
};
