import { useEffect, useState } from 'react';
import { Alert, Button, Result, Space, Typography } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import { ApiError, errorText } from '../../shell/api.ts';
import { useSession } from '../../shell/session.tsx';
import { isBad, LEVEL_LABELS, type Level } from '@shared/ratings/model.ts';
import { FacePicker, ReasonPicker } from './faces.tsx';
import { useEvaluator, useWindowRating } from './queries.ts';
import './ratings.css';

/**
 * 窗口评价器: a tablet beside the clerk, signed in as that window. It shows the case the clerk
 * pushed; the citizen taps a face (and a reason for 差评); then it thanks them and waits again.
 */
export default function EvaluatorPage() {
  const { user, loading } = useSession();
  const location = useLocation();
  const [thanks, setThanks] = useState<string | null>(null);
  const evaluator = useEvaluator(thanks !== null || !user);
  const rate = useWindowRating();
  const [level, setLevel] = useState<Level | undefined>();
  const [reason, setReason] = useState('');
  const pending = evaluator.data?.pending ?? null;

  // a new case on the evaluator starts a fresh rating
  useEffect(() => {
    setLevel(undefined);
    setReason('');
    rate.reset();
  }, [pending?.caseId]);
  useEffect(() => {
    if (thanks === null) return;
    const t = setTimeout(() => setThanks(null), 5000);
    return () => clearTimeout(t);
  }, [thanks]);

  if (loading) return null;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;

  if (thanks) {
    return (
      <div className="evaluator" data-testid="evaluator-thanks">
        <Result status="success" title="感谢您的评价！" subTitle={thanks} />
      </div>
    );
  }
  if (!pending) {
    return (
      <div className="evaluator" data-testid="evaluator-idle">
        <Result status="info" title="欢迎办理业务" subTitle={`${user.officeName} · ${user.displayName} 办理完毕后请对本次服务进行评价`} />
        {evaluator.isError && <Alert type="warning" showIcon message={errorText(evaluator.error)} />}
      </div>
    );
  }
  const reasonError = rate.error instanceof ApiError ? rate.error.fields.find((f) => f.path === 'reason')?.message : undefined;
  const submit = () =>
    level &&
    rate.mutate(
      { caseId: pending.caseId, level, ...(isBad(level) && reason.trim() ? { reason } : {}) },
      { onSuccess: (r) => setThanks(`${pending.cases ? `本次办理的 ${pending.cases.length} 件` : r.rating.itemName}：${r.rating.levelLabel}`) },
    );
  return (
    <div className="evaluator" data-testid="evaluator-pending">
      <Space direction="vertical" style={{ width: '100%' }} size="large">
        <Typography.Title level={2} style={{ textAlign: 'center' }}>
          请对本次服务进行评价
        </Typography.Title>
        {pending.cases ? (
          // 一次一评: every case of this visit, rated together
          <ul className="evaluator-cases" data-testid="evaluator-cases">
            {pending.cases.map((c) => (
              <li key={c.caseId} style={{ fontSize: 20 }}>
                {c.itemName} <small>受理编号 {c.number}</small>
              </li>
            ))}
          </ul>
        ) : (
          <Typography.Paragraph style={{ textAlign: 'center', fontSize: 20 }}>
            {pending.itemName} <small>受理编号 {pending.number}</small>
          </Typography.Paragraph>
        )}
        <FacePicker value={level} onChange={setLevel} />
        {level && isBad(level) && <ReasonPicker value={reason} onChange={setReason} error={reasonError} />}
        {rate.isError && !reasonError && <Alert type="error" showIcon message={errorText(rate.error)} />}
        <Button type="primary" size="large" block disabled={!level} loading={rate.isPending} onClick={submit} style={{ height: 64, fontSize: 24 }}>
          {level ? `提交：${LEVEL_LABELS[level]}` : '请点选表情'}
        </Button>
      </Space>
    </div>
  );
}
