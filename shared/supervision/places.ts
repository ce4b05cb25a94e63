import * as z from 'zod';
import { decodeCursor, encodeCursor } from '../db/cursor.ts';

/** A cursor over several lists: for each, its own opaque cursor and how many of its rows were shown (null: done). */
export type Places = Record<string, { c?: string; skip: number } | null>;

const placesSchema = z.record(
  z.string().max(80),
  z.union([z.null(), z.object({ c: z.string().max(2000).optional(), skip: z.number().int().min(0).max(10_000) })]),
);

export const encodePlaces = (p: Places): string => encodeCursor(p)!;

/** A mangled cursor starts from the top. */
export const decodePlaces = (cursor: string | undefined): Places => {
  const r = placesSchema.safeParse(decodeCursor(cursor) ?? {});
  return r.success ? (r.data as Places) : {};
};
