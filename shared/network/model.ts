import * as z from 'zod';
import type { Applicant } from '../cases/model.ts';
import { applicantInput, notAcceptedInput } from '../cases/model.ts';
import { CONSENT_METHODS, TASK_KINDS, type CommissionStatus, type ConsentMethod, type InboxKind, type TaskKind } from './labels.ts';

export * from './labels.ts';

/**
 * The network's records: a case's hops between offices (转报 and its 回复, 交办 tasks and 联办
 * parts, the 回交 of a commission's result) and the 全程代办 commission itself. Each hop is one
 * message on the delegation queue with its own id; a hop's phase says where it stands.
 */

/** 转报 (or 交办 of a whole case): sent → delivered (in the receiver's inbox) → received (签收) → returning → returned (回复). */
export const TRANSFER_PHASES = ['sent', 'delivered', 'received', 'returning', 'returned'] as const;
export type TransferPhase = (typeof TRANSFER_PHASES)[number];

export interface Transfer {
  /** The hand-over's message id (forwardId). */
  id: string;
  fromOfficeId: string;
  toOfficeId: string;
  reason: string;
  by: string;
  /** The sender's display name, for the timeline the receiver writes when the hop lands. */
  byName?: string;
  sentAt: string;
  /** 签收 limit: the receiver signs by then (working days from sending, county setting). */
  receiveDueAt: string;
  phase: TransferPhase;
  deliveredAt?: string;
  receivedAt?: string;
  receivedBy?: string;
  /** 回复: its own message id, the note, who sent it back and when it arrived. */
  returnId?: string;
  returnNote?: string;
  returnBy?: string;
  returnByName?: string;
  returnSentAt?: string;
  returnedAt?: string;
}

/** 交办 tasks (on-site verification, a township's opinion) and 联办 parts: TASK_KINDS in labels.ts. */

export const TASK_PHASES = ['sent', 'delivered', 'received', 'answering', 'answered'] as const;
export type TaskPhase = (typeof TASK_PHASES)[number];

/** A described attachment (the paper stays at the office that made it). */
export interface Attachment {
  name: string;
  description: string;
}

export interface CaseTask {
  id: string;
  kind: TaskKind;
  title: string;
  fromOfficeId: string;
  toOfficeId: string;
  by: string;
  byName?: string;
  sentAt: string;
  receiveDueAt: string;
  /** The part's own limit, inside the case's. */
  dueDate: string;
  dueAt: string;
  phase: TaskPhase;
  deliveredAt?: string;
  receivedAt?: string;
  receivedBy?: string;
  answer?: { id: string; result: string; attachments: Attachment[]; by: string; byName?: string; at: string };
  answeredAt?: string;
}

/** 回交: the result goes back to the village station that carried the commission. */
export interface HandBack {
  id: string;
  by: string;
  byName?: string;
  note: string;
  sentAt: string;
  /** The station delivers to the applicant by then (the hand-over limit from sending). */
  deliverDueAt: string;
  phase: 'sent' | 'arrived';
  arrivedAt?: string;
}

/** The commission a case was taken in from. */
export interface CommissionLink {
  id: string;
  number: string;
  stationId: string;
  agentId: string;
}

/** 全程代办: 委托 (recorded at the station) → 受理 (the township takes it in) → 回交 → 送达 by the agent. */

export interface Commission {
  id: string;
  number: string;
  countyCode: string;
  /** The village station (its agent's office) and its township, which takes the commission in. */
  stationId: string;
  townshipId: string;
  agentId: string;
  agentUsername: string;
  agentName: string;
  itemCode: string;
  itemVersion: number;
  itemName: string;
  applicant: Applicant;
  materialsCollected: string[];
  consent: { method: ConsentMethod; at: string; note?: string };
  note?: string;
  status: CommissionStatus;
  createdAt: string;
  /** The hop to the township: its message id, when it reached the inbox, and the 签收 limit. */
  hopId: string;
  deliveredAt?: string;
  takeInDueAt: string;
  caseId?: string;
  caseNumber?: string;
  takenInAt?: string;
  takenInBy?: string;
  returnedAt?: string;
  delivery?: { signedBy: string; at: string; by: string };
  /** Keyed hashes of the applicant's name and phone: the case taken in from it is found by them. */
  findHashes?: string[];
  version: number;
}

