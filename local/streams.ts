import type { DynamoDBRecord, DynamoDBStreamEvent, DynamoDBBatchResponse } from 'aws-lambda';
import { STREAMS, passesFilter, type StreamDef } from '../shared/platform/streams.ts';
import { tableDef } from '../shared/platform/tables.ts';
import { loadHandler } from './modules.ts';
import { lambdaContext } from './lambda-context.ts';

/**
 * The local stand-in for Lambda's DynamoDB stream event source: reads DynamoDB Local's streams
 * (every shard, from the oldest record kept: a restart relays again what fauxqs lost, and the
 * consumers are idempotent), applies the definition's filter as Lambda's event filtering does,
 * invokes `functions/streams/<id>.ts` with the batch and, on `batchItemFailures`, reads again from
 * the first failed record after a pause (as the event source retries).
 *
 * DynamoDB Local serves the Streams API on its own endpoint (-sharedDb: any credentials); it is
 * called directly rather than through an SDK client the functions never use.
 */
export interface StreamRunner {
  stop(): Promise<void>;
}

type Call = (target: string, body: object) => Promise<Record<string, unknown>>;

const caller =
  (endpoint: string, region: string): Call =>
  async (target, body) => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': target,
        authorization: `AWS4-HMAC-SHA256 Credential=local/20260101/${region}/dynamodb/aws4_request, SignedHeaders=host, Signature=00`,
      },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${target}: ${String(json.message ?? json.Message ?? res.status)}`);
    return json;
  };

export const startStreams = (opts: {
  endpoint: string;
  region: string;
  env: Record<string, string>;
  log: (line: string) => void;
  streams?: readonly StreamDef[];
  /** Milliseconds between reads of an idle stream. */
  idleMs?: number;
}): StreamRunner => {
  const call = caller(opts.endpoint, opts.region);
  let running = true;
  const idle = opts.idleMs ?? 250;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  const loop = async (def: StreamDef): Promise<void> => {
    const table = opts.env[tableDef(def.table).envVar];
    if (!table) throw new Error(`no table for stream ${def.id}`);
    const iterators = new Map<string, string | null>();
    // the last record handed on per shard: DynamoDB Local expires an idle iterator ("read past the
    // oldest stream record"), and a fresh one must start after what was already done
    const lastSeq = new Map<string, string>();
    const freshIterator = async (shard: string): Promise<string> => {
      const seq = lastSeq.get(shard);
      const r = await call('DynamoDBStreams_20120810.GetShardIterator', {
        StreamArn: arn,
        ShardId: shard,
        ...(seq ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: seq } : { ShardIteratorType: 'TRIM_HORIZON' }),
      });
      return r.ShardIterator as string;
    };
    let arn: string | undefined;
    while (running) {
      try {
        arn ??= ((await call('DynamoDB_20120810.DescribeTable', { TableName: table })).Table as { LatestStreamArn?: string }).LatestStreamArn;
        if (!arn) throw new Error(`table ${table} has no stream`);
        const shards = (
          (await call('DynamoDBStreams_20120810.DescribeStream', { StreamArn: arn })).StreamDescription as { Shards?: Array<{ ShardId: string }> }
        ).Shards;
        for (const s of shards ?? []) {
          if (!iterators.has(s.ShardId)) iterators.set(s.ShardId, await freshIterator(s.ShardId));
        }
        let got = 0;
        for (const [shard, iterator] of iterators) {
          if (!running || !iterator) continue;
          const r = await call('DynamoDBStreams_20120810.GetRecords', { ShardIterator: iterator, Limit: def.batchSize }).catch(async (e: unknown) => {
            if (!/oldest stream record|expired|TrimmedDataAccess/i.test((e as Error).message)) throw e;
            iterators.set(shard, await freshIterator(shard));
            return undefined;
          });
          if (!r) continue;
          const records = (r.Records ?? []) as DynamoDBRecord[];
          const passing = records.filter((rec) => passesFilter(def, rec.eventName, rec.dynamodb?.Keys?.pk?.S));
          if (process.env.STREAMS_DEBUG) opts.log(`stream ${def.id}: shard ${shard} ${records.length} record(s), ${passing.length} passing`);
          got += records.length;
          const failedAt = passing.length ? await invoke(def, passing) : undefined;
          if (failedAt) {
            // read again from the first failed record, after a pause
            const again = await call('DynamoDBStreams_20120810.GetShardIterator', {
              StreamArn: arn,
              ShardId: shard,
              ShardIteratorType: 'AT_SEQUENCE_NUMBER',
              SequenceNumber: failedAt,
            });
            iterators.set(shard, again.ShardIterator as string);
            await sleep(1000);
          } else {
            const last = records.at(-1)?.dynamodb?.SequenceNumber;
            if (last) lastSeq.set(shard, last);
            iterators.set(shard, (r.NextShardIterator as string | undefined) ?? null);
          }
        }
        if (!got) await sleep(idle);
      } catch (e) {
        if (!running) return;
        opts.log(`stream ${def.id}: ${(e as Error).message}`);
        await sleep(1000);
      }
    }
  };

  /** Runs the consumer; the sequence number to read again from, when it reported a failure. */
  const invoke = async (def: StreamDef, records: DynamoDBRecord[]): Promise<string | undefined> => {
    const event: DynamoDBStreamEvent = { Records: records.map((r) => ({ ...r, eventSource: 'aws:dynamodb', awsRegion: opts.region })) };
    try {
      const handler = await loadHandler('streams', def.id);
      const res = (await handler(event, lambdaContext(def.id, 60_000))) as DynamoDBBatchResponse | undefined;
      return res?.batchItemFailures?.[0]?.itemIdentifier;
    } catch (e) {
      opts.log(`stream ${def.id}: consumer threw: ${(e as Error).message}`);
      return records[0]!.dynamodb!.SequenceNumber;
    }
  };

  const loops = (opts.streams ?? STREAMS.filter((s) => s.local)).map((d) => loop(d));
  return {
    stop: async () => {
      running = false;
      await Promise.allSettled(loops);
    },
  };
};
