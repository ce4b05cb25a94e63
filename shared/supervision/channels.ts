import type { Channel, Notifier } from './ports.ts';

/** The SNS topic of the county (its e-mail subscriptions): subject and plain text. */
export const topicChannel = (notifier: Notifier): Channel => ({
  id: 'sns',
  send: (n) => notifier.publish({ subject: n.subject, message: n.text }),
});
