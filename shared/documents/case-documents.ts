import * as z from 'zod';
import { ForbiddenError, NotFoundError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import { visibleOrNotFound } from '../cases/access.ts';
import type { CaseRecord } from '../cases/model.ts';
import type { CasePorts } from '../cases/ports.ts';
import { getCommission } from '../network/commission-views.ts';
import { officeNames } from '../offices/offices.ts';
import { renderPdf } from './pdf.ts';
import { caseDocument, commissionDocument, DOCUMENT_TITLES, documentsOf, legalBodiesOf, statusLink, type CaseDocument, type DocumentKind } from './texts.ts';

/** The county's own words on its documents: its name, and where a refused applicant may turn. */
export interface DocumentSettings {
  countyName: string;
  legal?: { reviewBody?: string; court?: string };
  /** The web front's origin for the status link (the county's domain; else the request's Origin). */
  origin: string;
}

export type DocumentPorts = Pick<CasePorts, 'cases' | 'catalog' | 'offices' | 'clock'>;

export const documentParams = z.object({
  id: z.string().uuid('办件编号有误'),
  kind: z.enum(['receipt', 'supplement-notice', 'not-accepted', 'decision'], { error: '文书类型须为 receipt、supplement-notice、not-accepted 或 decision' }),
});

/**
 * A case document as the clerk's print page shows it, built from the case as stored: the case's
 * own office issues it; 经办人 is the staff member asking (as on the page they print).
 */
export const buildCaseDocument = async (
  ports: DocumentPorts,
  c: CaseRecord,
  kind: Exclude<DocumentKind, 'commission'>,
  settings: DocumentSettings,
  clerkName: string,
): Promise<CaseDocument> => {
  const [name, version] = await Promise.all([officeNames(ports.offices), ports.catalog.getItemVersion(c.itemCode, c.itemVersion)]);
  const item = version?.item;
  return caseDocument(kind, c, {
    countyName: settings.countyName,
    officeName: name(c.officeId),
    clerkName,
    printedAt: ports.clock().toISOString(),
    guide: { place: item?.place ?? '', consultPhone: item?.consultPhone ?? '', complaintPhone: item?.complaintPhone ?? '' },
    legal: legalBodiesOf(settings.countyName, settings.legal),
    statusLink: statusLink(settings.origin, c.number, c.queryCode),
  });
};

/** GET /api/cases/{id}/documents/{kind}: the PDF, for anyone who may see the case; a document the case has not got is 404. */
export const caseDocumentPdf = async (ports: DocumentPorts, p: Principal, input: z.output<typeof documentParams>, settings: DocumentSettings) => {
  if (!hasScope(p, 'case.read')) throw new ForbiddenError();
  const c = visibleOrNotFound(p, (await ports.cases.get(input.id))?.record);
  if (!documentsOf(c).includes(input.kind)) throw new NotFoundError(`该办件没有${DOCUMENT_TITLES[input.kind]}`);
  const doc = await buildCaseDocument(ports, c, input.kind, settings, p.displayName);
  return { bytes: await renderPdf(doc), filename: `${DOCUMENT_TITLES[input.kind]}-${c.number}.pdf` };
};

/** GET /api/commissions/{id}/document: the 委托代办单 as PDF, for whoever may see the commission. */
export const commissionDocumentPdf = async (ports: DocumentPorts, p: Principal, input: { id: string }, settings: DocumentSettings) => {
  const { commission: k } = await getCommission(ports, p, input);
  const doc = commissionDocument(k, { countyName: settings.countyName, link: `${settings.origin}/commissions/${encodeURIComponent(k.id)}` });
  return { bytes: await renderPdf(doc), filename: `委托代办单-${k.number}.pdf` };
};
