import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Switch, Timeline, Typography } from 'antd';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { bjDate, bjDateTime } from '../../../../shared/platform/beijing-time.ts';
import { errorText } from '../../shell/api.ts';
import { useElder } from '../../shell/elder.tsx';
import { usePublicStatus, type PublicLookup } from './queries.ts';

/**
 * 办件进度查询 (public). The receipt's QR code carries the 查询码 (`?code=`), so a scanning citizen
 * sees the case at once; someone typing the number gives the last four phone digits instead.
 */
export default function PublicStatusPage() {
  const { number = '' } = useParams();
  const [params] = useSearchParams();
  const code = params.get('code')?.trim() ?? '';
  // from the front door's form, the digits come along (in memory, never in the URL)
  const phone4 = (useLocation().state as { phone4?: string } | null)?.phone4 ?? '';
  const [lookup, setLookup] = useState<PublicLookup | null>(number && code ? { number, code } : number && phone4 ? { number, phone4 } : null);
  const [elder, setElder] = useElder();
  const query = usePublicStatus(lookup);
  const status = query.isError ? undefined : query.data;

  const submit = (v: { number: string; phone4: string }) => {
    const next = { number: v.number.trim(), phone4: v.phone4 };
    // the same question again asks the server again (the case may have moved on)
    if (lookup && 'phone4' in lookup && lookup.number === next.number && lookup.phone4 === next.phone4) void query.refetch();
    else setLookup(next);
  };
  const byCode = lookup !== null && 'code' in lookup;

  return (
    <main className="public-page" style={{ maxWidth: 640, margin: '24px auto', padding: 16 }}>
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Typography.Title level={1} style={{ fontSize: 26, margin: 0 }}>
            办件进度查询
          </Typography.Title>
          <label style={{ fontSize: 16 }}>
            <Space>
              长者版（大字）
              <Switch checked={elder} onChange={setElder} />
            </Space>
          </label>
        </Space>
        {!byCode && (
          <Form layout="vertical" onFinish={submit} initialValues={{ number, phone4 }} style={{ marginTop: 16 }}>
            <Form.Item name="number" label="受理编号" rules={[{ required: true, message: '请填写受理编号' }]}>
              <Input size="large" placeholder="如 411521-20261122-0042" />
            </Form.Item>
            <Form.Item name="phone4" label="申请人手机号后四位" rules={[{ required: true, pattern: /^\d{4}$/, message: '请填写手机号后四位' }]}>
              <Input size="large" maxLength={4} inputMode="numeric" />
            </Form.Item>
            <Button type="primary" size="large" htmlType="submit" block>
              查询
            </Button>
          </Form>
        )}
        {query.isError && (
          <Alert
            type="warning"
            showIcon
            message={errorText(query.error)}
            style={{ marginTop: 16 }}
            action={
              byCode ? (
                <Button size="small" onClick={() => setLookup(null)}>
                  改用手机号查询
                </Button>
              ) : undefined
            }
          />
        )}
        {byCode && query.isPending && <Typography.Paragraph style={{ marginTop: 16 }}>正在查询…</Typography.Paragraph>}
        {status && (
          <div data-testid="public-status" style={{ marginTop: 16 }}>
            <Descriptions column={1} bordered>
              <Descriptions.Item label="受理编号">{status.number}</Descriptions.Item>
              <Descriptions.Item label="事项">{status.itemName}</Descriptions.Item>
              <Descriptions.Item label="申请人">{status.applicantName}</Descriptions.Item>
              <Descriptions.Item label="状态">{status.statusLabel}</Descriptions.Item>
              {status.acceptedAt && <Descriptions.Item label="受理时间">{bjDateTime(status.acceptedAt)}</Descriptions.Item>}
              {status.dueDate && <Descriptions.Item label="承诺办结日">{bjDate(status.dueDate)}</Descriptions.Item>}
              {status.result && (
                <Descriptions.Item label="办理结果">
                  {status.result === 'approved' ? '准予' : '不予批准'}
                  {status.decidedAt ? `（${bjDate(status.decidedAt)}）` : ''}
                </Descriptions.Item>
              )}
              {status.refusalReason && <Descriptions.Item label="不予批准的理由">{status.refusalReason}</Descriptions.Item>}
              {status.missingMaterials.length > 0 && (
                <Descriptions.Item label="需补正材料">{status.missingMaterials.join('、')}（请带齐后到原受理窗口补交）</Descriptions.Item>
              )}
              {status.notAccepted && <Descriptions.Item label="不予受理的理由">{status.notAccepted.reason}</Descriptions.Item>}
              {status.notAccepted?.referTo && <Descriptions.Item label="请到">{status.notAccepted.referTo}</Descriptions.Item>}
            </Descriptions>
            {status.timeline.length > 0 && (
              <>
                <Typography.Title level={2} style={{ fontSize: 20, marginTop: 24 }}>
                  办理过程
                </Typography.Title>
                <Timeline items={status.timeline.map((e) => ({ children: `${bjDateTime(e.at)}\u3000${e.label}` }))} data-testid="public-timeline" />
              </>
            )}
            {/* 评价服务: the rating page takes the same key; a 查询码 means it came from the receipt's QR */}
            <Link
              to={`/rate/${encodeURIComponent(status.number)}${code ? `?code=${encodeURIComponent(code)}&from=qr` : ''}`}
              state={{ ...(lookup && 'phone4' in lookup ? { phone4: lookup.phone4 } : {}), channel: code ? 'qr' : 'web' }}
            >
              <Button size="large" block style={{ marginTop: 16 }}>
                评价服务
              </Button>
            </Link>
          </div>
        )}
        <Typography.Paragraph style={{ marginTop: 16 }}>
          <Link to="/">返回首页</Link>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
