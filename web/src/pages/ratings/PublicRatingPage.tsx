import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, errorText } from '../../shell/api.ts';
import { Card, ElderSwitch, Field } from '../../light/ui.tsx';
import { Alert, PageHead } from '../../light/parts.tsx';
import { isBad, LEVEL_LABELS, type Level } from '@shared/ratings/levels.ts';
import { FacePicker, ReasonPicker } from './faces.tsx';
import { useFollowUp, usePublicRatingState, useRateCase, type CitizenKey } from './queries.ts';
import './ratings.css';

/** The field errors of a refused rating, by path. */
const fieldError = (e: unknown, path: string): string | undefined => (e instanceof ApiError ? e.fields.find((f) => f.path === path)?.message : undefined);

/**
 * 评价服务 (public, one screen on a phone): from the receipt's QR code (through the status page) or
 * the status page itself. The last four phone digits (or the receipt's query code) open it.
 * Plain React (web/src/light), like the other pages a citizen opens on a phone.
 */

/** 申请人手机号后四位, checked on the page before it is sent. */
const Phone4Form = ({ number, onKey }: { number: string; onKey: (phone4: string) => void }) => {
  const [phone4, setPhone4] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{4}$/.test(phone4.trim())) return setError('请填写手机号后四位');
    setError(undefined);
    onKey(phone4.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <p>受理编号：{number}</p>
      <Field id="rate-phone4" label="申请人手机号后四位" error={error}>
        <input
          id="rate-phone4"
          className="plain-input"
          maxLength={4}
          inputMode="numeric"
          autoFocus
          value={phone4}
          onChange={(e) => setPhone4(e.target.value)}
          {...(error ? { 'aria-invalid': true, 'aria-describedby': 'rate-phone4-error' } : {})}
        />
      </Field>
      <button type="submit" className="plain-btn primary block">
        下一步
      </button>
    </form>
  );
};
export default function PublicRatingPage() {
  const { number = '' } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const carried = (location.state ?? {}) as { phone4?: string; channel?: 'qr' | 'web' };
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
    <PageHead title="评价服务">
      <ElderSwitch />
    </PageHead>
  );

  if (rate.isSuccess || followUp.isSuccess) {
    const r = (rate.data ?? followUp.data)!.rating;
    return (
      <main className="rating-page" data-testid="thank-you">
        {header}
        <div className="rating-thanks" role="status">
          <h2>感谢您的评价</h2>
          <p>
            您对 {r.itemName}（{r.number}）的评价：{r.levelLabel}。{isBad(r.level) && ' 办理单位负责人将在 1 个工作日内回访您，并在整改后答复您。'}
          </p>
          <Link to={`/status/${encodeURIComponent(number)}`}>返回办件查询</Link>
        </div>
      </main>
    );
  }

  if (!key || state.isError) {
    return (
      <main className="rating-page">
        {header}
        <Card>
          <Phone4Form number={number} onKey={(phone4) => setKey({ phone4 })} />
          {state.isError && <Alert type="warning">{errorText(state.error)}</Alert>}
        </Card>
      </main>
    );
  }

  if (!state.data) return <main className="rating-page">{header}</main>;
  const s = state.data;

  if (s.rated && s.rating) {
    const r = s.rating;
    const textError = fieldError(followUp.error, 'text');
    return (
      <main className="rating-page">
        {header}
        <p>
          {s.itemName}（{s.number}）
        </p>
        <Alert type="info">{`您已评价：${r.levelLabel}（每件办件评价一次）`}</Alert>
        {r.followUpAllowed ? (
          <Card title={<h2>追评（仅一次）</h2>}>
            <Field id="rate-follow-up" label="追评内容" error={textError}>
              <textarea
                id="rate-follow-up"
                className="plain-textarea"
                value={text}
                onChange={(e) => setText(e.target.value)}
                maxLength={300}
                rows={2}
                placeholder="补充您的评价"
                {...(textError ? { 'aria-invalid': true, 'aria-describedby': 'rate-follow-up-error' } : {})}
              />
            </Field>
            <div>如需改变评价等级，可重新选择（可不选）：</div>
            <FacePicker value={fuLevel} onChange={setFuLevel} />
            {fuLevel && isBad(fuLevel) && <ReasonPicker value={reason} onChange={setReason} error={fieldError(followUp.error, 'reason')} />}
            {followUp.isError && !textError && !fieldError(followUp.error, 'reason') && <Alert type="error">{errorText(followUp.error)}</Alert>}
            <button
              type="button"
              className="plain-btn primary block"
              disabled={followUp.isPending}
              onClick={() =>
                followUp.mutate({ text, ...(fuLevel ? { level: fuLevel } : {}), ...(fuLevel && isBad(fuLevel) && reason.trim() ? { reason } : {}) })
              }
            >
              {followUp.isPending ? '正在提交…' : '提交追评'}
            </button>
          </Card>
        ) : (
          r.followUp && <p style={{ marginTop: 12 }}>您的追评：{r.followUp.text}</p>
        )}
      </main>
    );
  }

  const reasonError = fieldError(rate.error, 'reason');
  return (
    <main className="rating-page">
      {header}
      <p style={{ marginBottom: 4 }}>
        {s.itemName}
        <br />
        <small>受理编号 {s.number}</small>
      </p>
      <FacePicker value={level} onChange={setLevel} />
      {level && isBad(level) && <ReasonPicker value={reason} onChange={setReason} error={reasonError} />}
      {rate.isError && !reasonError && <Alert type="error">{errorText(rate.error)}</Alert>}
      <button
        type="button"
        className="plain-btn primary block"
        disabled={!level || rate.isPending}
        onClick={() => level && rate.mutate({ level, ...(isBad(level) && reason.trim() ? { reason } : {}) })}
        style={{ marginTop: 8 }}
      >
        {level ? `提交评价：${LEVEL_LABELS[level]}` : '请选择评价'}
      </button>
    </main>
  );
}
