import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { CONSENT_LABELS, CONSENT_METHODS, type ConsentMethod } from '@shared/cases/hop-labels.ts';
import { api, ApiError } from '../../shell/api.ts';
import type { CommissionBody } from '../../pages/network/queries.ts';
import { Field } from '../ui.tsx';
import { enqueue, listOutbox, removeItem } from '../../offline/outbox.ts';
import { searchSnapshot, snapshotGuide, type SnapshotGuide } from '../../offline/catalog-snapshot.ts';
import { useAgent } from './AgentLayout.tsx';

type Errors = Partial<Record<'itemCode' | 'applicant.name' | 'applicant.idNumber' | 'applicant.phone' | 'consent' | 'form', string>>;

/** A guide from the API, or from the phone's snapshot when there is no signal. */
const loadGuide = async (code: string): Promise<SnapshotGuide | undefined> => {
  try {
    const g = await api<{ item: Omit<SnapshotGuide, 'version'>; version: number }>(`/api/items/${encodeURIComponent(code)}`, {
      signal: AbortSignal.timeout(8000),
    });
    return { ...g.item, version: g.version };
  } catch (e) {
    if (e instanceof ApiError && e.status > 0) throw e;
    return snapshotGuide(code);
  }
};
const searchItems = async (q: string): Promise<Array<{ code: string; name: string }>> => {
  try {
    return (
      await api<{ items: Array<{ code: string; name: string }> }>(`/api/items?q=${encodeURIComponent(q)}`, { signal: AbortSignal.timeout(8000) })
    ).items.slice(0, 20);
  } catch {
    return searchSnapshot(q);
  }
};

const mask = (name: string) => (name.length > 1 ? `${name[0]}${'*'.repeat(name.length - 1)}` : name);

/**
 * 代办登记 (phone first, 长者版 friendly, works with no signal): the villager's application, the materials
 * collected and photographed, the consent. With an outbox key it is recorded on the phone first and sent
 * from there (its client id is the Idempotency-Key); without one it goes straight to the API as before.
 */
