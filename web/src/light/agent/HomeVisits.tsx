import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Todo } from '@shared/todos/model.ts';
import { api, ApiError, errorText } from '../../shell/api.ts';
import { todoKeys, useTodos } from '../../pages/todos/queries.ts';
import { Field } from '../ui.tsx';

/** One visit: its day, whom and where, and closing it with what was done (asked first). */
const Visit = ({ t }: { t: Todo }) => {
  const client = useQueryClient();
  const [result, setResult] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const id = `visit-${t.visitId ?? ''}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!result.trim()) return setError('请填写上门结果');
    if (!window.confirm(`确认已上门：${t.applicantName ?? ''}（${t.number}）？完成后不再列出。`)) return;
    setBusy(true);
    try {
      await api(`/api/home-visits/${encodeURIComponent(t.visitId ?? '')}/done`, { method: 'POST', json: { result } });
      setError(undefined);
      await client.invalidateQueries({ queryKey: todoKeys.all });
    } catch (err) {
      setError(err instanceof ApiError ? (err.fields.find((f) => f.path === 'result')?.message ?? err.message) : errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li data-testid="home-visit">
      <div className="plain-row">
        <strong>{t.label}</strong>
        <span className={`plain-tag ${t.late ? 'bad' : 'warn'}`}>
          上门日期 {t.number}
          {t.late ? '（已过）' : ''}
        </span>
      </div>
      <div className="muted">
        {t.applicantName} · {t.itemName}
      </div>
      {t.detail && <div>{t.detail}</div>}
      <form onSubmit={(e) => void submit(e)}>
        <Field id={id} label="上门结果" error={error}>
          <textarea id={id} className="plain-textarea" maxLength={200} rows={2} value={result} onChange={(e) => setResult(e.target.value)} />
        </Field>
        <button type="submit" className="plain-btn primary" disabled={busy}>
          已上门办结
        </button>
      </form>
    </li>
  );
};

/** 上门服务: the visits the township sent this village's agent, by day (from the to-do list). */
export const HomeVisits = () => {
  const todos = useTodos();
  const visits = todos.data?.todos.filter((t) => t.kind === 'home_visit') ?? [];
  return (
    <ul className="plain-list" data-testid="agent-visits">
      {todos.isError && <li className="error-text">{todos.error.message}（联网后显示）</li>}
      {todos.isPending && <li className="muted">加载中…</li>}
      {todos.data && !visits.length && <li className="muted">没有待上门的服务</li>}
      {visits.map((t) => (
        <Visit key={t.visitId} t={t} />
      ))}
    </ul>
  );
};

/** How many visits wait, for the tab's label. */
export const useVisitCount = (): number => useTodos().data?.counts.home_visit ?? 0;
