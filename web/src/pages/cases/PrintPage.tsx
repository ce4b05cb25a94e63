import { useEffect, useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { Link, useParams } from 'react-router-dom';
import QRCode from 'qrcode';
import { api } from '../../shell/api.ts';
import { runtimeConfig } from '../../shell/config.ts';
import { useSession } from '../../shell/session.tsx';
import { KIND_LABELS, type CaseView } from './types.ts';
import './print-docs.css';

interface Guide {
  office: string;
  place: string;
  hours: string;
  consultPhone: string;
  complaintPhone: string;
}

const cn = (iso?: string) => (iso ? new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 16) : '');
const cnDate = (d?: string) => (d ? `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : '');

/**
 * The written, dated documents of intake: 受理凭证 (accepted), 一次性告知书 (materials missing),
 * 不予受理通知书 (not accepted). A4 print layout; the QR code opens the public status page.
 */
export default function PrintPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const [c, setCase] = useState<CaseView | null>(null);
  const [guide, setGuide] = useState<Guide | null>(null);
  const [qr, setQr] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<{ case: CaseView }>(`/api/cases/${id}`)
      .then(async (r) => {
        setCase(r.case);
        const g = await api<{ item: Guide }>(`/api/items/${r.case.itemCode}?version=${r.case.itemVersion}`);
        setGuide(g.item);
        setQr(await QRCode.toDataURL(`${window.location.origin}/status/${r.case.number}?from=qr`, { margin: 1, width: 160 }));
      })
      .catch((e: Error) => setError(e.message));
  }, [id]);

  if (error) return <Alert type="error" showIcon message={error} />;
  if (!c || !guide) return null;
  const county = runtimeConfig().countyName;
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
              你（单位）于 {cn(c.createdAt)} 申请办理“{c.itemName}”。经审查，决定不予受理，理由如下：
            </p>
            <p className="doc-reason">{c.notAccepted?.reason}</p>
            <p>请向以下机关申请：{c.notAccepted?.referTo}。</p>
            <p>如对本决定不服，可依法申请行政复议或提起行政诉讼。</p>
          </>
        )}
        {c.status === 'awaiting_supplement' && (
          <>
            <p>
              你（单位）于 {cn(c.createdAt)} 申请办理“{c.itemName}”，申请材料不齐全。依据《中华人民共和国行政许可法》第三十二条，现一次性告知需补正的全部材料：
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
              你（单位）申请办理的“{c.itemName}”（{KIND_LABELS[c.kind]}）已于 {cn(c.acceptedAt)} 受理。
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
              {'\u3000'}日期：{cn(new Date().toISOString()).slice(0, 10)}
            </p>
            <p>（盖章）</p>
          </div>
          {qr && (
            <figure>
              <img src={qr} alt="办件进度二维码" width={120} height={120} />
              <figcaption>扫码查询进度、评价服务</figcaption>
            </figure>
          )}
        </footer>
      </article>
    </div>
  );
}