export default function AgentNewPage() {
  const { user, outboxKey, syncNow } = useAgent();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Array<{ code: string; name: string }>>([]);
  const [open, setOpen] = useState(false);
  const [guide, setGuide] = useState<SnapshotGuide>();
  const [materials, setMaterials] = useState<string[]>([]);
  const [applicant, setApplicant] = useState({ name: '', idNumber: '', phone: '' });
  const [consentGiven, setConsentGiven] = useState(false);
  const [method, setMethod] = useState<ConsentMethod>('signed');
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  // one key per form: a resend on a weak link is the same commission
  const key = useMemo(() => crypto.randomUUID(), []);

  useEffect(() => {
    if (!q.trim()) return setHits([]);
    let live = true;
    void searchItems(q).then((h) => live && setHits(h));
    return () => {
      live = false;
    };
  }, [q]);

  const pick = async (h: { code: string; name: string }) => {
    setQ(h.name);
    setOpen(false);
    setMaterials([]);
    setErrors((e) => ({ ...e, itemCode: undefined }));
    const g = await loadGuide(h.code).catch(() => undefined);
    setGuide(g ?? { code: h.code, name: h.name, version: 0, materials: [] });
  };
  const notHere = guide?.intakeAt && !guide.intakeAt.includes('village');
  // as intake does: the required materials not ticked are named before sending (the township will ask for them)
  const missing = guide?.materials.filter((m) => m.required && !materials.includes(m.name)).map((m) => m.name) ?? [];

  const validate = (): Errors => ({
    ...(guide ? {} : { itemCode: '请选择事项' }),
    ...(applicant.name.trim() ? {} : { 'applicant.name': '请填写申请人姓名' }),
    ...(applicant.idNumber.trim() ? {} : { 'applicant.idNumber': '请填写身份证号码' }),
    ...(applicant.phone.trim() ? {} : { 'applicant.phone': '请填写手机号码' }),
    ...(consentGiven ? {} : { consent: '须经申请人本人同意委托' }),
  });

  /** Server field errors onto their fields; what names no field shows above the button. */
  const showServerErrors = (fields: Array<{ path: string; message: string }>, message: string) => {
    const next: Errors = {};
    const rest: string[] = [];
    for (const f of fields) {
      const k = (['itemCode', 'applicant.name', 'applicant.idNumber', 'applicant.phone'] as const).find((p) => f.path === p || f.path.startsWith(`${p}.`));
      if (k) next[k] = f.message;
      else if (f.path.startsWith('consent')) next.consent = f.message;
      else rest.push(f.message);
    }
    if (rest.length || !fields.length) next.form = rest.length ? rest.join('；') : message;
    setErrors(next);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs = validate();
    setErrors(errs);
    if (Object.values(errs).some(Boolean) || !guide) return;
    const body: CommissionBody = {
      itemCode: guide.code,
      applicant: { type: 'person', name: applicant.name.trim(), idNumber: applicant.idNumber.trim(), phone: applicant.phone.trim() },
      materialsCollected: materials,
      consent: { given: true, method } as CommissionBody['consent'],
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    setBusy(true);
    try {
      if (!outboxKey) {
        const r = await api<{ commission: { id: string } }>('/api/commissions', { method: 'POST', headers: { 'idempotency-key': key }, json: body });
        return navigate(`/commissions/${r.commission.id}/print`);
      }
      const summary = {
        title: guide.name,
        applicant: mask(body.applicant.name),
        itemCode: guide.code,
        itemName: guide.name,
        materials: guide.materials.filter((m) => materials.includes(m.name)).map((m) => m.name),
        consent: CONSENT_LABELS[method],
        ...(body.note ? { note: body.note } : {}),
      };
      const id = await enqueue(user.id, outboxKey, {
        id: key,
        kind: 'commission',
        body,
        summary,
        ...(guide.version ? { catalogVersion: guide.version } : {}),
        photos,
      });
      await syncNow();
      const now = (await listOutbox(user.id, outboxKey)).find((i) => i.id === id);
      if (now?.state === 'synced' && now.outcome.commission) return navigate(`/commissions/${now.outcome.commission.id}/print`);
      if (now?.state === 'failed' && now.outcome.fields?.length) {
        // refused on its fields: the form is still here to correct, so the outbox does not keep it
        await removeItem(id);
        return showServerErrors(now.outcome.fields, now.outcome.message ?? '');
      }
      navigate(`/agent/outbox/${id}/print`);
    } catch (err) {
      if (err instanceof ApiError && err.status > 0) showServerErrors(err.fields, err.message);
      else setErrors({ form: '网络不通。在「我的代办」设置离线口令后，没有信号也能先登记、联网后自动同步。' });
    } finally {
      setBusy(false);
    }
  };

  const err = (k: keyof Errors, id: string) => (errors[k] ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {});
  const setA = (k: keyof typeof applicant) => (e: { target: { value: string } }) => setApplicant((a) => ({ ...a, [k]: e.target.value }));

  return (
    <section className="plain-card">
      <div className="plain-card-head">
        <h1 className="card-h1">代办登记</h1>
      </div>
      <form className="plain-card-body" onSubmit={(e) => void submit(e)} noValidate>
        <Field id="an-item" label="事项" error={errors.itemCode}>
          <div className="plain-combo">
            <input
              id="an-item"
              className="plain-input"
              role="combobox"
              aria-expanded={open && hits.length > 0}
              aria-controls="an-item-list"
              aria-autocomplete="list"
              autoComplete="off"
              placeholder="输入事项名称或拼音首字母，如 低保、db"
              value={q}
              onChange={(e) => {
                setQ(e.target.value);
                setOpen(true);
              }}
              onFocus={() => setOpen(true)}
              data-testid="agent-item"
              {...err('itemCode', 'an-item')}
            />
            {open && hits.length > 0 && (
              <ul id="an-item-list" role="listbox" className="plain-options">
                {hits.map((h) => (
                  <li key={h.code} role="option" aria-selected={guide?.code === h.code} onClick={() => void pick(h)}>
                    {h.name}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </Field>
        {notHere && (
          <div className="plain-alert warn" role="alert">
            该事项须到窗口办理，不能村级代办
          </div>
        )}
        {guide && guide.materials.length > 0 && (
          <fieldset className="plain-fieldset">
            <legend>已收集的材料</legend>
            {guide.materials.map((m) => (
              <label key={m.name} className="plain-check">
                <input
                  type="checkbox"
                  checked={materials.includes(m.name)}
                  onChange={(e) => setMaterials((list) => (e.target.checked ? [...list, m.name] : list.filter((x) => x !== m.name)))}
                />
                {`${m.name}${m.required ? '' : '（选交）'}`}
              </label>
            ))}
          </fieldset>
        )}
        {guide && missing.length > 0 && (
          <div className="plain-alert warn" role="status" data-testid="agent-missing">
            {`尚缺 ${missing.length} 项必需材料：${missing.join('、')}。提交后乡镇将一次性告知补正（待补正），请尽量收齐后再提交。`}
          </div>
        )}
        <Field id="an-photos" label="材料照片（可拍照）">
          <input
            id="an-photos"
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            onChange={(e) => setPhotos([...(e.target.files ?? [])])}
            data-testid="agent-photos"
          />
          {photos.length > 0 && <div className="muted">已选 {photos.length} 张</div>}
        </Field>
        <h2 className="plain-h2">申请人</h2>
        <Field id="an-name" label="姓名" error={errors['applicant.name']}>
          <input id="an-name" className="plain-input" autoComplete="off" value={applicant.name} onChange={setA('name')} {...err('applicant.name', 'an-name')} />
        </Field>
        <Field id="an-id" label="居民身份证号码" error={errors['applicant.idNumber']}>
          <input
            id="an-id"
            className="plain-input"
            autoComplete="off"
            maxLength={18}
            value={applicant.idNumber}
            onChange={setA('idNumber')}
            {...err('applicant.idNumber', 'an-id')}
          />
        </Field>
        <Field id="an-phone" label="手机号码" error={errors['applicant.phone']}>
          <input
            id="an-phone"
            className="plain-input"
            inputMode="numeric"
            autoComplete="off"
            maxLength={11}
            value={applicant.phone}
            onChange={setA('phone')}
            {...err('applicant.phone', 'an-phone')}
          />
        </Field>
        <div className={`plain-field${errors.consent ? ' has-error' : ''}`}>
          <label className="plain-check">
            <input type="checkbox" checked={consentGiven} onChange={(e) => setConsentGiven(e.target.checked)} {...err('consent', 'an-consent')} />
            申请人已同意委托代办（全程代办，不收费）
          </label>
          {errors.consent && (
            <div className="plain-field-error" id="an-consent-error" role="alert">
              {errors.consent}
            </div>
          )}
        </div>
        <fieldset className="plain-fieldset">
          <legend>同意方式</legend>
          {CONSENT_METHODS.map((m) => (
            <label key={m} className="plain-check">
              <input type="radio" name="consent-method" checked={method === m} onChange={() => setMethod(m)} />
              {CONSENT_LABELS[m]}
            </label>
          ))}
        </fieldset>
        <Field id="an-note" label="备注">
          <textarea id="an-note" className="plain-textarea" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
        {errors.form && (
          <div className="plain-alert bad" role="alert">
            {errors.form}
          </div>
        )}
        <button type="submit" className="plain-btn primary block" disabled={busy || Boolean(notHere)}>
          提交代办
        </button>
      </form>
    </section>
  );
}
