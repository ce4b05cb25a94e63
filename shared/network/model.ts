import * as z from 'zod';
import { applicantInput, notAcceptedInput } from '../cases/model.ts';
import { CONSENT_METHODS, TASK_KINDS } from '../cases/hop-labels.ts';

/**
 * The network's HTTP bodies. The records a case carries of its hops (转报, 交办, 回交, the 全程代办
 * commission, inbox entries) are the case's own: shared/cases/hops.ts; their words: shared/cases/hop-labels.ts.
 */

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
