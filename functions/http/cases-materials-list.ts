import { httpHandler } from '../../shared/http/handler.ts';
import { caseIdParams } from '../../shared/cases/model.ts';
import { listMaterials } from '../../shared/cases/materials.ts';
import { materialPorts } from '../../shared/cases/material-wiring.ts';

/** GET /api/cases/{id}/materials: the case's stored files. */
export const handler = httpHandler('cases-materials-list', { params: caseIdParams }, async (req) => ({
  body: await listMaterials(materialPorts(), req.principal, req.params),
}));
