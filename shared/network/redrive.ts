/**
 * DLQ redrive: AWS China has no console redrive, so the project ships its own. Moves what rests
 * in a queue's dead-letter queue back to the queue, each message sent again (body and attributes
 * as they were) before it is deleted from the DLQ — a crash between the two leaves a duplicate,
 * which the idempotent consumer applies once, never a loss.
 */
export interface DeadLetter {
  body: string;
  receipt: string;
  attributes: Record<string, string>;
}

export interface QueueMover {
  /** The DLQ of a queue, read from the queue's redrive policy. */
  deadLetterQueueOf(queueUrl: string): Promise<string>;
  /** Up to 10 messages, hidden from other readers for a while. */
  receive(queueUrl: string, max: number): Promise<DeadLetter[]>;
  send(queueUrl: string, message: Pick<DeadLetter, 'body' | 'attributes'>): Promise<void>;
  delete(queueUrl: string, receipt: string): Promise<void>;
  /** Messages waiting (approximate, as SQS counts them). */
  depth(queueUrl: string): Promise<number>;
}

export interface RedriveReport {
  moved: number;
  /** Still in the DLQ (more than `max`, or arrived meanwhile). */
  remaining: number;
  dryRun: boolean;
}

export const redrive = async (mover: QueueMover, input: { queueUrl: string; max?: number; dryRun?: boolean }): Promise<RedriveReport> => {
  const dlq = await mover.deadLetterQueueOf(input.queueUrl);
  const max = input.max ?? 10_000;
  if (input.dryRun) return { moved: 0, remaining: await mover.depth(dlq), dryRun: true };
  let moved = 0;
  while (moved < max) {
    const batch = await mover.receive(dlq, Math.min(10, max - moved));
    if (!batch.length) break;
    for (const m of batch) {
      await mover.send(input.queueUrl, m);
      await mover.delete(dlq, m.receipt);
      moved += 1;
    }
  }
  return { moved, remaining: await mover.depth(dlq), dryRun: false };
};
