import { createHash, randomUUID } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { ConflictError, NotFoundError, ValidationError } from '../errors/domain-errors.ts';
import { auditPut } from '../audit/dynamo-audit.ts';
import type { Principal } from '../identity/principal.ts';
import type { Clock } from '../platform/clock.ts';
import type { CatalogReader } from '../catalog/reader.ts';
import type { Item } from '../catalog/item.ts';
import { addWorkdays, chinaDate, endOfChinaDay, type Calendar } from '../calendar/working-days.ts';
import { maskIdNumber, maskName, maskPhone } from '../privacy/mask.ts';
import { caseKeys } from '../db/keys.ts';
import { tableName } from '../platform/env.ts';
import { casesRepo, caseItem, eventPut, statsUpdate } from './repo.ts';
import { isValidUscc } from './identity-numbers.ts';
import { lookupHash, seal } from './personal-data.ts';
import type { Applicant, CaseRecord, IntakeInput } from './model.ts';

/**
 * 受理: one of three written outcomes — accepted (with a number and a due date), awaiting
 * supplement (one notice naming ALL missing materials, 行政许可法 第32条), or not accepted (with
 * the reason and where to go). One sequence update + one transaction; idempotent on a key.
 */
export interface IntakePorts {
  catalog: CatalogReader;
  calendar: () => Promise<{ cal: Calendar }>;
  clock: Clock;
}
export interface Meta {
  sourceIp: string;
  userAgent: string;
}

export const dueOf = (item: Pick<Item, 'kind' | 'promisedDays'>, acceptedOn: string, cal: Calendar, extraDays = 0) => {
  const days = item.kind === 'immediate' ? 0 : (item.promisedDays ?? 0) + extraDays;
  const d = addWorkdays(acceptedOn, days, cal);
  return { dueDate: d.dueDate, dueAt: endOfChinaDay(d.dueDate), dueProvisional: d.provisional };
};

const sealApplicant = async (a: IntakeInput['applicant']): Promise<{ applicant: Applicant; hash: string }> => {
  const id = a.type === 'person' ? a.idNumber : a.creditCode;
  const applicant: Applicant = {
    type: a.type,
    name: a.name,
    nameMasked: a.type === 'person' ? maskName(a.name) : a.name,
    idMasked: maskIdNumber(id),
    phoneMasked: maskPhone(a.phone),
    phone4: a.phone.slice(-4),
    sealed: await seal({ id, phone: a.phone }),
    ...(a.type === 'organisation' && !isValidUscc(id) ? { idWarning: '统一社会信用代码校验位不符，请核对营业执照' } : {}),
  };
  return { applicant, hash: await lookupHash(id) };
};

const referTo = (item: Item): string => [item.office, item.place, item.consultPhone ? `咨询电话 ${item.consultPhone}` : ''].filter(Boolean).join('；');

export const intake = async (p: Principal, input: IntakeInput, key: string, meta: Meta, ports: IntakePorts): Promise<{ case: CaseRecord; replayed: boolean; consumed: number }> => {
  const bodyHash = createHash('sha256').update(JSON.stringify(input)).digest('base64url');
  const replay = async () => {
    const idem = await casesRepo.idempotency(key);
    if (!idem) return undefined;
    if (idem.bodyHash !== bodyHash) throw new ConflictError('IDEMPOTENCY_KEY_REUSED', '该受理请求编号已用于另一份申请，请刷新页面后重新受理');
    const found = await casesRepo.get(idem.caseId);
    if (!found) throw new NotFoundError('办件不存在');
    return { case: found.record, replayed: true, consumed: 0 };
  };

  const published = await ports.catalog.getPublishedItem(input.itemCode);
  if (!published) throw new ValidationError('事项不存在或未发布', [{ path: 'itemCode', message: `事项 ${input.itemCode} 不存在或未发布` }]);
  const { item, version } = published;
  const known = new Set(item.materials.map((m) => m.name));
  const unknown = input.materialsReceived.findIndex((m) => !known.has(m));
  if (unknown >= 0) throw new ValidationError('所勾选的材料不属于该事项', [{ path: `materialsReceived.${unknown}`, message: `“${input.materialsReceived[unknown]}”不是该事项的申请材料` }]);
  const { applicant, hash } = await sealApplicant(input.applicant);
  const { cal } = await ports.calendar();

  for (let attempt = 0; ; attempt++) {
    const now = ports.clock();
    const day = chinaDate(now);
    const seq = await casesRepo.nextSequence(p.officeId.slice(0, 6), day.replaceAll('-', ''));
    const missing = item.materials.filter((m) => m.required && !input.materialsReceived.includes(m.name)).map((m) => m.name);
    const status = input.notAccepted ? 'not_accepted' : missing.length ? 'awaiting_supplement' : 'accepted';
    const c: CaseRecord = {
      id: randomUUID(),
      number: `${p.officeId.slice(0, 6)}-${day.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`,
      countyCode: p.officeId.slice(0, 6),
      officeId: p.officeId,
      itemCode: item.code,
      itemVersion: version,
      itemName: item.name,
      kind: item.kind,
      promisedDays: item.kind === 'immediate' ? 0 : (item.promisedDays ?? 0),
      statutoryDays: item.statutoryDays ?? 0,
      applicant,
      materialsReceived: input.materialsReceived,
      missingMaterials: status === 'not_accepted' ? [] : missing,
      status,
      createdAt: now.toISOString(),
      suspensions: [],
      createdBy: p.username,
      version: 1,
      ...(status === 'accepted' ? { acceptedAt: now.toISOString(), acceptedOn: day, ...dueOf(item, day, cal) } : {}),
      ...(input.notAccepted ? { notAccepted: { reason: input.notAccepted.reason, referTo: referTo(item) } } : {}),
    };
    const eventType = { accepted: 'accepted', awaiting_supplement: 'supplement_notice', not_accepted: 'not_accepted' }[status];
    try {
      const r = await casesRepo.transact([
        { Put: { TableName: tableName('cases'), Item: caseItem(c, hash), ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Put: {
            TableName: tableName('cases'),
            Item: { ...caseKeys.idempotency(key), caseId: c.id, bodyHash, expiresAt: Math.floor(now.getTime() / 1000) + 86_400 },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        eventPut(c.id, { at: c.createdAt, type: eventType, by: p.username, ...(missing.length && status !== 'not_accepted' ? { note: `缺：${missing.join('、')}` } : {}) }),
        ...(status === 'accepted' ? [statsUpdate(c.officeId, day, { taken: 1 }), statsUpdate('*', day, { taken: 1 })] : []),
        auditPut({ actor: { userId: p.userId, username: p.username, officeId: p.officeId }, action: `case.intake.${status}`, target: { type: 'case', id: c.id }, result: 'success', ...meta, detail: c.number }, now),
      ]);
      return { case: c, replayed: false, consumed: (r.ConsumedCapacity ?? []).reduce((s, x) => s + (x.CapacityUnits ?? 0), 0) };
    } catch (e) {
      if (!(e instanceof TransactionCanceledException)) throw e;
      const reasons = e.CancellationReasons ?? [];
      if (reasons[1]?.Code === 'ConditionalCheckFailed') {
        const r = await replay();
        if (r) return r;
      }
      // a concurrent transaction on the same key or counter: try again (the number is not reused)
      if (attempt >= 5 || !reasons.some((x) => x.Code === 'TransactionConflict' || x.Code === 'ConditionalCheckFailed')) throw e;
      await new Promise((res) => setTimeout(res, 20 * (attempt + 1) + Math.random() * 50));
    }
  }
};
