import { httpHandler } from '../../shared/http/handler.ts';
import { searchArchive } from '../../shared/archive/archive.ts';
import { archiveSearchQuery } from '../../shared/archive/schemas.ts';
import { archivePorts } from '../../shared/archive/wiring.ts';

/** GET /api/archive?year=&q=: the county admin's search of a year's packages. */
export const handler = httpHandler('archive-search', { query: archiveSearchQuery }, async (req) => ({
  body: await searchArchive(archivePorts(), req.principal, req.query),
}));
