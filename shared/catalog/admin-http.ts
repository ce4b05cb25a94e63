import * as z from 'zod';
import { actorOf } from '../audit/audit.ts';
import type { Principal } from '../identity/principal.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import { itemCodeSchema } from './item.ts';
import { invalidatePublicIndex } from './wiring.ts';
import type { AdminContext } from './admin.ts';

/** Small pieces the admin handlers share. */
export const codeParams = z.object({ code: itemCodeSchema });

export const adminContext = (req: { principal: Principal; meta: RequestMeta }): AdminContext => ({
  actor: actorOf(req.principal),
  ...req.meta,
});

/** After a publish/withdraw here, this container's own search answers the new catalog at once. */
export const afterCatalogChange = (): void => invalidatePublicIndex();
