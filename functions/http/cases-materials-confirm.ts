import { httpHandler } from '../../shared/http/handler.ts';
import { confirmUpload } from '../../shared/cases/materials.ts';
import { materialParams } from '../../shared/cases/materials-model.ts';
import { materialPorts } from '../../shared/cases/material-wiring.ts';

/** POST /api/cases/{id}/materials/{materialId}/confirm: checks the uploaded file's bytes; a wrong file is deleted (422). */
export const handler = httpHandler('cases-materials-confirm', { params: materialParams }, async (req) => ({
  body: await confirmUpload(materialPorts(), req.principal, req.params, req.meta),
}));
