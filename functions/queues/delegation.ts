import { queueConsumer } from '../../shared/queue/consumer.ts';
import { applyForward, forwardMessage } from '../../shared/cases/forward.ts';

/** Consumer of the delegation queue: hands forwarded cases to the receiving office. */
export const handler = queueConsumer('delegation', forwardMessage, async (m) => {
  await applyForward(m);
});
