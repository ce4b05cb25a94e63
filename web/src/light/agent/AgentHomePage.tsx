import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { bjDateTime } from '@shared/platform/beijing-time.ts';
import { getToken } from '../../shell/api.ts';
import { useInbox, useMyCommissions, type MyCommissionRow } from '../../pages/network/queries.ts';
import { Field } from '../ui.tsx';
import { createVault, PIN_PATTERN } from '../../offline/vault.ts';
import { acceptNewGuide, enqueue, removeItem, STATE_LABELS } from '../../offline/outbox.ts';
import { useOutbox } from '../../offline/hooks.ts';
import { UnlockCard, useAgent } from './AgentLayout.tsx';
import { HomeVisits, useVisitCount } from './HomeVisits.tsx';

/** First use on this phone: the agent picks a six-digit PIN that opens the app and the outbox offline. */
const SetPinCard = () => {
  const { user } = useAgent();
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!PIN_PATTERN.test(pin)) return setError('离线口令为 6 位数字');
    if (pin !== again) return setError('两次输入的离线口令不一致');
    const token = getToken();
    if (!token) return setError('请先联网登录');
    await createVault(user, token, pin);
  };
  return (
    <section className="plain-card agent-block" data-testid="set-pin">
      <div className="plain-card-head">
        <h2>设置离线口令</h2>
      </div>
      <div className="plain-card-body">
        <p>没有信号时也能登记代办件：设置 6 位数字离线口令后，本机记录的代办件加密保存，联网后自动同步。他人用本机登录看不到。</p>
        <form onSubmit={(e) => void submit(e)}>
          <Field id="sp-pin" label="离线口令">
            <input id="sp-pin" className="plain-input" type="password" inputMode="numeric" maxLength={6} value={pin} onChange={(e) => setPin(e.target.value)} />
          </Field>
          <Field id="sp-again" label="再次输入离线口令" error={error}>
            <input
              id="sp-again"
              className="plain-input"
              type="password"
              inputMode="numeric"
              maxLength={6}
              value={again}
              onChange={(e) => setAgain(e.target.value)}
            />
          </Field>
          <button type="submit" className="plain-btn primary">
            设置
          </button>
        </form>
      </div>
    </section>
  );
};

const STATE_CLASS = { pending: 'warn', synced: 'ok', failed: 'bad', conflict: 'bad' } as const;

