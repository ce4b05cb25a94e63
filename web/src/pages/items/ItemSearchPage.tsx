import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useItemSearch } from './catalog-client.ts';
import { errorText } from '../../shell/api.ts';
import { ElderSwitch, PlainSpin } from '../../light/ui.tsx';
import { Alert, PageHead, Tag } from '../../light/parts.tsx';
import { KIND_COLORS, KIND_LABELS, levelsText, limitText } from './labels.ts';
import { DidYouMean, Suggestions, useUnclickedReport } from './SearchHints.tsx';
import './catalog.css';

/**
 * 事项查询: for the hall's kiosk and the citizen's phone, no login. Searches as you type
 * (Chinese, full pinyin or initials: 身份证 / shenfenzheng / sfz); the query lives in the URL so
 * "back" from a guide returns to the same list. Plain React (web/src/light): a phone shows it before
 * antd could even be downloaded.
 */
const LEVEL_OPTIONS = [
  { value: '', label: '全部层级' },
  { value: 'county', label: '县级' },
  { value: 'township', label: '乡级' },
  { value: 'village', label: '村级' },
];

export default function ItemSearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const category = params.get('category') ?? '';
  const level = params.get('level') ?? '';
  const [text, setText] = useState(q);

  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  // type-ahead: the URL follows the box after a short pause
  useEffect(() => {
    if (text === q) return;
    const t = setTimeout(() => update({ q: text.trim() }), 200);
    return () => clearTimeout(t);
  }, [text]);

  const search = useItemSearch({ q, category, level, limit: 200 }, { keepPrevious: true });
  const { data, error } = search;

  const unclicked = useUnclickedReport(search.isPlaceholderData ? '' : q, data?.total);
  const allCount = useMemo(() => data?.categories.reduce((n, c) => n + c.count, 0) ?? 0, [data]);

  const busy = search.isPending || search.isPlaceholderData;
  return (
    <main className="catalog-page" data-testid="item-search">
      <PageHead title="事项查询">
        <span className="no-print">
          <ElderSwitch />
        </span>
      </PageHead>
      <p className="plain-muted">
        输入事项名称、拼音或首字母查找，例如“身份证”或“sfz”。点击事项查看办事指南：依据、条件、材料、流程、时限、收费、地点和电话一次告知。
      </p>
      <form
        className="catalog-search-box"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: text.trim() });
        }}
      >
        <input
          type="text"
          enterKeyHint="search"
          className="plain-input catalog-search-input"
          autoFocus
          placeholder="搜索事项，如 身份证 / sfz / 养老保险"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label="搜索事项"
          maxLength={50}
          name="q"
        />
        <Suggestions
          text={text}
          onPick={(picked) => {
            setText(picked);
            update({ q: picked });
          }}
        />
      </form>
      <div className="plain-row" style={{ margin: '12px 0' }}>
        <select className="plain-select catalog-level" value={level} onChange={(e) => update({ level: e.target.value })} aria-label="行使层级">
          {LEVEL_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {/* a group of toggles (each a checkbox to assistive technology), not a tablist: tabs can't be checkboxes */}
      <div className="catalog-categories" role="group" aria-label="事项类别">
        <button type="button" role="checkbox" aria-checked={!category} className="plain-checkable" onClick={() => update({ category: '' })}>
          全部 {allCount}
        </button>
        {data?.categories.map((c) => (
          <button
            key={c.name}
            type="button"
            role="checkbox"
            aria-checked={category === c.name}
            className="plain-checkable"
            onClick={() => update({ category: category === c.name ? '' : c.name })}
          >
            {c.name} {c.count}
          </button>
        ))}
      </div>
      {error && <Alert type="error">{errorText(error)}</Alert>}
      <div aria-busy={busy} className={busy ? 'catalog-busy' : undefined}>
        <div aria-live="polite" className="plain-muted" style={{ margin: '8px 0' }}>
          {data ? `共 ${data.total} 项${data.total > data.items.length ? `，显示前 ${data.items.length} 项` : ''}` : ''}
        </div>
        {!data && !error && <PlainSpin />}
        {data && data.items.length === 0 && <p className="catalog-empty">{q ? `没有找到“${q}”相关的事项，请换个说法或咨询窗口工作人员` : '暂无事项'}</p>}
        {data && data.items.length === 0 && <DidYouMean hints={data.didYouMean} />}
        <div data-testid="item-results">
          {data?.items.map((it) => (
            <Link key={it.code} className="catalog-hit" to={`/items/${encodeURIComponent(it.code)}`} data-code={it.code} onClick={unclicked.clicked}>
              <div className="catalog-hit-name">
                {it.name} {it.demo && <Tag tone="gold">示例</Tag>}
              </div>
              <div className="catalog-hit-meta">
                <Tag tone={KIND_COLORS[it.kind]}>{KIND_LABELS[it.kind]}</Tag>
                <span>{limitText(it.kind, it.promisedDays)}</span>
                <span>{levelsText(it.levels)}</span>
                <span>{it.office}</span>
                <span>{it.visits === 0 ? '零跑腿' : `到现场 ${it.visits} 次`}</span>
                <span>{it.charged ? '收费' : '不收费'}</span>
              </div>
            </Link>
          ))}
        </div>
      </div>
    </main>
  );
}
