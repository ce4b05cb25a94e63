import { httpHandler } from '../../shared/http/handler.ts';
import { destructionList } from '../../shared/archive/archive.ts';
import { archivePorts } from '../../shared/archive/wiring.ts';

/** GET /api/archive/destruction: 鉴定销毁 — the packages whose retention has ended, with their approvals. */
export const handler = httpHandler('archive-destruction-list', {}, async (req) => ({ body: await destructionList(archivePorts(), req.principal) }));