/** 本机待同步: every action recorded on this phone by this agent, with its honest state. */
const Outbox = () => {
  const { user, outboxKey, syncNow } = useAgent();
  const { items, busy } = useOutbox(user.id, outboxKey);
  if (!outboxKey) return null;
  return (
    <section className="plain-card agent-block" data-testid="outbox">
      <div className="plain-card-head">
        <h2>本机记录</h2>
        <button type="button" className="plain-btn small" onClick={() => void syncNow()}>
          立即同步
        </button>
      </div>
      <div className="plain-card-body">
        {!items.length && <p className="muted">本机没有待同步的代办件</p>}
        <ul className="plain-list">
          {items.map((i) => (
            <li key={i.id} data-testid="outbox-item" data-state={i.state}>
              <div className="plain-row">
                <strong>{i.summary.title}</strong>
                <span className={`plain-tag ${STATE_CLASS[i.state]}`} data-testid="outbox-state">
                  {busy.has(i.id) ? '同步中' : STATE_LABELS[i.state]}
                </span>
                {i.photos > 0 && <span className="plain-tag">照片 {i.photos} 张</span>}
              </div>
              <div className="muted">
                {i.summary.applicant} · 本机记录于 {bjDateTime(i.recordedAt)}
                {i.catalogVersion !== undefined && ` · 按第 ${i.catalogVersion} 版指南填写`}
              </div>
              {i.state === 'pending' && (
                <div className="muted">
                  尚未送达乡镇，乡镇收件后才开始计算办理时限。 <Link to={`/agent/outbox/${i.id}/print`}>临时委托代办单</Link>
                </div>
              )}
              {i.state === 'synced' && i.outcome.commission && (
                <div>
                  已交乡镇：<Link to={`/commissions/${i.outcome.commission.id}`}>{i.outcome.commission.number}</Link>
                  {i.outcome.photosWaiting ? `（${i.outcome.photosWaiting} 张照片留在本机，待材料上传开通后补传）` : ''}
                </div>
              )}
              {i.state === 'failed' && (
                <div className="error-text" role="alert">
                  {i.outcome.message}
                  {i.outcome.fields?.map((f) => `；${f.message}`).join('')}
                </div>
              )}
              {i.state === 'conflict' && i.outcome.conflict && (
                <div data-testid="conflict">
                  {i.outcome.message && <div className="error-text">{i.outcome.message}</div>}
                  <div className="conflict-cols">
                    {[i.outcome.conflict.mine, i.outcome.conflict.theirs].map((v) => (
                      <div key={v.label}>
                        <strong>{v.label}</strong>
                        <ul>
                          {v.lines.map((l) => (
                            <li key={l}>{l}</li>
                          ))}
                        </ul>
                      </div>
                    ))}
                  </div>
                  <div className="plain-row">
                    {i.outcome.conflict.reason === 'guide' && i.outcome.conflict.newVersion !== undefined && (
                      <button
                        type="button"
                        className="plain-btn primary"
                        onClick={() => void acceptNewGuide(user.id, outboxKey, i.id, i.outcome.conflict!.newVersion!).then(syncNow)}
                      >
                        已按现行指南核对，提交
                      </button>
                    )}
                    <button type="button" className="plain-btn" onClick={() => window.confirm('放弃本机这条记录？放弃后不会再发送。') && void removeItem(i.id)}>
                      放弃本机记录
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
};

const STATUS_CLASS: Record<string, string> = { submitted: 'warn', taken_in: 'info', returned: 'ok', delivered: '' };

/**
 * 补交材料 for a commission in 待补正, with or without a signal: recorded in the outbox against the
 * case version on screen, sent when the network is back; a case that moved on meanwhile is a 冲突.
 */
const SupplementForm = ({ k }: { k: MyCommissionRow }) => {
  const { user, outboxKey, syncNow } = useAgent();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  if (!outboxKey || k.caseVersion === undefined || !k.missingMaterials?.length) return null;
  if (done) return <div className="muted">补交材料已记入本机，联网后自动提交</div>;
  if (!open)
    return (
      <button type="button" className="plain-btn small" data-testid={`supplement-${k.number}`} onClick={() => setOpen(true)}>
        补交材料
      </button>
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!picked.length) return setError('请勾选补交的材料');
    await enqueue(user.id, outboxKey, {
      kind: 'supplement',
      body: { commissionId: k.id, materialsReceived: picked },
      summary: { title: `补交材料：${k.itemName}（${k.number}）`, applicant: k.applicantName, materials: picked },
      caseVersion: k.caseVersion!,
    });
    setDone(true);
    void syncNow();
  };
  return (
    <form className="agent-supplement" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset aria-describedby={error ? `supplement-${k.id}-error` : undefined}>
        <legend>补交的材料</legend>
        {k.missingMaterials.map((m) => (
          <label key={m} className="plain-row">
            <input
              type="checkbox"
              checked={picked.includes(m)}
              onChange={(e) => setPicked(e.target.checked ? [...picked, m] : picked.filter((x) => x !== m))}
            />
            {m}
          </label>
        ))}
      </fieldset>
      {error && (
        <div className="error-text" role="alert" id={`supplement-${k.id}-error`}>
          {error}
        </div>
      )}
      <button type="submit" className="plain-btn primary small">
        记录补交
      </button>
    </form>
  );
};

/** 送达 at the applicant's door, with or without a signal: who signed for the result, sent when the network is back. */
const DeliveryForm = ({ commissionId, title }: { commissionId: string; title: string }) => {
  const { user, outboxKey, syncNow } = useAgent();
  const [signedBy, setSignedBy] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  // without the outbox (no PIN on this phone) the link beside it is the way: online only
  if (!outboxKey) return null;
  if (done) return <span className="muted">送达已记入本机</span>;
  const id = `deliver-${commissionId}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const who = signedBy.trim();
    if (!who) return setError('请填写签收人');
    if (who.length > 50) return setError('签收人不能超过 50 字');
    await enqueue(user.id, outboxKey, { kind: 'delivery', body: { commissionId, signedBy: who }, summary: { title: `送达：${title}`, note: `签收人 ${who}` } });
    setDone(true);
    void syncNow();
  };
  return (
    <form className="agent-deliver" onSubmit={(e) => void submit(e)} noValidate>
      <Field id={id} label="签收人" error={error}>
        <input
          id={id}
          className="plain-input"
          maxLength={50}
          value={signedBy}
          onChange={(e) => setSignedBy(e.target.value)}
          {...(error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {})}
        />
      </Field>
      <button type="submit" className="plain-btn primary small">
        记录送达
      </button>
    </form>
  );
};

/** 我的代办 (phone first): the outbox of this phone, what the agent carried, and 回交待送达. */
export default function AgentHomePage() {
  const { user, outboxKey, vaultExists } = useAgent();
  const navigate = useNavigate();
  const mine = useMyCommissions();
  const back = useInbox('handback');
  const visits = useVisitCount();
  // the to-do list's 上门服务 opens this page on its tab (?tab=visits)
  const [params] = useSearchParams();
  const [tab, setTab] = useState<'mine' | 'back' | 'visits'>(params.get('tab') === 'visits' ? 'visits' : 'mine');
  const tabs = [
    { key: 'mine' as const, label: '我的代办' },
    { key: 'back' as const, label: `回交待送达${back.data?.entries.length ? `（${back.data.entries.length}）` : ''}` },
    { key: 'visits' as const, label: `上门服务${visits ? `（${visits}）` : ''}` },
  ];
  return (
    <>
      <button type="button" className="plain-btn primary block big" onClick={() => navigate('/agent/new')} data-testid="agent-new">
        代办登记
      </button>
      {vaultExists === false && <SetPinCard />}
      {vaultExists && !outboxKey && <UnlockCard user={user} />}
      <Outbox />
      <section className="plain-card agent-block">
        <div role="tablist" className="plain-tabs">
          {tabs.map((t) => (
            <button
              key={t.key}
              type="button"
              role="tab"
              id={`tab-${t.key}`}
              aria-selected={tab === t.key}
              aria-controls={`panel-${t.key}`}
              className={tab === t.key ? 'active' : ''}
              onClick={() => setTab(t.key)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div className="plain-card-body" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          {tab === 'visits' ? (
            <HomeVisits />
          ) : tab === 'mine' ? (
            <ul className="plain-list" data-testid="agent-mine">
              {mine.isError && <li className="error-text">{mine.error.message}（联网后显示）</li>}
              {mine.isPending && <li className="muted">加载中…</li>}
              {mine.data && !mine.data.commissions.length && <li className="muted">还没有代办件</li>}
              {mine.data?.commissions.map((k) => (
                <li key={k.id}>
                  <Link to={`/commissions/${k.id}`} className="row-link">
                    <span className="plain-row">
                      {k.itemName}
                      <span
                        className={`plain-tag ${k.caseStatus === 'awaiting_supplement' || k.caseStatus === 'not_accepted' ? 'bad' : (STATUS_CLASS[k.status] ?? '')}`}
                      >
                        {k.statusLabel}
                      </span>
                      {k.late && <span className="plain-tag bad">乡镇接收超时</span>}
                    </span>
                    <span className="muted">{`${k.number} · ${k.applicantName} · ${bjDateTime(k.createdAt)}`}</span>
                    {!!k.missingMaterials?.length && <span className="error-text">缺：{k.missingMaterials.join('、')}</span>}
                  </Link>
                  {k.caseStatus === 'awaiting_supplement' && <SupplementForm k={k} />}
                </li>
              ))}
            </ul>
          ) : (
            <ul className="plain-list" data-testid="agent-back">
              {back.isError && <li className="error-text">{back.error.message}（联网后显示）</li>}
              {back.data && !back.data.entries.length && <li className="muted">没有待送达的办理结果</li>}
              {back.data?.entries.map((e) => (
                <li key={e.id ?? e.commissionId} className="plain-row spread">
                  <span>
                    <strong>{e.itemName}</strong>
                    <br />
                    <span className="muted">{`${e.title ?? ''} · ${e.applicantName} · ${e.fromOfficeName} 回交于 ${bjDateTime(e.sentAt)}`}</span>
                  </span>
                  <span>
                    <Link to={`/commissions/${e.commissionId}`}>送达</Link>
                    {e.commissionId && <DeliveryForm commissionId={e.commissionId} title={e.itemName} />}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
      <p className="muted">全程代办，无偿服务：办结后结果回交本站，由代办员送达申请人。</p>
    </>
  );
}
