/**
 * Queues and topics of one county, as data shared by the CDK stack and the local platform.
 * A queue's consumer is `functions/queues/<id>.ts`.
 */
export type QueueId = 'delegation' | 'alerts' | 'notices' | 'archive' | 'exchange';

export interface QueueDef {
  readonly id: QueueId;
  readonly envVar: string;
  /** Seconds a received message stays invisible; also the consumer's timeout budget. */
  readonly visibilityTimeoutSeconds: number;
  /** Receives before a message goes to the DLQ. */
  readonly maxReceiveCount: number;
  readonly batchSize: number;
  /**
   * Consumed by this HTTP function (its deployed entry dispatches the queue's records to
   * functions/queues/<id>.ts) rather than a function of its own: a stack holds 500 resources.
   * Its timeout is the host's; its grants (CONSUMER_USES) are added to the host's role.
   */
  readonly host?: 'documents' | 'exchange';
}

export const QUEUES: readonly QueueDef[] = [
  // cases forwarded between offices (综合受理, 下放/交办): township ⇄ county department
  { id: 'delegation', envVar: 'QUEUE_DELEGATION', visibilityTimeoutSeconds: 60, maxReceiveCount: 5, batchSize: 10 },
  // 电子监察: stored alerts and digests to deliver (SNS e-mail, webhooks). A receiver's outage is
  // retried every visibility timeout for about a day before the message rests in the DLQ
  { id: 'alerts', envVar: 'QUEUE_ALERTS', visibilityTimeoutSeconds: 300, maxReceiveCount: 288, batchSize: 5 },
  // texts to applicants and agents (shared/notices), from the outbox. The consumer sets each
  // retry's delay itself (backoff; quiet hours: until 08:00 Beijing), so 12 receives span about a
  // day of provider outage before a message rests in the DLQ (`npm run redrive -- notices`)
  { id: 'notices', envVar: 'QUEUE_NOTICES', visibilityTimeoutSeconds: 60, maxReceiveCount: 12, batchSize: 5 },
  // the electronic archive (shared/archive), from the outbox: one package at a time (PDFs drawn,
  // materials read, the zip checked as stored); idempotent, so a retry rebuilds nothing already archived.
  // Hosted by the documents function, which already carries the Chinese font
  { id: 'archive', envVar: 'QUEUE_ARCHIVE', visibilityTimeoutSeconds: 120, maxReceiveCount: 5, batchSize: 1, host: 'documents' },
  // the provincial exchange (shared/exchange), from the outbox: each stage record pushed to the
  // province in order per case. The consumer sets each retry's delay itself (the province down or an
  // earlier record not yet acknowledged: 30 s doubling to an hour), so 24 receives span about a day
  // before a message rests in the DLQ (`npm run redrive -- exchange`). Hosted by the exchange
  // function (its routes read and correct the same records)
  { id: 'exchange', envVar: 'QUEUE_EXCHANGE', visibilityTimeoutSeconds: 60, maxReceiveCount: 24, batchSize: 2, host: 'exchange' },
];

export type TopicId = 'supervision';

export interface TopicDef {
  readonly id: TopicId;
  readonly envVar: string;
}

/** 电子监察: yellow and red cards go to the supervisors subscribed here. */
export const TOPICS: readonly TopicDef[] = [{ id: 'supervision', envVar: 'TOPIC_SUPERVISION' }];
