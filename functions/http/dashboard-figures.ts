import { httpHandler } from '../../shared/http/handler.ts';
import { dashboard, dashboardQuery } from '../../shared/supervision/dashboard.ts';
import { dashboardPorts } from '../../shared/supervision/wiring.ts';

const ports = dashboardPorts();

/** GET /api/dashboard?from=YYYY-MM&to=YYYY-MM&officeId=: the figures, from the counters. */
export const handler = httpHandler('dashboard-figures', { query: dashboardQuery }, async (req) => ({ body: await dashboard(ports, req.principal, req.query) }));
