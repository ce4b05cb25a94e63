import { tableName } from '../platform/env.ts';
import { inTable, withoutKeys } from '../db/dynamo-kit.ts';

/** The directory table, shared by its two adapter files (records and counters). */
export const T = () => tableName('directory');

export const strip = <X>(item: Record<string, unknown>): X => withoutKeys<X>(item, 'expiresAt');

export const { get, queryAll } = inTable(T);
