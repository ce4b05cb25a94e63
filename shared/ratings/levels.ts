// the levels and reasons without the schemas: the public rating page loads no zod
/**
 * 好差评 (国办发〔2019〕51号, GB/T 39734-2020): five levels, the last two are 差评 and carry a
 * reason. Level 5 = 非常满意 … 1 = 非常不满意, as the contract numbers them.
 */
export const LEVELS = [5, 4, 3, 2, 1] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };
/** 差评: 不满意 and 非常不满意. */
export const isBad = (level: Level): boolean => level <= 2;
/** Counted as satisfied in the satisfaction rate: 基本满意 and better. */
export const isSatisfied = (level: Level): boolean => level >= 3;

/** The reasons a 差评 may choose from (or the citizen writes their own). */
export const BAD_REASONS = [
  '办理时间长、等待久',
  '服务态度不好',
  '业务不熟练、解答不清楚',
  '材料反复要求、多次跑腿',
  '未按承诺时限办结',
  '收费不规范',
  '其他',
] as const;
