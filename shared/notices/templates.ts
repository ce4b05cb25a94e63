import { LONG_SEGMENT, PROVIDER_LIMITS, SEGMENT, SHORTENED_VARS, STANDARD_TEMPLATES, type NoticesConfig } from './config.ts';
import type { NoticeEvent } from './model.ts';

/**
 * The template registry at work: the county's approved template of an event, rendered with the
 * case's values and checked against the provider's limits BEFORE anything is sent. A refused text
 * carries its reason (shown on the timeline); a list that is only too long (补正材料, a reason) is
 * shortened to fit instead.
 */
export type Rendered =
  { ok: true; code: string; vars: Record<string, string>; text: string; segments: number } | { ok: false; reason: string; text: string; code?: string };

const PLACEHOLDER = /\$\{(\w+)\}/g;
/** A link variable (the status page with its 查询码) is a provider's link type: longer than a word. */
const LINK_MAX = 100;

/** Characters as a phone counts them (a Chinese character is one). */
export const length = (s: string): number => [...s].length;

/** Segments a text takes: one up to 70 characters, else parts of 67. */
export const segmentsOf = (text: string): number => (length(text) <= SEGMENT ? 1 : Math.ceil(length(text) / LONG_SEGMENT));

/** A list shortened to `max` characters: as many items as fit, then “等N项”. */
export const shortenList = (items: readonly string[], max: number): string => {
  const all = items.join('、');
  if (length(all) <= max) return all;
  for (let n = items.length - 1; n >= 1; n--) {
    const s = `${items.slice(0, n).join('、')}等${items.length}项`;
    if (length(s) <= max) return s;
  }
  const tail = `等${items.length}项`;
  return `${[...items[0]!].slice(0, Math.max(1, max - length(tail) - 1)).join('')}…${tail}`.slice(0, max);
};

const shortenText = (s: string, max: number): string => (length(s) <= max ? s : `${[...s].slice(0, max - 1).join('')}…`);

export const render = (config: NoticesConfig, event: NoticeEvent, values: Record<string, string | string[]>): Rendered => {
  const t = config.templates[event];
  const body = t?.text ?? STANDARD_TEMPLATES[event];
  const sign = config.signName ? `【${config.signName}】` : '';
  const preview = (vars: Record<string, string>) => sign + body.replace(PLACEHOLDER, (_m, k: string) => vars[k] ?? '');
  const flat = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join('、') : v]));
  if (config.provider === 'off') return { ok: false, reason: '本县未开通短信通道', text: preview(flat) };
  if (!t) return { ok: false, reason: `未登记“${event}”的短信模板`, text: preview(flat) };
  const limits = PROVIDER_LIMITS[config.provider];
  const vars: Record<string, string> = {};
  for (const [, name] of body.matchAll(PLACEHOLDER)) {
    const max = t.varLimits?.[name!] ?? (name === 'link' ? LINK_MAX : limits.maxVar);
    const raw = values[name!];
    if (raw === undefined || raw === '' || (Array.isArray(raw) && !raw.length))
      return { ok: false, reason: `模板变量 ${name} 没有取值`, text: preview(flat), code: t.code };
    const value = SHORTENED_VARS.has(name!) ? (Array.isArray(raw) ? shortenList(raw, max) : shortenText(raw, max)) : Array.isArray(raw) ? raw.join('、') : raw;
    if (length(value) > max)
      return { ok: false, reason: `模板变量 ${name} 为 ${length(value)} 字，超过服务商限制的 ${max} 字，未发送`, text: preview(flat), code: t.code };
    vars[name!] = value;
  }
  const text = preview(vars);
  if (!t.approved) return { ok: false, reason: `短信模板 ${t.code} 尚未审核通过，未发送`, text, code: t.code };
  const segments = segmentsOf(text);
  if (length(text) > limits.maxText || segments > t.maxSegments)
    return {
      ok: false,
      reason: `短信共 ${length(text)} 字（${segments} 条），超过模板限制的 ${t.maxSegments} 条（每条 ${SEGMENT} 字，长短信每条 ${LONG_SEGMENT} 字），未发送`,
      text,
      code: t.code,
    };
  return { ok: true, code: t.code, vars, text, segments };
};
