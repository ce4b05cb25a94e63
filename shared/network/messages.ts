import * as z from 'zod';

/**
 * The messages of the delegation queue: one per hop, each with its own id (`hopId`), applied
 * once however often SQS delivers it. They carry ids, not state: the consumer reads the record
 * and applies the hop only while the record still waits for exactly this hop.
 */
const base = {
  hopId: z.string().uuid(),
  sentAt: z.iso.datetime(),
  /** Who sent it (username), for the timeline. */
  by: z.string().min(1).max(100),
  /** Their display name (messages sent before it was carried have none: the timeline shows `by`). */
  byName: z.string().min(1).max(100).optional(),
  fromOfficeId: z.string().min(1).max(80),
  toOfficeId: z.string().min(1).max(80),
};

export const hopMessage = z.discriminatedUnion('type', [
  /** 转报 (or 交办 of a whole case): into the receiver's inbox. */
  z.object({ type: z.literal('forward'), caseId: z.string().uuid(), ...base }),
  /** 回复: the case goes back to the office that took it in. */
  z.object({ type: z.literal('return'), caseId: z.string().uuid(), ...base }),
  /** 交办 of a task, or a 联办 part. */
  z.object({ type: z.literal('task'), caseId: z.string().uuid(), taskId: z.string().uuid(), ...base }),
  /** A task's answer, back to the office that sent it. */
  z.object({ type: z.literal('task_answer'), caseId: z.string().uuid(), taskId: z.string().uuid(), ...base }),
  /** 委托: a village station's commission, into its township's inbox. */
  z.object({ type: z.literal('commission'), commissionId: z.string().uuid(), ...base }),
  /** 回交: a commission's result, back to the station. */
  z.object({ type: z.literal('hand_back'), caseId: z.string().uuid(), commissionId: z.string().uuid(), ...base }),
]);
export type HopMessage = z.output<typeof hopMessage>;
export type HopType = HopMessage['type'];

/** The sending side of the delegation queue (sqs-hops.ts; memory-hops.ts records them for tests). */
export interface HopSender {
  send(message: HopMessage): Promise<void>;
}
