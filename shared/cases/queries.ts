import * as z from 'zod';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { TooManyRequestsError, NotFoundError } from '../errors/domain-errors.ts';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/clients.ts';
import { tableName } from '../platform/env.ts';
import { caseKeys, OPEN_SHARDS } from '../db/keys.ts';
import type { Principal } from '../identity/principal.ts';
import { addWorkdays, chinaDate, endOfChinaDay } from '../calendar/working-days.ts';
import type { Calendar } from '../calendar/working-days.ts';
import { auditPut } from '../audit/dynamo-audit.ts';
import { casesRepo } from './repo.ts';
import { countyWide, visibleOrNotFound } from './access.ts';
import { CASE_STATUSES, type CaseRecord } from './model.ts';
import { listView, publicView, staffView } from './views.ts';
import { unseal } from './personal-data.ts';
import type { Meta } from './intake.ts';

export const listQuery = z.object({
  view: z.enum([...CASE_STATUSES, 'due_soon', 'overdue'], { error: '列表类型无效' }).default('accepted'),
  officeId: z.string().optional(),
});

/** 办件 lists of an office: by status (gsi2), or due within 2 working days / overdue (gsi3). */
export const listCases = async (p: Principal, q: z.output<typeof listQuery>, now: Date, cal: Calendar) => {
  const officeId = q.officeId && countyWide(p) ? q.officeId : p.officeId;
  if (q.view !== 'due_soon' && q.view !== 'overdue') return { cases: (await casesRepo.ofOffice(officeId, q.view)).map(listView) };
  const nowIso = now.toISOString();
  const horizon = q.view === 'overdue' ? nowIso : endOfChinaDay(addWorkdays(chinaDate(now), 2, cal).dueDate);
  const out: CaseRecord[] = [];
  for (let shard = 0; shard < OPEN_SHARDS; shard++) {
    const k = caseKeys.openShard(shard);
    const r = await dynamo().send(
      new QueryCommand({
        TableName: tableName('cases'),
        IndexName: k.index,
        KeyConditionExpression: 'gsi3pk = :p AND gsi3sk <= :h',
        FilterExpression: 'officeId = :o OR handedTo = :o',
        ExpressionAttributeValues: { ':p': k.pk, ':h': `${horizon}#\uffff`, ':o': officeId },
      }),
    );
    out.push(...((r.Items ?? []) as CaseRecord[]).filter((c) => (q.view === 'overdue' ? c.dueAt! < nowIso : c.dueAt! >= nowIso)));
  }
  return { cases: out.sort((a, b) => a.dueAt!.localeCompare(b.dueAt!)).map(listView) };
};

export const getCase = async (p: Principal, id: string) => {
  const c = visibleOrNotFound(p, (await casesRepo.get(id))?.record);
  return { case: staffView(c), events: await casesRepo.events(id) };
};

/** The full ID number, only on an explicit, audited action (个人信息保护). */
export const viewIdNumber = async (p: Principal, id: string, meta: Meta) => {
  const c = visibleOrNotFound(p, (await casesRepo.get(id))?.record);
  const { id: full, phone } = await unseal<{ id: string; phone: string }>(c.applicant.sealed);
  await casesRepo.transact([
    auditPut({ actor: { userId: p.userId, username: p.username, officeId: p.officeId }, action: 'case.view-id', target: { type: 'case', id }, result: 'success', ...meta, detail: c.number }),
  ]);
  return { idNumber: full, phone };
};

/** 30 look-ups a minute per address: enough for a person, not for guessing numbers. */
const PUBLIC_LIMIT = 30;

export const publicStatus = async (number: string, phone4: string, sourceIp: string, now: Date) => {
  const minute = now.toISOString().slice(0, 16);
  const r = await dynamo().send(
    new UpdateCommand({
      TableName: tableName('cases'),
      Key: caseKeys.publicRate(sourceIp, minute),
      UpdateExpression: 'ADD n :one SET expiresAt = :e',
      ExpressionAttributeValues: { ':one': 1, ':e': Math.floor(now.getTime() / 1000) + 300 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  if (Number(r.Attributes?.n) > PUBLIC_LIMIT) throw new TooManyRequestsError('TOO_MANY_LOOKUPS', '查询过于频繁，请稍后再试');
  const c = await casesRepo.byNumber(number);
  // wrong digits and unknown numbers get the very same answer
  if (!c || c.applicant.phone4 !== phone4) throw new NotFoundError('未找到该办件，请核对受理编号和手机号后四位');
  return publicView(c);
};

/** The case page's answer: the case (masked) and its timeline. */
export type CaseDetail = Awaited<ReturnType<typeof getCase>>;
/** The audited full ID number and phone. */
export type FullIdNumber = Awaited<ReturnType<typeof viewIdNumber>>;
