import { containerSlot, runtimeConfig } from '../platform/runtime-config.ts';
import { systemClock } from '../platform/clock.ts';
import { kmsSealer } from '../cases/kms-sealer.ts';
import { dynamoNoticeStore } from './dynamo-notices.ts';
import { secretJson } from '../aws/secret-json.ts';
import { DEMO_CREDENTIALS } from './demo-credentials.ts';
import { staticSecret } from '../platform/json-secret.ts';
import { channelFor } from './channels.ts';
import { noticesConfig } from './config.ts';
import type { DeliverPorts, NoticeStore } from './ports.ts';

/** The notices table (the texts of a case, 告知 evidence). */
const storeKept = containerSlot<NoticeStore>();
export const noticeStore = (): NoticeStore => storeKept.get(() => dynamoNoticeStore());

/** The notices consumer's production ports, built once per container; the county's channel read when used. */
const kept = containerSlot<DeliverPorts>();
export const deliverPorts = (): DeliverPorts =>
  kept.get(() => {
    // deployed: the county's secret; locally (no secret) the fake provider's demo keys
    const secret = runtimeConfig().noticeCredentialsSecret;
    const credentials = secret ? secretJson(secret) : staticSecret(DEMO_CREDENTIALS);
    return {
      store: noticeStore(),
      sealer: kmsSealer(),
      config: noticesConfig,
      channel: () => channelFor(noticesConfig(), credentials),
      clock: systemClock,
    };
  });
