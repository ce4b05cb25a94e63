import { bjDay } from '../platform/beijing-time.ts';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import type { Item } from '../catalog/item.ts';
import { type Calendar } from '../calendar/working-days.ts';
import { INTAKE_PLACE_LABELS } from '../catalog/item.ts';
import { officeById } from '../offices/offices.ts';
import { decidingOffice, mayTakeIn } from './routing.ts';
import { maskIdNumber, maskName, maskPhone } from '../privacy/mask.ts';
import { isValidUscc } from './identity-numbers.ts';
import { dueOf } from './due.ts';
import { caseAudit, countWrites, MAX_ATTEMPTS, pauseBeforeRetry } from './commit.ts';
import { CASE_CONFLICT, isConflict } from './conflicts.ts';
import { type CasePorts } from './ports.ts';
import type { Sealer } from './ports.ts';
import type { Applicant, CaseRecord, IntakeInput, NotAcceptedGround } from './model.ts';

/**
 * 受理: one of three written outcomes — accepted (with a number and a due date), awaiting
 * supplement (one notice naming ALL missing materials, 行政许可法 第32条), or not accepted (with
 * the reason and where to go). One sequence update + one transaction; idempotent on a key.
 */
export type IntakePorts = Pick<CasePorts, 'cases' | 'sealer' | 'catalog' | 'calendar' | 'clock' | 'offices' | 'reactions'>;

/** The application and the request's Idempotency-Key (the same key with the same body: the same case). */
export type IntakeRequest = IntakeInput & { idempotencyKey: string };

/** An idempotency record lives a day: a retry within it gets the same case. */
export const KEY_TTL_MS = 86_400_000;

/** The status intake gives: refused in writing, missing materials (one notice), or accepted. */
export const intakeStatus = (item: Item, materialsReceived: readonly string[], notAccepted: boolean) => {
  const missing = item.materials.filter((m) => m.required && !materialsReceived.includes(m.name)).map((m) => m.name);
  return { missing, status: notAccepted ? ('not_accepted' as const) : missing.length ? ('awaiting_supplement' as const) : ('accepted' as const) };
};

/** A new case record, numbered, dated and due as intake makes it (also for a commission taken in). */
export const newCase = (a: {
  item: Item;
  version: number;
  officeId: string;
  county: string;
  seq: number;
  now: Date;
  cal: Calendar;
  applicant: Applicant;
  materialsReceived: string[];
  notAccepted?: { ground: NotAcceptedGround; reason: string; referTo?: string | undefined } | undefined;
  createdBy: string;
  noticesDeclined?: boolean | undefined;
}): CaseRecord => {
  const day = bjDay(a.now);
  const { status, missing } = intakeStatus(a.item, a.materialsReceived, Boolean(a.notAccepted));
  const deciding = decidingOffice(a.item, a.officeId);
  return {
    id: randomUUID(),
    queryCode: newQueryCode(),
    number: `${a.county}-${day.replaceAll('-', '')}-${String(a.seq).padStart(4, '0')}`,
    countyCode: a.county,
    officeId: a.officeId,
    itemCode: a.item.code,
    itemVersion: a.version,
    itemName: a.item.name,
    kind: a.item.kind,
    promisedDays: a.item.kind === 'immediate' ? 0 : (a.item.promisedDays ?? 0),
    statutoryDays: a.item.statutoryDays ?? 0,
    applicant: a.applicant,
    materialsReceived: a.materialsReceived,
    missingMaterials: status === 'not_accepted' ? [] : missing,
    status,
    createdAt: a.now.toISOString(),
    suspensions: [],
    createdBy: a.createdBy,
    version: 1,
    ...(deciding !== a.officeId ? { routedTo: deciding } : {}),
    ...(status === 'accepted' ? { acceptedAt: a.now.toISOString(), acceptedOn: day, ...dueOf(a.item, day, a.cal) } : {}),
    ...(a.notAccepted ? { notAccepted: notAcceptedRecord(a.item, a.notAccepted) } : {}),
    ...(a.noticesDeclined ? { noticesDeclined: true } : {}),
  };
};

/** The keyed hashes a case is found by (search by name or phone): domain-separated from the ID's. */
export const findHashes = (sealer: Sealer, a: Pick<IntakeInput['applicant'], 'name' | 'phone'>): Promise<string[]> =>
  Promise.all([sealer.lookupHash(`name:${a.name.trim()}`), sealer.lookupHash(`phone:${a.phone.trim()}`)]);

export const sealApplicant = async (sealer: Sealer, a: IntakeInput['applicant']): Promise<{ applicant: Applicant; hash: string; finds: string[] }> => {
  const id = a.type === 'person' ? a.idNumber : a.creditCode;
  const applicant: Applicant = {
    type: a.type,
    name: a.name,
    nameMasked: a.type === 'person' ? maskName(a.name) : a.name,
    idMasked: maskIdNumber(id),
    phoneMasked: maskPhone(a.phone),
    phone4: a.phone.slice(-4),
    sealed: await sealer.seal({ id, phone: a.phone }),
    ...(a.type === 'organisation' && !isValidUscc(id) ? { idWarning: '统一社会信用代码校验位不符，请核对营业执照' } : {}),
  };
  const [hash, finds] = await Promise.all([sealer.lookupHash(id), findHashes(sealer, a)]);
  return { applicant, hash, finds };
};

