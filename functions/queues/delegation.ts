import { queueConsumer } from '../../shared/queue/consumer.ts';
import { applyForward, forwardMessage } from '../../shared/cases/forward.ts';
import { casePorts } from '../../shared/cases/wiring.ts';

const ports = casePorts();

/** Consumer of the delegation queue: hands forwarded cases to the receiving office. */
export const handler = queueConsumer('delegation', forwardMessage, async (m) => {
  await applyForward(ports, m);
});
