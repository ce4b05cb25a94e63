import { useEffect, useState } from 'react';
import { Alert, Button, Space, Spin } from 'antd';
import { Link, useParams } from 'react-router-dom';
import QRCode from 'qrcode';
import { CONSENT_LABELS } from '../../../../shared/network/labels.ts';
import { runtimeConfig } from '../../shell/config.ts';
import { bjDateTime } from '../../../../shared/platform/beijing-time.ts';
import { useCommission } from './queries.ts';
import '../cases/print-docs.css';
import './network.css';

/**
 * 委托代办单: the written commission the applicant signs (or marks) at the village station, A4.
 * The QR code opens the commission for the township's clerk who takes it in.
 */
export default function CommissionPrintPage() {
  const { id = '' } = useParams();
  const q = useCommission(id);
  const [qr, setQr] = useState('');
  useEffect(() => {
    void QRCode.toDataURL(`${window.location.origin}/commissions/${id}`, { margin: 1, width: 140 }).then(setQr);
  }, [id]);
  if (q.isPending) return <Spin style={{ margin: 48 }} />;
  if (q.isError) return <Alert type="error" showIcon message={q.error.message} />;
  const { commission: k } = q.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space className="no-print" wrap>
        <Button type="primary" onClick={() => window.print()} data-testid="print">
          打印
        </Button>
        <Link to={`/commissions/${k.id}`}>
          <Button>返回代办件</Button>
        </Link>
      </Space>
      <div className="doc" data-testid="doc">
        <h1>{runtimeConfig().countyName}便民服务 委托代办单</h1>
        <p className="doc-no">编号：{k.number}</p>
        <table className="doc-table">
          <tbody>
            <tr>
              <th>委托事项</th>
              <td colSpan={3}>{k.itemName}</td>
            </tr>
            <tr>
              <th>委托人（申请人）</th>
              <td>{k.applicant.nameMasked}</td>
              <th>证件号码</th>
              <td>{k.applicant.idMasked}</td>
            </tr>
            <tr>
              <th>联系电话</th>
              <td>{k.applicant.phoneMasked}</td>
              <th>委托时间</th>
              <td>{bjDateTime(k.createdAt)}</td>
            </tr>
            <tr>
              <th>代办点</th>
              <td>{k.stationName}</td>
              <th>代办员</th>
              <td>{k.agentName}</td>
            </tr>
            <tr>
              <th>受理机构</th>
              <td>{k.townshipName}</td>
              <th>接收时限</th>
              <td>{bjDateTime(k.takeInDueAt)}前</td>
            </tr>
            <tr>
              <th>已收材料</th>
              <td colSpan={3}>{k.materialsCollected.join('、') || '无'}</td>
            </tr>
          </tbody>
        </table>
        <p>本人自愿委托上述代办员全程代办该事项（委托、受理、承办、回交），代办不收取任何费用。办结后，办理结果由代办员送达本人。</p>
        <p>同意方式：{CONSENT_LABELS[k.consent.method]}</p>
        <div className="doc-footer">
          <div>
            <p>委托人（签字或按手印）：__________</p>
            <p>代办员（签字）：__________</p>
          </div>
          {qr && (
            <figure>
              <img src={qr} alt="代办件二维码" width={140} height={140} />
              <figcaption>乡镇窗口扫码接收</figcaption>
            </figure>
          )}
        </div>
      </div>
    </Space>
  );
}