/** 10 characters of Crockford base32: 50 random bits, easy to read aloud if it must be typed. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const newQueryCode = (): string => [...randomBytes(10)].map((b) => CROCKFORD[b & 31]).join('');

export const referTo = (item: Item): string => [item.office, item.place, item.consultPhone ? `咨询电话 ${item.consultPhone}` : ''].filter(Boolean).join('；');

/**
 * Where a refused applicant turns: the office the clerk names when the matter is not this office's;
 * nowhere when it needs no application at all; otherwise the item's own office, to ask about it.
 */
const notAcceptedRecord = (item: Item, n: { ground: NotAcceptedGround; reason: string; referTo?: string | undefined }) => ({
  ground: n.ground,
  reason: n.reason,
  referTo: n.ground === 'not-competent' ? (n.referTo ?? '') : n.ground === 'not-required' ? '' : referTo(item),
});

export const EVENT_OF = { accepted: 'accepted', awaiting_supplement: 'supplement_notice', not_accepted: 'not_accepted' } as const;

export const intake = async (ports: IntakePorts, p: Principal, input: IntakeRequest, meta: RequestMeta): Promise<{ case: CaseRecord; replayed: boolean }> => {
  if (!hasScope(p, 'case.accept')) throw new ForbiddenError();
  const { idempotencyKey, ...body } = input;
  // keys are per office: a key another office happens to use never replays that office's case
  const key = `${p.officeId}:${idempotencyKey}`;
  const bodyHash = createHash('sha256').update(JSON.stringify(body)).digest('base64url');
  const replay = async () => {
    const idem = await ports.cases.idempotency(key);
    if (!idem) return undefined;
    if (idem.bodyHash !== bodyHash) throw new ConflictError('IDEMPOTENCY_KEY_REUSED', '该受理请求编号已用于另一份申请，请刷新页面后重新受理');
    const found = await ports.cases.get(idem.caseId);
    if (!found) throw new NotFoundError('办件不存在');
    return { case: found.record, replayed: true };
  };

  const published = await ports.catalog.getPublishedItem(body.itemCode);
  if (!published) throw new ValidationError('事项不存在或未发布', [{ path: 'itemCode', message: `事项 ${body.itemCode} 不存在或未发布` }]);
  const { item, version } = published;
  const known = new Set(item.materials.map((m) => m.name));
  const unknown = body.materialsReceived.findIndex((m) => !known.has(m));
  if (unknown >= 0)
    throw new ValidationError('所勾选的材料不属于该事项', [
      { path: `materialsReceived.${unknown}`, message: `“${body.materialsReceived[unknown]}”不是该事项的申请材料` },
    ]);
  if (item.intakeAt) {
    // the catalog says where it is taken in: a window elsewhere refuses it before anything is written
    const office = await officeById(ports.offices, p.officeId);
    if (!office || !mayTakeIn(item, office))
      throw new ValidationError('该事项不在本机构受理', [
        { path: 'itemCode', message: `“${item.name}”的受理地点：${item.intakeAt.map((x) => INTAKE_PLACE_LABELS[x]).join('、')}` },
      ]);
  }
  const { applicant, hash, finds } = await sealApplicant(ports.sealer, body.applicant);
  const { cal } = await ports.calendar();
  const county = p.officeId.slice(0, 6);
  const { missing, status } = intakeStatus(item, body.materialsReceived, Boolean(body.notAccepted));

  for (let attempt = 0; ; attempt++) {
    const now = ports.clock();
    const day = bjDay(now);
    // a number is never reused: a retried attempt takes the next one
    const seq = await ports.cases.nextSequence(county, day);
    const c = newCase({
      item,
      version,
      officeId: p.officeId,
      county,
      seq,
      now,
      cal,
      applicant,
      materialsReceived: body.materialsReceived,
      notAccepted: body.notAccepted,
      createdBy: p.username,
      noticesDeclined: body.declineNotices,
    });
    try {
      await ports.cases.commit(
        [
          { op: 'create', case: c, applicantHash: hash, idempotency: { key, bodyHash, expiresAt: new Date(now.getTime() + KEY_TTL_MS) } },
          {
            op: 'event',
            caseId: c.id,
            version: c.version,
            event: {
              at: c.createdAt,
              type: EVENT_OF[status],
              by: p.username,
              byName: p.displayName,
              ...(missing.length && status !== 'not_accepted' ? { note: `缺：${missing.join('、')}` } : {}),
            },
          },
          ...countWrites(c.officeId, day, status === 'accepted' ? { taken: 1 } : undefined),
          ...finds.map((h) => ({ op: 'find' as const, hash: h, caseId: c.id, at: c.createdAt })),
          // what the contexts around a case add (watch, texts to the applicant, archive, the province's stage record)
          ...ports.reactions(undefined, c, now),
        ],
        [caseAudit(p, `case.intake.${status}`, c, meta)],
      );
      return { case: c, replayed: false };
    } catch (e) {
      if (isConflict(e, CASE_CONFLICT.keyTaken)) {
        const r = await replay();
        if (r) return r;
      } else if (!isConflict(e, CASE_CONFLICT.busy)) throw e;
      // a concurrent transaction on the same key or counter: try again
      if (attempt >= MAX_ATTEMPTS - 1) throw e;
      await pauseBeforeRetry(attempt);
    }
  }
};
