import { useEffect, useState } from 'react';
import { Alert, Button, Space, Spin } from 'antd';
import { Link, useParams } from 'react-router-dom';
import QRCode from 'qrcode';
import { commissionDocument } from '@shared/documents/texts.ts';
import { DocView } from '../documents/DocView.tsx';
import { runtimeConfig } from '../../shell/config.ts';
import { useCommission } from './queries.ts';
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
      <DocView
        doc={commissionDocument(k, { countyName: runtimeConfig().countyName, link: `${window.location.origin}/commissions/${id}` })}
        qr={qr}
        qrSize={140}
      />
    </Space>
  );
}
