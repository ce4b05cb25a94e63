import { DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSBatchResponse } from 'aws-lambda';
import { QUEUES, type QueueDef } from '../shared/platform/queues.ts';
import { loadHandler } from './modules.ts';
import { lambdaContext } from './lambda-context.ts';

/**
 * The local stand-in for Lambda's SQS event source mapping: long-polls each queue, invokes its
 * consumer with a batch, deletes what succeeded and leaves `batchItemFailures` in flight, so they
 * come back after the visibility timeout and reach the DLQ after maxReceiveCount (redrive is done
 * by fauxqs from the queue's RedrivePolicy, as SQS does).
 */
export interface Poller {
  stop(): Promise<void>;
}

export const startPoller = (opts: {
  endpoint: string;
  region: string;
  env: Record<string, string>;
  log: (line: string) => void;
  queues?: readonly QueueDef[];
  /** Tests inject a consumer; by default the queue's module under functions/queues/. */
  consumer?: (q: QueueDef) => ReturnType<typeof loadHandler>;
}): Poller => {
  const consumerOf = opts.consumer ?? ((q: QueueDef) => loadHandler('queues', q.id));
  const sqs = new SQSClient({
    endpoint: opts.endpoint,
    region: opts.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    useQueueUrlAsEndpoint: false,
  });
  let running = true;
  const abort = new AbortController();

  const loop = async (q: QueueDef): Promise<void> => {
    const url = opts.env[q.envVar];
    if (!url) throw new Error(`no URL for queue ${q.id}`);
    while (running) {
      try {
        const got = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: url,
            MaxNumberOfMessages: Math.min(q.batchSize, 10),
            WaitTimeSeconds: 2,
            MessageSystemAttributeNames: ['All'],
          }),
          { abortSignal: abort.signal },
        );
        const messages = got.Messages ?? [];
        if (!messages.length) continue;
        const event: SQSEvent = {
          Records: messages.map((m) => ({
            messageId: m.MessageId!,
            receiptHandle: m.ReceiptHandle!,
            body: m.Body ?? '',
            attributes: (m.Attributes ?? {}) as unknown as SQSEvent['Records'][number]['attributes'],
            messageAttributes: {},
            md5OfBody: m.MD5OfBody ?? '',
            eventSource: 'aws:sqs',
            eventSourceARN: `arn:aws:sqs:${opts.region}:000000000000:${url.split('/').pop()}`,
            awsRegion: opts.region,
          })),
        };
        let failed = new Set<string>();
        try {
          const handler = await consumerOf(q);
          const res = (await handler(event, lambdaContext(q.id, q.visibilityTimeoutSeconds * 1000))) as SQSBatchResponse | undefined;
          failed = new Set((res?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
        } catch (e) {
          // a thrown error fails the whole batch, as in Lambda
          failed = new Set(messages.map((m) => m.MessageId!));
          opts.log(`queue ${q.id}: consumer threw: ${(e as Error).message}`);
        }
        const done = messages.filter((m) => !failed.has(m.MessageId!));
        if (done.length) {
          await sqs.send(
            new DeleteMessageBatchCommand({
              QueueUrl: url,
              Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
            }),
          );
        }
        if (failed.size) opts.log(`queue ${q.id}: ${failed.size} record(s) failed, will be retried`);
      } catch (e) {
        if (!running) return;
        opts.log(`queue ${q.id}: poll error: ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  };

  const loops = (opts.queues ?? QUEUES).map((q) => loop(q));
  return {
    stop: async () => {
      running = false;
      abort.abort();
      await Promise.allSettled(loops);
      sqs.destroy();
    },
  };
};
