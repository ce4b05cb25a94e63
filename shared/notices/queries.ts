import type { Principal } from '../identity/principal.ts';
import { visibleOrNotFound } from '../cases/access.ts';
import { noticeView, type NoticeView } from './model.ts';
import type { NoticeQueryPorts } from './ports.ts';

/** A case's notices (告知 evidence), for whoever may read the case: oldest first. */
export const caseNotices = async (ports: NoticeQueryPorts, p: Principal, caseId: string): Promise<{ notices: NoticeView[] }> => {
  const found = await ports.cases.get(caseId);
  visibleOrNotFound(p, found?.record);
  return { notices: (await ports.store.list(caseId)).map(noticeView) };
};
