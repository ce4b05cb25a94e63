/** One printed bench figure; `key` is its stable key in bench/results.ts when it has a target there. */
export interface Figure {
  key?: string;
  name: string;
  value: number;
  unit: string;
  target?: string;
}

/** Two decimals, as the figures are printed. */
export const round = (n: number): number => Math.round(n * 100) / 100;

/** An item's size as DynamoDB counts it, approximately: attribute names and values (nested ones as their JSON). */
export const itemBytes = (item: Record<string, unknown>): number =>
  Object.entries(item).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(typeof v === 'string' ? v : JSON.stringify(v)), 0);
