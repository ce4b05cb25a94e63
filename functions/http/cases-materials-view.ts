import { httpHandler } from '../../shared/http/handler.ts';
import { viewMaterial } from '../../shared/cases/materials.ts';
import { materialParams } from '../../shared/cases/materials-model.ts';
import { materialPorts } from '../../shared/cases/material-wiring.ts';

/** POST /api/cases/{id}/materials/{materialId}/view: a one-minute download link, audited. */
export const handler = httpHandler('cases-materials-view', { params: materialParams }, async (req) => ({
  body: await viewMaterial(materialPorts(), req.principal, req.params, req.meta),
}));
