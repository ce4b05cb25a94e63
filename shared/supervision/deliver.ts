import type { Clock } from '../platform/clock.ts';
import { logger } from '../log/logger.ts';
import type { OutboxRef } from './alert.ts';
import type { Channel } from './ports.ts';
import { alertNotice, digestNotice, type Notice } from './notices.ts';
import type { AlertStore, FigureStore } from './ports.ts';

/**
 * The delivery queue's consumer: delivers a stored alert (or digest) to every channel it has not
 * reached yet, recording each as it succeeds. A channel that fails makes the whole message fail, so
 * SQS brings it back (and after a day puts it in the DLQ); channels already reached are not sent
 * to again. Each card is thus sent once per channel (at least once if a process dies between a
 * send and its record: receivers get the alert id to tell).
 */
export interface DeliverPorts {
  store: Pick<AlertStore, 'alert' | 'markDelivered'> & Pick<FigureStore, 'digest'>;
  channels: readonly Channel[];
  /** Office names for the text (the id when unknown). */
  officeNames: () => Promise<(id: string) => string>;
  clock: Clock;
}

export const deliver = async (ports: DeliverPorts, ref: OutboxRef): Promise<{ sent: string[]; already: string[] }> => {
  const rec = ref.type === 'alert' ? await ports.store.alert(ref.id) : await ports.store.digest(ref.audience, ref.day);
  if (!rec) {
    // nothing stored under it (a hand-made message): nothing to deliver, and retrying cannot help
    logger.warn('delivery of an unknown record skipped', { ref: ref.type });
    return { sent: [], already: [] };
  }
  const names = await ports.officeNames();
  const notice: Notice = 'card' in rec ? alertNotice(rec, names) : digestNotice(rec, names);
  const sent: string[] = [];
  const already: string[] = [];
  const failed: string[] = [];
  for (const ch of ports.channels) {
    if (rec.deliveries[ch.id]) {
      already.push(ch.id);
      continue;
    }
    try {
      await ch.send(notice);
      await ports.store.markDelivered(ref, ch.id, ports.clock().toISOString());
      sent.push(ch.id);
    } catch (e) {
      logger.warn('delivery failed, will be retried', { channel: ch.id, error: e as Error });
      failed.push(ch.id);
    }
  }
  if (failed.length) throw new Error(`delivery failed on ${failed.join(', ')} (sent: ${sent.join(', ') || 'none'})`);
  return { sent, already };
};
