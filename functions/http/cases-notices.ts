import { httpHandler } from '../../shared/http/handler.ts';
import { caseIdParams } from '../../shared/cases/model.ts';
import { casePorts } from '../../shared/app/wiring.ts';
import { caseNotices } from '../../shared/notices/queries.ts';
import { noticeStore } from '../../shared/notices/wiring.ts';

const store = noticeStore();

/** GET /api/cases/{id}/notices: the texts the applicant was sent (告知 evidence), for whoever may read the case. */
export const handler = httpHandler('cases-notices', { params: caseIdParams }, async (req) => ({
  body: await caseNotices({ store, cases: casePorts().cases }, req.principal, req.params.id),
}));
