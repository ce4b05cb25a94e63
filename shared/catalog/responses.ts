import * as z from 'zod';
import { ITEM_KINDS, LEVELS, ONLINE_LEVELS } from './item-labels.ts';

/** `GET /api/items` as published: the server's `SearchResponse` fits it, the web takes its type from it. */
export const searchHitSchema = z.object({
  code: z.string().max(100),
  name: z.string().max(200),
  category: z.string().max(100),
  kind: z.enum(ITEM_KINDS),
  promisedDays: z.number().int().min(0).optional(),
  statutoryDays: z.number().int().min(0).optional(),
  levels: z.array(z.enum(LEVELS)).max(3),
  office: z.string().max(200),
  visits: z.number().int().min(0),
  online: z.enum(ONLINE_LEVELS),
  charged: z.boolean(),
  demo: z.boolean().optional(),
  version: z.number().int().min(1),
});

export const itemsSearchResponse = z.object({
  items: z.array(searchHitSchema).max(500),
  didYouMean: z
    .array(z.object({ text: z.string().max(200), code: z.string().max(100), name: z.string().max(200), kind: z.enum(['name', 'alias', 'pinyin']) }))
    .max(50)
    .optional()
    .meta({ description: '你是不是要找：没有很好的匹配时，与输入最接近的事项' }),
  total: z.number().int().min(0),
  materialMatches: z.number().int().min(0).meta({ description: '只在材料名称上匹配的事项数（不在 items 中）' }),
  categories: z.array(z.object({ name: z.string().max(100), count: z.number().int().min(0) })).max(500),
  catalogVersion: z.number().int().min(0),
});
export type ItemsSearchResponse = z.infer<typeof itemsSearchResponse>;