/** What waits in an office's inbox (待签收): a case handed to it, a task, a commission, a result handed back. */

export interface InboxEntry {
  officeId: string;
  kind: InboxKind;
  /** The hop's message id: with `sentAt` it keys the entry. */
  refId: string;
  sentAt: string;
  /** The phase limit of the receiving office (签收, or 送达 for a result handed back). */
  dueAt: string;
  fromOfficeId: string;
  caseId?: string;
  commissionId?: string;
  taskId?: string;
  number: string;
  itemName: string;
  /** Masked. */
  applicantName: string;
  title?: string;
}

// ---- HTTP bodies -------------------------------------------------------------------------------

const expectedVersion = z.number({ error: '缺少版本号 expectedVersion' }).int().min(1);
const officeId = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .trim()
    .min(1, `请选择${label}`)
    .max(80);

export const networkBodies = {
  forward: z.object({
    expectedVersion,
    toOfficeId: officeId('承办机构'),
    reason: z.string().trim().min(2, '请写明转报事由').max(500, '转报事由不能超过 500 字'),
  }),
  receive: z.object({ expectedVersion }),
  return: z.object({ expectedVersion, note: z.string().trim().min(2, '请写明回复内容（办理结果或退回理由）').max(1000, '回复内容不能超过 1000 字') }),
  task: z.object({
    expectedVersion,
    toOfficeId: officeId('承办机构'),
    kind: z.enum(TASK_KINDS, { error: '任务类型须为 实地核查、初审意见 或 联办' }),
    title: z.string().trim().min(2, '请写明交办事项').max(200, '交办事项不能超过 200 字'),
    days: z.number({ error: '请填写办理时限（工作日）' }).int('办理时限须为整数').min(1, '办理时限至少 1 个工作日').max(60, '办理时限不能超过 60 个工作日'),
  }),
  taskAnswer: z.object({
    expectedVersion,
    result: z.string().trim().min(2, '请填写办理结果').max(2000, '办理结果不能超过 2000 字'),
    attachments: z
      .array(z.object({ name: z.string().trim().min(1, '请填写附件名称').max(100), description: z.string().trim().min(2, '请说明附件内容').max(500) }))
      .max(20, '附件不能超过 20 件')
      .default([]),
  }),
  handBack: z.object({ expectedVersion, note: z.string().trim().max(500, '说明不能超过 500 字').default('') }),
  commission: z.object({
    itemCode: z.string().trim().min(1, '请选择事项').max(40, '事项编码过长'),
    applicant: applicantInput,
    materialsCollected: z.array(z.string().trim().min(1).max(100, '材料名称不能超过 100 字')).max(60).default([]),
    consent: z.object({
      given: z.literal(true, { error: '须经申请人本人同意委托（勾选“申请人已同意委托代办”）' }),
      method: z.enum(CONSENT_METHODS, { error: '请选择同意方式：本人签字、本人按手印 或 近亲属代签' }),
      note: z.string().trim().max(200).optional(),
    }),
    note: z.string().trim().max(500, '备注不能超过 500 字').optional(),
  }),
  takeIn: z.object({
    expectedVersion,
    /** Materials checked at the township (defaults to what the agent collected). */
    materialsReceived: z.array(z.string().trim().min(1).max(100, '材料名称不能超过 100 字')).max(60).optional(),
    notAccepted: notAcceptedInput.optional(),
  }),
  /** 补交材料 by the agent: the materials brought for a commission the township put in 待补正 (the case's version). */
  supplement: z.object({
    expectedVersion,
    materialsReceived: z
      .array(z.string().trim().min(1, '材料名称不能为空').max(100, '材料名称不能超过 100 字'))
      .min(1, '请勾选补交的材料')
      .max(60, '材料不能超过 60 项'),
  }),
  deliver: z.object({ expectedVersion, signedBy: z.string().trim().min(1, '请填写签收人').max(50) }),
};

export const taskParams = z.object({ id: z.string().uuid('办件编号有误'), taskId: z.string().uuid('任务编号有误') });
export const commissionParams = z.object({ id: z.string().uuid('代办编号有误') });
