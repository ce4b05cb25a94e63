import { randomUUID } from 'node:crypto';
import { actorOf, type AuditInput } from '../audit/audit.ts';
import type { AuditAction } from '../audit/labels.ts';
import { addDays, isWorkday } from '../calendar/working-days.ts';
import { ConflictError, NotFoundError, RuleError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import { officeById } from '../offices/offices.ts';
import type { OfficeDirectory } from '../offices/ports.ts';
import { bjDay } from '../platform/beijing-time.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import { maskName, maskPhone } from '../privacy/mask.ts';
import { HOME_VISIT_REASONS, type HomeVisit, type HomeVisitInput, type StoredHomeVisit } from './model.ts';
import { type HallPorts } from './ports.ts';
import { HALL_CONFLICT, HallStoreConflict } from './conflicts.ts';

/**
 * 上门服务: an elderly or disabled villager asks the center (by phone or in the hall) for a visit;
 * the request goes to the agent of their village, whose to-do list shows it on its day, and the
 * agent closes it with what was done. Only the village's own township (or the county center) may
 * send an agent; only an agent of that village closes it.
 */
export type HomeVisitPorts = Pick<HallPorts, 'hall' | 'sealer' | 'catalog' | 'calendar' | 'clock'> & { offices: OfficeDirectory };

/** How far ahead a visit can be set (calendar days; the walk over them is bounded by it). */
export const VISIT_HORIZON_DAYS = 30;

const field = (path: string, code: string, message: string) => new RuleError(code, message, [{ path, message }]);

/** What the center and the agent see: name and phone masked, nothing sealed. */
export const homeVisitView = (v: StoredHomeVisit): HomeVisit => {
  const { sealed: _s, ...view } = v;
  return view;
};

const visitAudit = (p: Principal, action: AuditAction, v: HomeVisit, detail: string, meta: RequestMeta): AuditInput => ({
  actor: actorOf(p),
  action,
  target: { type: 'home-visit', id: v.id, label: `${v.date} ${v.stationName}` },
  result: 'success',
  sourceIp: meta.sourceIp,
  userAgent: meta.userAgent,
  detail,
});

/** POST /api/hall/home-visits: the center sends the village's agent to an elderly or disabled villager on a working day. */
export const requestHomeVisit = async (ports: HomeVisitPorts, p: Principal, input: HomeVisitInput, meta: RequestMeta): Promise<{ visit: HomeVisit }> => {
  const [station, own] = await Promise.all([officeById(ports.offices, input.stationId), officeById(ports.offices, p.officeId)]);
  if (!station || station.kind !== 'village') throw field('stationId', 'NOT_A_VILLAGE', '请选择村（社区）代办点');
  // the target as well as the actor: the village's own township, or the county center
  if (station.parentId !== p.officeId && own?.kind !== 'county_center') throw field('stationId', 'NOT_OWN_VILLAGE', '只能安排本乡镇所辖村的代办员上门');
  const now = ports.clock();
  const today = bjDay(now);
  const { cal } = await ports.calendar();
  if (input.date < today || input.date > addDays(today, VISIT_HORIZON_DAYS))
    throw field('date', 'OUT_OF_HORIZON', `上门日期须在今天起 ${VISIT_HORIZON_DAYS} 天内`);
  if (!isWorkday(input.date, cal)) throw field('date', 'NOT_A_WORKDAY', `${input.date} 不是工作日`);
  let item: { itemCode: string; itemName: string } | undefined;
  if (input.itemCode) {
    const published = await ports.catalog.getPublishedItem(input.itemCode);
    if (!published) throw field('itemCode', 'ITEM_UNKNOWN', '没有这个事项，或事项已停办');
    item = { itemCode: input.itemCode, itemName: published.item.name };
  }
  const v: StoredHomeVisit = {
    id: randomUUID(),
    stationId: station.id,
    stationName: station.name,
    reason: input.reason,
    name: maskName(input.name),
    phone: maskPhone(input.phone),
    address: input.address,
    need: input.need,
    ...item,
    date: input.date,
    status: 'open',
    createdAt: now.toISOString(),
    createdBy: p.displayName,
    officeId: p.officeId,
    sealed: await ports.sealer.seal({ name: input.name, phone: input.phone }),
  };
  await ports.hall.putHomeVisit(v, visitAudit(p, 'hall.home-visit.request', v, `${HOME_VISIT_REASONS[v.reason]}，${v.need}`, meta));
  return { visit: homeVisitView(v) };
};

/** POST /api/home-visits/{id}/done: an agent of the visit's village closes it with what was done. */
export const finishHomeVisit = async (ports: HomeVisitPorts, p: Principal, id: string, result: string, meta: RequestMeta): Promise<{ visit: HomeVisit }> => {
  const v = await ports.hall.homeVisit(id);
  // another village's visit reads as unknown: an agent cannot probe the county's requests
  if (!v || v.stationId !== p.officeId || !hasScope(p, 'commission.create')) throw new NotFoundError('没有这条上门服务');
  if (v.status !== 'open') throw new ConflictError('VISIT_CLOSED', '该上门服务已完成');
  const at = ports.clock().toISOString();
  const by = p.displayName;
  try {
    await ports.hall.finishHomeVisit(v, { at, by, result }, visitAudit(p, 'hall.home-visit.done', v, result, meta));
  } catch (e) {
    if (e instanceof HallStoreConflict && e.code === HALL_CONFLICT.VISIT_CLOSED) throw new ConflictError('VISIT_CLOSED', '该上门服务已完成');
    throw e;
  }
  return { visit: homeVisitView({ ...v, status: 'done', doneAt: at, doneBy: by, result }) };
};
