import * as z from 'zod';
import { actorOf } from '../audit/audit.ts';
import { requirePrincipal } from '../http/handler.ts';
import { itemCodeSchema } from './item.ts';
import { invalidatePublicIndex } from './public-index.ts';
import type { AdminContext } from './admin.ts';

/** Small pieces the admin handlers share. */
export const codeParams = z.object({ code: itemCodeSchema });

export const adminContext = (req: { principal: Parameters<typeof requirePrincipal>[0]['principal']; sourceIp: string; userAgent: string }): AdminContext => ({
  actor: actorOf(requirePrincipal(req)),
  sourceIp: req.sourceIp,
  userAgent: req.userAgent,
});

/** After a publish/withdraw here, this container's own search answers the new catalog at once. */
export const afterCatalogChange = (): void => invalidatePublicIndex();
