/**
 * Which counties a province-wide command acts on: `--county` (repeatable), `--province <2 digits>`
 * (the first two digits of the administrative code: 41 河南, 64 宁夏), or `--all`.
 */
export class SelectionError extends Error {}

export const selectCounties = (
  codes: readonly string[],
  opts: { county?: readonly string[] | undefined; province?: string | undefined; all?: boolean | undefined },
): string[] => {
  const given = [opts.county?.length ? 'county' : '', opts.province ? 'province' : '', opts.all ? 'all' : ''].filter(Boolean);
  if (given.length !== 1) throw new SelectionError('请只用一种方式选择县区：--county <代码>（可重复）、--province <省级代码两位> 或 --all');
  if (opts.all) return [...codes];
  if (opts.province) {
    if (!/^\d{2}$/.test(opts.province)) throw new SelectionError(`省级代码为两位数字（如 41 河南、64 宁夏）：${opts.province}`);
    const hit = codes.filter((c) => c.startsWith(opts.province!));
    if (!hit.length) throw new SelectionError(`infra/counties/ 中没有 ${opts.province} 开头的县区`);
    return hit;
  }
  const missing = opts.county!.filter((c) => !codes.includes(c));
  if (missing.length) throw new SelectionError(`infra/counties/ 中没有县区：${missing.join('、')}`);
  return [...opts.county!];
};
