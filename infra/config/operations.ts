import * as z from 'zod';
import { TABLES, type TableId } from '../../shared/platform/tables.ts';

/**
 * County config fields that operations change over a county's life (README "Operations"):
 * a table restored from point-in-time recovery, and the generation of the token-signing key.
 */
const TABLE_IDS = TABLES.map((t) => t.id) as [TableId, ...TableId[]];

/** DynamoDB table names: 3–255 of letters, digits, `_ - .`. */
const tableNameSchema = z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/, '表名须为 3–255 位字母、数字或 _ - .');

export const operationsFields = {
  /**
   * Tables in use instead of the stack's own, after `npm run restore`: the stack's table stays
   * (RETAIN, deletion protection) as the evidence, the functions use the restored one.
   */
  restoredTables: z.partialRecord(z.enum(TABLE_IDS, { message: `表须为 ${TABLE_IDS.join(' / ')} 之一` }), tableNameSchema).optional(),
  /** Bump to rotate the ES256 session-signing key: a new KMS key; everyone signs in again. */
  signingKeyGeneration: z.number().int().min(1, '签名密钥代数从 1 开始').default(1),
};

type OpsConfig = { code: string; restoredTables?: Partial<Record<TableId, string>> | undefined };

/** Cross-field checks, added to the county config's own. */
export const checkOperations = (c: OpsConfig, issue: (path: (string | number)[], message: string) => void): void => {
  for (const [id, name] of Object.entries(c.restoredTables ?? {})) {
    if (!name.startsWith(`bianmin-${c.code}-${id}`)) issue(['restoredTables', id], `恢复的表名须以 bianmin-${c.code}-${id} 开头（本县、本表），实为 ${name}`);
    if (name === `bianmin-${c.code}-${id}`) issue(['restoredTables', id], '恢复的表须是新表，不能与原表同名');
  }
};

/** The physical name of a county's table: the stack's own, or the restored one in use. */
export const stackTableName = (code: string, id: TableId): string => `bianmin-${code}-${id}`;
export const countyTableName = (c: OpsConfig, id: TableId): string => c.restoredTables?.[id] ?? stackTableName(c.code, id);
