import type { Notice } from './notices.ts';
import type { Notifier } from './notifier.ts';

/** Where a notice is delivered: the supervision topic (e-mail), each webhook. Throws when it was not. */
export interface Channel {
  id: string;
  send(n: Notice): Promise<void>;
}

/** The SNS topic of the county (its e-mail subscriptions): subject and plain text. */
export const topicChannel = (notifier: Notifier): Channel => ({
  id: 'sns',
  send: (n) => notifier.publish({ subject: n.subject, message: n.text }),
});
