import type { SearchMiss, SearchMissStore } from './ports.ts';

/** SearchMissStore in memory (unit tests): the same contract as the DynamoDB adapter. */
export const memorySearchMisses = (): SearchMissStore => {
  const months = new Map<string, Map<string, SearchMiss>>();
  const month = (m: string) => months.get(m) ?? months.set(m, new Map()).get(m)!;
  return {
    record: async (m, query, kind, at) => {
      const row = month(m).get(query) ?? { query, zero: 0, noClick: 0, lastAt: at };
      row[kind] += 1;
      row.lastAt = at;
      month(m).set(query, row);
    },
    top: async (m, limit) =>
      [...month(m).values()]
        .map((r) => structuredClone(r))
        .sort((a, b) => b.zero + b.noClick - (a.zero + a.noClick) || (a.lastAt < b.lastAt ? 1 : -1))
        .slice(0, limit),
    markHandled: async (m, query, handled) => {
      const row = month(m).get(query);
      if (row) row.handled = { ...handled };
    },
  };
};
