import { bjDay } from '../../shared/platform/beijing-time.ts';
import { randomBytes } from 'node:crypto';

/**
 * What `npm run smoke` asks of a county's API: that it answers, and refuses what it must refuse.
 * Nothing here changes the county's data; the refused login leaves what any failed login leaves
 * (an audit event and the address's failure count, which expires).
 */
export interface SmokeResult {
  check: string;
  ok: boolean;
  status: number | null;
  ms: number;
  detail: string;
}

type Probe = (
  get: (path: string, init?: RequestInit) => Promise<{ status: number; body: unknown }>,
) => Promise<{ ok: boolean; status: number; detail: string }>;

/** Today in Beijing: due dates count working days of the county's calendar. */
const today = (): string => bjDay(new Date());

const PROBES: ReadonlyArray<{ check: string; probe: Probe }> = [
  {
    check: '健康检查 GET /api/health',
    probe: async (get) => {
      const r = await get('/api/health');
      const body = r.body as { ok?: boolean; checks?: Array<{ kind: string; id: string; ok: boolean; error?: string }> } | null;
      const bad = (body?.checks ?? []).filter((c) => !c.ok);
      return {
        ok: r.status === 200 && body?.ok === true,
        status: r.status,
        detail: body?.checks
          ? bad.length
            ? `不可用：${bad.map((c) => `${c.kind} ${c.id} ${c.error ?? ''}`.trim()).join('，')}`
            : `${body.checks.length} 项资源均可用`
          : '无检查结果',
      };
    },
  },
  {
    check: '事项查询 GET /api/items',
    probe: async (get) => {
      const r = await get('/api/items?q=sfz&limit=5');
      const items = (r.body as { items?: unknown[] } | null)?.items;
      return {
        ok: r.status === 200 && Array.isArray(items),
        status: r.status,
        detail: Array.isArray(items) ? `“sfz” 命中 ${items.length} 项（新县区目录为空时为 0）` : '回答中没有 items',
      };
    },
  },
  {
    check: '到期日 GET /api/calendar/due-date',
    probe: async (get) => {
      const from = today();
      const r = await get(`/api/calendar/due-date?from=${from}&workdays=5`);
      const due = (r.body as { dueDate?: string; provisional?: boolean } | null) ?? {};
      const ok = r.status === 200 && typeof due.dueDate === 'string' && due.dueDate > from;
      return {
        ok,
        status: r.status,
        detail: ok ? `${from} 起 5 个工作日 → ${due.dueDate}${due.provisional ? '（暂定：该年日历未录入）' : ''}` : '没有有效的到期日',
      };
    },
  },
  {
    check: '错误密码被拒 POST /api/auth/login',
    probe: async (get) => {
      // a username no one may take (usernames start with a letter and have no '!') and a random password
      const r = await get('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'smoke!check', password: `wrong-${randomBytes(6).toString('hex')}` }),
      });
      const code = (r.body as { error?: { code?: string } } | null)?.error?.code;
      return {
        ok: r.status === 401 && code === 'INVALID_CREDENTIALS',
        status: r.status,
        detail: r.status === 429 ? '本机地址登录失败过多（15 分钟后再试）' : `${code ?? '无错误码'}`,
      };
    },
  },
  {
    check: '无令牌被拒 GET /api/cases',
    probe: async (get) => {
      const none = await get('/api/cases');
      const bogus = await get('/api/cases', { headers: { authorization: 'Bearer not.a.token' } });
      const refused = (s: number) => s === 401 || s === 403;
      return {
        ok: none.status === 401 && refused(bogus.status),
        status: none.status,
        detail: `无令牌 ${none.status}，伪造令牌 ${bogus.status}`,
      };
    },
  },
];

export const runSmoke = async (base: string, timeoutMs = 15_000): Promise<SmokeResult[]> => {
  const root = base.replace(/\/+$/, '');
  const get = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${root}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    return { status: res.status, body };
  };
  const results: SmokeResult[] = [];
  for (const { check, probe } of PROBES) {
    const t0 = Date.now();
    try {
      const r = await probe(get);
      results.push({ check, ok: r.ok, status: r.status, ms: Date.now() - t0, detail: r.detail });
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      results.push({ check, ok: false, status: null, ms: Date.now() - t0, detail: `无法连接：${err.cause?.code ?? err.name}` });
    }
  }
  return results;
};
