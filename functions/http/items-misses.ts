import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { recordMiss } from '../../shared/catalog/search-misses.ts';
import { searchMissStore } from '../../shared/catalog/wiring.ts';

// strict, and at least the 2 characters a counted query needs (search-misses.ts): anything else is refused, not silently dropped
const body = z.strictObject({ q: z.string({ error: '请提供查询词' }).trim().min(2, '查询词至少 2 个字').max(50, '查询词不能超过 50 个字') });

/** POST /api/items/misses {q}: the results of a search were left without a click (counted, no personal data). */
export const handler = httpHandler('items-misses', { body }, async (req) => {
  await recordMiss(searchMissStore(), req.body.q, 'noClick', new Date());
  return { status: 204, body: undefined };
});
