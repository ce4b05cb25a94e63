import { httpHandler } from '../../shared/http/handler.ts';
import { countyCases, countyListQuery } from '../../shared/supervision/county-views.ts';
import { countyViewPorts, supervisionRules } from '../../shared/supervision/wiring.ts';

const ports = countyViewPorts();

/** GET /api/supervision/cases?view=&officeId=&cursor=: every office's work lists (county-wide readers). */
export const handler = httpHandler('supervision-cases', { query: countyListQuery }, async (req) => ({
  body: await countyCases(ports, req.principal, req.query, supervisionRules()),
}));
