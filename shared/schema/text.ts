import * as z from 'zod';

/**
 * Characters no free text may hold: C0/C1 controls (NUL, BEL…; tab and line breaks allowed),
 * zero-width characters and the bidirectional overrides and isolates — they spoof how a name or a
 * reason reads on screen and in exports (`‮` turns "exe.txt" around) and NUL truncates downstream.
 */
// eslint-disable-next-line no-control-regex
export const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
export const FORBIDDEN_MESSAGE = '不能包含控制字符、零宽字符或文字方向控制符';

export const isPlainText = (s: string): boolean => !FORBIDDEN_CHARS.test(s);

/** The one free-text field: trimmed, bounded, no control or bidi characters; Chinese messages. */
export const plainText = (label: string, max: number, min = 1) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, min > 1 ? `${label}至少 ${min} 个字` : `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`)
    .refine(isPlainText, `${label}${FORBIDDEN_MESSAGE}`);

/**
 * Every string leaf of a request (body, query, path) with a forbidden character, as field issues:
 * the handler factory refuses them before any schema runs, so no route can forget a field.
 */
export const forbiddenCharIssues = (value: unknown, path: string[] = [], out: { path: string; message: string }[] = []) => {
  if (out.length >= 20) return out;
  if (typeof value === 'string') {
    if (!isPlainText(value)) out.push({ path: path.join('.'), message: FORBIDDEN_MESSAGE });
  } else if (Array.isArray(value)) value.forEach((v, i) => forbiddenCharIssues(v, [...path, String(i)], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (!isPlainText(k)) out.push({ path: [...path, k].join('.'), message: FORBIDDEN_MESSAGE });
      forbiddenCharIssues(v, [...path, k], out);
    }
  return out;
};
