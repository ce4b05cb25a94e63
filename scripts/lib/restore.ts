import { bjDateTime } from '../../shared/platform/beijing-time.ts';
import type { TableDef } from '../../shared/platform/tables.ts';

/**
 * Restoring a county table from point-in-time recovery (README "Restore a table"). DynamoDB
 * restores into a NEW table, and the new table comes back without what the stack set on the old
 * one — PITR, deletion protection, TTL, the stream, tags — so this sets them again before the
 * county's config points the stack at it. The old table stays (RETAIN, deletion protection).
 */
export interface TableState {
  status: string;
  kmsKeyArn?: string | undefined;
  deletionProtection: boolean;
  streamEnabled: boolean;
}

export interface RestoreApi {
  /** undefined when the table does not exist. */
  describe(name: string): Promise<TableState | undefined>;
  /** The restorable window, or undefined when PITR is off. */
  window(name: string): Promise<{ earliest: Date; latest: Date } | undefined>;
  restore(input: { source: string; target: string; at: Date | 'latest'; kmsKeyArn?: string | undefined }): Promise<void>;
  enablePitr(name: string): Promise<void>;
  protect(name: string): Promise<void>;
  enableStream(name: string, view: NonNullable<TableDef['stream']>): Promise<void>;
  enableTtl(name: string, attribute: string): Promise<void>;
  tag(name: string, tags: Record<string, string>): Promise<void>;
  /** Pauses between status polls (a restore takes minutes to hours). */
  sleep(ms: number): Promise<void>;
}

export interface RestorePlan {
  countyCode: string;
  def: TableDef;
  /** The table in use now (the stack's own, or an earlier restore). */
  source: string;
  at: Date | 'latest';
  now: Date;
}

export class RestoreError extends Error {}

/** `bianmin-411521-cases-r202611200800`: the restore point, minute, Beijing time. */
export const restoredName = (countyCode: string, tableId: string, at: Date): string =>
  `bianmin-${countyCode}-${tableId}-r${bjDateTime(at).replace(/[- :]/g, '')}`;

const waitActive = async (api: RestoreApi, name: string, log: (l: string) => void, pollMs: number): Promise<TableState> => {
  for (let i = 0; ; i++) {
    const t = await api.describe(name);
    if (t?.status === 'ACTIVE') return t;
    if (i % 6 === 0) log(`  等待 ${name}：${t?.status ?? '尚未出现'}…`);
    await api.sleep(pollMs);
  }
};

export const restoreTable = async (api: RestoreApi, plan: RestorePlan, log: (line: string) => void, pollMs = 20_000): Promise<{ target: string; at: Date }> => {
  const source = await api.describe(plan.source);
  if (!source) throw new RestoreError(`表 ${plan.source} 不存在（凭证是否属于该县区的账号和区域？）`);
  const window = await api.window(plan.source);
  if (!window) throw new RestoreError(`表 ${plan.source} 未开启时间点恢复 (PITR)，无法恢复`);
  const at = plan.at === 'latest' ? window.latest : plan.at;
  if (at < window.earliest || at > window.latest)
    throw new RestoreError(`恢复时间 ${bjDateTime(at)} 不在可恢复范围内：${bjDateTime(window.earliest)} 至 ${bjDateTime(window.latest)}（北京时间）`);
  const target = restoredName(plan.countyCode, plan.def.id, at);
  if (await api.describe(target)) throw new RestoreError(`表 ${target} 已存在：同一时间点已恢复过，请直接在县区配置中使用它，或选另一时间点`);

  log(`从 ${plan.source} 恢复 ${bjDateTime(at)}（北京时间）的数据到新表 ${target}…`);
  await api.restore({ source: plan.source, target, at: plan.at === 'latest' ? 'latest' : at, kmsKeyArn: source.kmsKeyArn });
  await waitActive(api, target, log, pollMs);

  // what the stack's SafeTable sets and a restore does not carry over
  log('设置保护：时间点恢复、删除保护、TTL、流、标签…');
  await api.enablePitr(target);
  await api.protect(target);
  await waitActive(api, target, log, pollMs);
  if (plan.def.ttlAttribute) await api.enableTtl(target, plan.def.ttlAttribute);
  if (plan.def.stream) {
    await api.enableStream(target, plan.def.stream);
    await waitActive(api, target, log, pollMs);
  }
  await api.tag(target, {
    project: 'bianmin',
    county: plan.countyCode,
    'restored-from': plan.source,
    'restored-at': at.toISOString(),
    'restored-on': plan.now.toISOString(),
  });
  return { target, at };
};
