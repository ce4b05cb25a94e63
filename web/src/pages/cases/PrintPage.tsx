import { appUrl } from '../../shell/config.ts';
import { Button, Space } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { CaseDetail } from '@shared/cases/queries.ts';
import type { GuideResponse } from '@shared/catalog/lookup.ts';
import { caseDocument, documentsOf, intakeDocumentKind, legalBodiesOf } from '@shared/documents/texts.ts';
import { runtimeConfig } from '../../shell/config.ts';
import { Loaded, PageSpin } from '../../shell/loading.tsx';
import { useQrCode } from '../../shell/qr-code.ts';
import { useSession } from '../../shell/session.tsx';
import { useGuide } from '../items/catalog-client.ts';
import { DocView } from '../documents/DocView.tsx';
import { PdfLink } from '../documents/PdfLink.tsx';
import { statusLink } from './status-link.ts';
import { useCase } from './queries.ts';

/**
 * The written, dated documents of a case: 受理凭证 (accepted), 一次性告知书 (materials missing),
 * 不予受理通知书 (not accepted), 办结通知书 (`?doc=decision`). A4 print layout, the text from
 * shared/documents/texts.ts (the server's PDF draws the same); the QR code opens the public status page.
 */
export default function PrintPage() {
  const { id = '' } = useParams();
  const detail = useCase(id);
  return (
    <Loaded query={detail} title="无法显示文书">
      {(d) => <WithGuide id={id} detail={d} />}
    </Loaded>
  );
}

/** The guide of the version the case was accepted under gives the place and phones. */
function WithGuide({ id, detail }: { id: string; detail: CaseDetail }) {
  const guide = useGuide(detail.case.itemCode, detail.case.itemVersion);
  return (
    <Loaded query={guide} title="无法读取办事指南">
      {(g) => <Documents id={id} detail={detail} guide={g} />}
    </Loaded>
  );
}

function Documents({ id, detail: { case: c }, guide: { item: guide } }: { id: string; detail: CaseDetail; guide: GuideResponse }) {
  const { user } = useSession();
  // ?doc=decision prints the 办结通知书; otherwise the intake document the status calls for
  const [params] = useSearchParams();
  const asked = params.get('doc');
  const kind = documentsOf(c).find((k) => k === asked) ?? intakeDocumentKind(c);
  // the 查询码 in the link: the citizen who scans it types nothing
  const link = statusLink(appUrl('').replace(/\/$/, ''), c.number, c.queryCode);
  const qrCode = useQrCode(link, 'png', 160);
  const qr = qrCode.data;
  // the document appears whole, with its QR code (or, should drawing fail, without it)
  if (qrCode.isPending) return <PageSpin />;
  const cfg = runtimeConfig();
  const doc = caseDocument(kind, c, {
    countyName: cfg.countyName,
    officeName: user?.officeName ?? '',
    clerkName: user?.displayName ?? '',
    printedAt: new Date().toISOString(),
    guide,
    legal: legalBodiesOf(cfg.countyName, cfg.legal),
    statusLink: link,
  });
  return (
    <div>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => window.print()} data-testid="print">
          打印
        </Button>
        <PdfLink path={`/api/cases/${encodeURIComponent(id)}/documents/${doc.kind}`} name={`${doc.heading.at(-1)}-${c.number}.pdf`} />
        <Link to={`/cases/${id}`}>
          <Button>返回办件</Button>
        </Link>
      </Space>
      <DocView doc={doc} qr={qr} />
    </div>
  );
}
