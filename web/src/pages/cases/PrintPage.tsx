import { appUrl } from '../../shell/config.ts';
import { Button, Space } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { CaseDetail } from '../../../../shared/cases/queries.ts';
import type { GuideResponse } from '../../../../shared/catalog/lookup.ts';
import { bjDateLong, bjDateTime } from '../../../../shared/platform/beijing-time.ts';
import { legalBodies, runtimeConfig } from '../../shell/config.ts';
import { Loaded, PageSpin } from '../../shell/loading.tsx';
import { useQrCode } from '../../shell/qr-code.ts';
import { useSession } from '../../shell/session.tsx';
import { useGuide } from '../items/catalog-client.ts';
import { KIND_LABELS } from './labels.ts';
import { statusLink } from './status-link.ts';
import { useCase } from './queries.ts';
import './print-docs.css';

const cn = (iso?: string) => bjDateTime(iso, '');
const cnDate = (d?: string) => bjDateLong(d);

/**
 * The written, dated documents of intake: 受理凭证 (accepted), 一次性告知书 (materials missing),
 * 不予受理通知书 (not accepted). A4 print layout; the QR code opens the public status page.
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
  // the 查询码 in the link: the citizen who scans it types nothing
  const link = statusLink(appUrl('').replace(/\/$/, ''), c.number, c.queryCode);
  const qrCode = useQrCode(link, 'png', 160);
  const qr = qrCode.data;
  // the document appears whole, with its QR code (or, should drawing fail, without it)
  if (qrCode.isPending) return <PageSpin />;
  const county = runtimeConfig().countyName;
  // a person is addressed 你, an organisation 贵单位
  const you = c.applicant.type === 'person' ? '你' : '贵单位';
  const legal = legalBodies();
  const title = c.status === 'not_accepted' ? '不予受理通知书' : c.status === 'awaiting_supplement' ? '一次性告知书' : '受理凭证';
  return (
    <div>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => window.print()} data-testid="print">
          打印
        </Button>
        <Link to={`/cases/${id}`}>
          <Button>返回办件</Button>
        </Link>
      </Space>
      <article className="doc" data-testid="doc">
        <h1>
          {county}
          {user?.officeName}
          <br />
          {title}
        </h1>
        <p className="doc-no">编号：{c.number}</p>
        <p>
          {c.applicant.name}
          {c.applicant.type === 'person' ? '（证件号码 ' + c.applicant.idMasked + '）' : ''}：
        </p>
        {c.status === 'not_accepted' && (
          <>
            <p>
              {you}于 {cn(c.createdAt)} 申请办理“{c.itemName}”。经审查，决定不予受理，理由如下：
            </p>
            <p className="doc-reason">{c.notAccepted?.reason}</p>
            <p>请向以下机关申请：{c.notAccepted?.referTo}。</p>
            <p data-testid="legal-remedy">
              如对本决定不服，可以自收到本通知书之日起六十日内向{legal.reviewBody}申请行政复议，或者自收到本通知书之日起六个月内向{legal.court}提起行政诉讼。
            </p>
          </>
        )}
        {c.status === 'awaiting_supplement' && (
          <>
            <p>
              {you}于 {cn(c.createdAt)} 申请办理“{c.itemName}”，申请材料不齐全。依据《中华人民共和国行政许可法》第三十二条，现一次性告知需补正的全部材料：
            </p>
            <ol>
              {c.missingMaterials.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ol>
            <p>补齐上述材料后即予受理，受理日以补齐之日为准。</p>
          </>
        )}
        {c.status !== 'not_accepted' && c.status !== 'awaiting_supplement' && (
          <>
            <p>
              {you}申请办理的“{c.itemName}”（{KIND_LABELS[c.kind]}）已于 {cn(c.acceptedAt)} 受理。
            </p>
            <table className="doc-table">
              <tbody>
                <tr>
                  <th>收到材料</th>
                  <td>{c.materialsReceived.join('、') || '—'}</td>
                </tr>
                <tr>
                  <th>承诺办结日期</th>
                  <td>
                    {cnDate(c.dueDate)}
                    {c.kind === 'immediate' ? '（即办件，当日办结）' : `（${c.promisedDays} 个工作日，法定节假日不计）`}
                  </td>
                </tr>
                <tr>
                  <th>办理地点</th>
                  <td>{guide.place}</td>
                </tr>
              </tbody>
            </table>
          </>
        )}
        <footer className="doc-footer">
          <div>
            <p>
              咨询电话：{guide.consultPhone}
              {'\u3000'}投诉电话：{guide.complaintPhone}
            </p>
            <p>
              经办人：{user?.displayName}
              {'\u3000'}日期：{cnDate(new Date().toISOString())}
            </p>
            <p>（盖章）</p>
            <p className="doc-sign" data-testid="applicant-sign">
              申请人（签收）：
              <span className="blank" />
              {'\u3000'}签收日期：
              <span className="blank short" />
            </p>
          </div>
          {qr && (
            <figure>
              <img src={qr} alt="办件进度二维码" width={120} height={120} data-href={link} />
              <figcaption>扫码查询进度、评价服务</figcaption>
            </figure>
          )}
        </footer>
      </article>
    </div>
  );
}
