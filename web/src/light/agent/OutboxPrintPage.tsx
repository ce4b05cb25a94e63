import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { bjDateTime } from '@shared/platform/beijing-time.ts';
import { CONSENT_LABELS, type ConsentMethod } from '@shared/cases/hop-labels.ts';
import type { CommissionBody } from '../../pages/network/queries.ts';
import { recordsOf } from '../../offline/db.ts';
import { readPayload, STATE_LABELS, type Summary } from '../../offline/outbox.ts';
import { useAgent } from './AgentLayout.tsx';

const maskId = (id: string) => (id.length > 10 ? `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` : '****');
const maskPhone = (p: string) => (p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '****');

/**
 * 临时委托代办单, printed from the phone before the commission reached the township: it says, in large
 * type, that the township has not received it (收件) yet, so no 受理 time and no deadline run.
 */
export default function OutboxPrintPage() {
  const { id = '' } = useParams();
  const { user, outboxKey } = useAgent();
  const [doc, setDoc] = useState<{ body?: CommissionBody; summary: Summary; recordedAt: string; state: keyof typeof STATE_LABELS } | null>();
  useEffect(() => {
    if (!outboxKey) return;
    void (async () => {
      const r = (await recordsOf(user.id)).find((x) => x.id === id);
      if (!r) return setDoc(null);
      const p = await readPayload<CommissionBody>(outboxKey, r).catch(() => null);
      setDoc(p && { ...p, recordedAt: r.recordedAt, state: r.state });
    })();
  }, [id, user.id, outboxKey]);
  if (!outboxKey)
    return (
      <p>
        请先在 <Link to="/agent">我的代办</Link> 输入离线口令。
      </p>
    );
  if (doc === undefined) return null;
  if (doc === null)
    return (
      <p>
        本机没有这条记录（已同步并清除，或属于其他用户）。<Link to="/agent">返回我的代办</Link>
      </p>
    );
  const b = doc.body;
  return (
    <article className="print-doc" data-testid="temp-doc">
      <div className="no-print plain-row">
        <button type="button" className="plain-btn primary" onClick={() => window.print()}>
          打印
        </button>
        <Link to="/agent">返回我的代办</Link>
      </div>
      <h1 className="doc-title">临时委托代办单</h1>
      <p className="doc-warning" data-testid="not-received">
        乡镇尚未收件：本单在无网络时于本机记录（{STATE_LABELS[doc.state]}），不是受理凭证。联网同步、乡镇便民服务中心收件受理后，受理时间和办理时限才开始计算。
      </p>
      <dl className="plain-desc doc-desc">
        <div>
          <dt>事项</dt>
          <dd>{doc.summary.itemName}</dd>
        </div>
        {b && (
          <>
            <div>
              <dt>申请人</dt>
              <dd>{b.applicant.name}</dd>
            </div>
            <div>
              <dt>身份证号码</dt>
              <dd>{maskId('idNumber' in b.applicant ? b.applicant.idNumber : b.applicant.creditCode)}</dd>
            </div>
            <div>
              <dt>手机号码</dt>
              <dd>{maskPhone(b.applicant.phone ?? '')}</dd>
            </div>
            <div>
              <dt>同意方式</dt>
              <dd>{CONSENT_LABELS[(b.consent as { method: ConsentMethod }).method]}</dd>
            </div>
          </>
        )}
        <div>
          <dt>已收集材料</dt>
          <dd>{doc.summary.materials?.join('、') || '无'}</dd>
        </div>
        <div>
          <dt>代办员</dt>
          <dd>
            {user.displayName}（{user.officeName}）
          </dd>
        </div>
        <div>
          <dt>本机记录时间</dt>
          <dd>{bjDateTime(doc.recordedAt)}</dd>
        </div>
        <div>
          <dt>本机编号</dt>
          <dd>{id.slice(0, 8).toUpperCase()}</dd>
        </div>
      </dl>
      <p>全程代办，无偿服务。</p>
    </article>
  );
}
