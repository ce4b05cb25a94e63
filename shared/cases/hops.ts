import type { Applicant } from './model.ts';
import type { CommissionStatus, ConsentMethod, InboxKind, TaskKind } from './hop-labels.ts';

/**
 * What a case carries of the network (shared/network works them): a case's hops between offices (转报 and its 回复, 交办 tasks and 联办
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
