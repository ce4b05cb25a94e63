import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { bjDate, bjDateTime } from '@shared/platform/beijing-time.ts';
import { errorText } from '../../shell/api.ts';
import { Card, ElderSwitch, Field } from '../../light/ui.tsx';
import { Alert, PageHead, Rows } from '../../light/parts.tsx';
import { usePublicStatus, type PublicLookup } from './public-queries.ts';

/**
 * 办件进度查询 (public). The receipt's QR code carries the 查询码 (`?code=`), so a scanning citizen
 * sees the case at once; someone typing the number gives the last four phone digits instead.
 * Plain React (web/src/light): it opens from a text message on a village phone.
 */
export default function PublicStatusPage() {
  const { number = '' } = useParams();
  const [params] = useSearchParams();
  const code = params.get('code')?.trim() ?? '';
  // from the front door's form, the digits come along (in memory, never in the URL)
  const phone4 = (useLocation().state as { phone4?: string } | null)?.phone4 ?? '';
  const [lookup, setLookup] = useState<PublicLookup | null>(number && code ? { number, code } : number && phone4 ? { number, phone4 } : null);
  const navigate = useNavigate();
  const query = usePublicStatus(lookup);
  const status = query.isError ? undefined : query.data;
  const [form, setForm] = useState({ number, phone4 });
  const [errors, setErrors] = useState<{ number?: string; phone4?: string }>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = { number: form.number.trim(), phone4: form.phone4.trim() };
    const errs = {
      ...(next.number ? {} : { number: '请填写受理编号' }),
      ...(/^\d{4}$/.test(next.phone4) ? {} : { phone4: '请填写手机号后四位' }),
    };
    setErrors(errs);
    if (errs.number || errs.phone4) return;
    // the same question again asks the server again (the case may have moved on)
    if (lookup && 'phone4' in lookup && lookup.number === next.number && lookup.phone4 === next.phone4) void query.refetch();
    else setLookup(next);
  };
  const invalid = (k: 'number' | 'phone4') => (errors[k] ? { 'aria-invalid': true, 'aria-describedby': `ps-${k}-error` } : {});
  const byCode = lookup !== null && 'code' in lookup;

  return (
    <main className="public-page">
      <Card>
        <PageHead title="办件进度查询">
          <ElderSwitch />
        </PageHead>
        {!byCode && (
          <form onSubmit={submit} noValidate style={{ marginTop: 16 }}>
            <Field id="ps-number" label="受理编号" error={errors.number}>
              <input
                id="ps-number"
                className="plain-input"
                placeholder="如 411521-20261122-0042"
                maxLength={40}
                value={form.number}
                onChange={(e) => setForm({ ...form, number: e.target.value })}
                {...invalid('number')}
              />
            </Field>
            <Field id="ps-phone4" label="申请人手机号后四位" error={errors.phone4}>
              <input
                id="ps-phone4"
                className="plain-input"
                maxLength={4}
                inputMode="numeric"
                value={form.phone4}
                onChange={(e) => setForm({ ...form, phone4: e.target.value })}
                {...invalid('phone4')}
              />
            </Field>
            <button type="submit" className="plain-btn primary block">
              查询
            </button>
          </form>
        )}
        {query.isError && (
          <Alert
            type="warning"
            action={
              byCode ? (
                <button type="button" className="plain-btn" onClick={() => setLookup(null)}>
                  改用手机号查询
                </button>
              ) : undefined
            }
          >
            {errorText(query.error)}
          </Alert>
        )}
        {byCode && query.isPending && <p style={{ marginTop: 16 }}>正在查询…</p>}
        {status && (
          <div data-testid="public-status" style={{ marginTop: 16 }}>
            <Rows
              rows={[
                ['受理编号', status.number],
                ['事项', status.itemName],
                ['申请人', status.applicantName],
                ['状态', status.statusLabel],
                status.acceptedAt && ['受理时间', bjDateTime(status.acceptedAt)],
                status.dueDate && ['承诺办结日', bjDate(status.dueDate)],
                status.result && [
                  '办理结果',
                  `${status.result === 'approved' ? '准予' : '不予批准'}${status.decidedAt ? `（${bjDate(status.decidedAt)}）` : ''}`,
                ],
                status.refusalReason && ['不予批准的理由', status.refusalReason],
                status.missingMaterials.length > 0 && ['需补正材料', `${status.missingMaterials.join('、')}（请带齐后到原受理窗口补交）`],
                status.notAccepted && ['不予受理的理由', status.notAccepted.reason],
                status.notAccepted?.referTo && [status.notAccepted.ground === 'not-competent' ? '请向此机关申请' : '咨询', status.notAccepted.referTo],
              ]}
            />
            {status.timeline.length > 0 && (
              <>
                <h2 className="public-subtitle">办理过程</h2>
                <ol className="plain-timeline" data-testid="public-timeline">
                  {status.timeline.map((e, i) => (
                    <li key={i}>{`${bjDateTime(e.at)}\u3000${e.label}`}</li>
                  ))}
                </ol>
              </>
            )}
            {/* 评价服务: the rating page takes the same key; a 查询码 means it came from the receipt's QR */}
            <button
              type="button"
              className="plain-btn block public-rate"
              onClick={() =>
                navigate(`/rate/${encodeURIComponent(status.number)}${code ? `?code=${encodeURIComponent(code)}&from=qr` : ''}`, {
                  state: { ...(lookup && 'phone4' in lookup ? { phone4: lookup.phone4 } : {}), channel: code ? 'qr' : 'web' },
                })
              }
            >
              评价服务
            </button>
          </div>
        )}
        <p style={{ marginTop: 16 }}>
          <Link to="/">返回首页</Link>
        </p>
      </Card>
    </main>
  );
}
