import { httpHandler } from '../../shared/http/handler.ts';
import { caseIdParams } from '../../shared/cases/model.ts';
import { requestUpload } from '../../shared/cases/materials.ts';
import { uploadBody } from '../../shared/cases/materials-model.ts';
import { materialPorts } from '../../shared/cases/material-wiring.ts';

/** POST /api/cases/{id}/materials/uploads: a presigned PUT for one material file (PDF, JPEG, PNG). */
export const handler = httpHandler('cases-materials-upload', { params: caseIdParams, body: uploadBody }, async (req) => ({
  status: 201,
  body: await requestUpload(materialPorts(), req.principal, req.params, req.body, req.meta),
}));
