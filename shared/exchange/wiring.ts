import { containerSlot, runtimeConfig } from '../platform/runtime-config.ts';
import { systemClock } from '../platform/clock.ts';
import { secretJson } from '../aws/secret-json.ts';
import { officeDirectory } from '../offices/wiring.ts';
import { writeAudit } from '../audit/dynamo-audit.ts';
import { dynamoExchangeStore } from './dynamo-exchange.ts';
import { gatewayFor } from './gateways.ts';
import { exchangeConfig } from './config.ts';
import { DEMO_PROVINCE_CREDENTIALS } from './demo-credentials.ts';
import { staticSecret } from '../platform/json-secret.ts';
import type { ExchangeAdminPorts } from './ports.ts';

/** The exchange's production ports (the consumer and the admin routes), built once per container; the county's province read when used. */
const kept = containerSlot<ExchangeAdminPorts>();
export const exchangePorts = (): ExchangeAdminPorts =>
  kept.get(() => {
    // deployed: the county's secret; locally (no secret) the fake province's demo credentials
    const secret = runtimeConfig().exchangeCredentialsSecret;
    const credentials = secret ? secretJson(secret) : staticSecret(DEMO_PROVINCE_CREDENTIALS);
    return {
      store: dynamoExchangeStore(),
      offices: officeDirectory(),
      config: exchangeConfig,
      gateway: () => gatewayFor(exchangeConfig(), credentials),
      clock: systemClock,
      audit: (a) => writeAudit(a),
    };
  });
