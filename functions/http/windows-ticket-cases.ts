import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { linkCaseBody, ticketIdField } from '../../shared/hall/model.ts';
import { linkCaseToTicket } from '../../shared/hall/tickets.ts';
import { hallPorts } from '../../shared/hall/wiring.ts';

const ports = hallPorts();

/** POST /api/windows/tickets/{id}/cases `{caseId}`: a case taken in from a called ticket of the clerk's office is linked to it. */
export const handler = httpHandler('windows-ticket-cases', { params: z.object({ id: ticketIdField }), body: linkCaseBody }, async (req) => ({
  body: await linkCaseToTicket(ports, req.principal, req.params.id, req.body.caseId),
}));
