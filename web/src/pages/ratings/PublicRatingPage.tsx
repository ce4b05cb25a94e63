import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Result, Space, Switch, Typography } from 'antd';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, errorText } from '../../shell/api.ts';
import { useElder } from '../../shell/elder.tsx';
import { isBad, LEVEL_LABELS, type Level } from '../../../../shared/ratings/model.ts';
import { FacePicker, ReasonPicker } from './faces.tsx';
import { useFollowUp, usePublicRatingState, useRateCase, type CitizenKey } from './queries.ts';
import './ratings.css';

/** The field errors of a refused rating, by path. */
const fieldError = (e: unknown, path: string): string | undefined => (e instanceof ApiError ? e.fields.find((f) => f.path === path)?.message : undefined);

/**
 * 评价服务 (public, one screen on a phone): from the receipt's QR code (through the status page) or
 * the status page itself. The last four phone digits (or the receipt's query code) open it.
 */
export default function PublicRatingPage() {
  const { number = '' } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const carried = (location.state ?? {}) as { phone4?: string; channel?: 'qr' | 'web' };
  const [elder, setElder] = useElder();
  const [key, setKey] = useState<CitizenKey | null>(() =>
    params.get('code') ? { code: params.get('code')! } : carried.phone4 ? { phone4: carried.phone4 } : null,
  );
  const channel = carried.channel ?? (params.get('from') === 'qr' ? 'qr' : 'web');
  const state = usePublicRatingState(number, key);
  const rate = useRateCase(number, key, channel);
  const followUp = useFollowUp(number, key);
  const [level, setLevel] = useState<Level | undefined>();
  const [reason, setReason] = useState('');
  const [text, setText] = useState('');
  const [fuLevel, setFuLevel] = useState<Level | undefined>();

  const header = (
    <Space style={{ width: '100%', justifyContent: 'space-between' }}>
      <Typography.Title level={1} style={{ margin: 0 }}>
        评价服务
      </Typography.Title>
      <label>
        长者版 <Switch checked={elder} onChange={setElder} aria-label="长者版" data-testid="elder-toggle" />
      </label>
    </Space>
  );

  if (rate.isSuccess || followUp.isSuccess) {
    const r = (rate.data ?? followUp.data)!.rating;
    return (
      <div className="rating-page" data-testid="thank-you">
        {header}
        <Result
          status="success"
          title="感谢您的评价"
          subTitle={
            <>
              您对 {r.itemName}（{r.number}）的评价：{r.levelLabel}。{isBad(r.level) && ' 办理单位负责人将在 1 个工作日内回访您，并在整改后答复您。'}
            </>
          }
          extra={<Link to={`/status/${encodeURIComponent(number)}`}>返回办件查询</Link>}
        />
      </div>
    );
  }

  if (!key || state.isError) {
    return (
      <div className="rating-page">
        {header}
        <Card>
          <Typography.Paragraph>受理编号：{number}</Typography.Paragraph>
          <Form layout="vertical" onFinish={(v: { phone4: string }) => setKey({ phone4: v.phone4 })}>
            <Form.Item name="phone4" label="申请人手机号后四位" rules={[{ required: true, pattern: /^\d{4}$/, message: '请填写手机号后四位' }]}>
              <Input size="large" maxLength={4} inputMode="numeric" autoFocus />
            </Form.Item>
            <Button type="primary" size="large" htmlType="submit" block>
              下一步
            </Button>
          </Form>
          {state.isError && <Alert type="warning" showIcon message={errorText(state.error)} style={{ marginTop: 12 }} />}
        </Card>
      </div>
    );
  }

  if (!state.data) return <div className="rating-page">{header}</div>;
  const s = state.data;

  if (s.rated && s.rating) {
    const r = s.rating;
    return (
      <div className="rating-page">
        {header}
        <Typography.Paragraph>
          {s.itemName}（{s.number}）
        </Typography.Paragraph>
        <Alert type="info" showIcon message={`您已评价：${r.levelLabel}（每件办件评价一次）`} />
        {r.followUpAllowed ? (
          <Card title="追评（仅一次）" style={{ marginTop: 12 }}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.TextArea
                value={text}
                onChange={(e) => setText(e.target.value)}
                maxLength={300}
                autoSize={{ minRows: 2 }}
                placeholder="补充您的评价"
                aria-label="追评内容"
                status={fieldError(followUp.error, 'text') ? 'error' : undefined}
              />
              {fieldError(followUp.error, 'text') && <div className="ant-form-item-explain-error">{fieldError(followUp.error, 'text')}</div>}
              <div>如需改变评价等级，可重新选择（可不选）：</div>
              <FacePicker value={fuLevel} onChange={setFuLevel} />
              {fuLevel && isBad(fuLevel) && <ReasonPicker value={reason} onChange={setReason} error={fieldError(followUp.error, 'reason')} />}
              {followUp.isError && !fieldError(followUp.error, 'text') && !fieldError(followUp.error, 'reason') && (
                <Alert type="error" showIcon message={errorText(followUp.error)} />
              )}
              <Button
                type="primary"
                size="large"
                block
                loading={followUp.isPending}
                onClick={() =>
                  followUp.mutate({ text, ...(fuLevel ? { level: fuLevel } : {}), ...(fuLevel && isBad(fuLevel) && reason.trim() ? { reason } : {}) })
                }
              >
                提交追评
              </Button>
            </Space>
          </Card>
        ) : (
          r.followUp && <Typography.Paragraph style={{ marginTop: 12 }}>您的追评：{r.followUp.text}</Typography.Paragraph>
        )}
      </div>
    );
  }

  const reasonError = fieldError(rate.error, 'reason');
  return (
    <div className="rating-page">
      {header}
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {s.itemName}
        <br />
        <small>受理编号 {s.number}</small>
      </Typography.Paragraph>
      <FacePicker value={level} onChange={setLevel} />
      {level && isBad(level) && <ReasonPicker value={reason} onChange={setReason} error={reasonError} />}
      {rate.isError && !reasonError && <Alert type="error" showIcon message={errorText(rate.error)} style={{ marginBottom: 8 }} />}
      <Button
        type="primary"
        size="large"
        block
        disabled={!level}
        loading={rate.isPending}
        onClick={() => level && rate.mutate({ level, ...(isBad(level) && reason.trim() ? { reason } : {}) })}
        style={{ marginTop: 8 }}
      >
        {level ? `提交评价：${LEVEL_LABELS[level]}` : '请选择评价'}
      </Button>
    </div>
  );
}
