import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Empty, Input, Select, Space, Spin, Switch, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useItemSearch } from './catalog-client.ts';
import { errorText } from '../../shell/api.ts';
import { useElder } from '../../shell/elder.tsx';
import { KIND_COLORS, KIND_LABELS, levelsText, limitText } from './labels.ts';
import { DidYouMean, Suggestions, useUnclickedReport } from './SearchHints.tsx';
import './catalog.css';

/**
 * 事项查询: for the hall's kiosk and the citizen's phone, no login. Searches as you type
 * (Chinese, full pinyin or initials: 身份证 / shenfenzheng / sfz); the query lives in the URL so
 * "back" from a guide returns to the same list.
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
  const [elder, setElder] = useElder();

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

  return (
    <main className="catalog-page" data-testid="item-search">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 28 }}>
          事项查询
        </Typography.Title>
        <label className="no-print" style={{ fontSize: 16 }}>
          <Space>
            长者版（大字）
            <Switch checked={elder} onChange={setElder} aria-label="长者版" />
          </Space>
        </label>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        输入事项名称、拼音或首字母查找，例如“身份证”或“sfz”。点击事项查看办事指南：依据、条件、材料、流程、时限、收费、地点和电话一次告知。
      </Typography.Paragraph>
      <div className="catalog-search-box">
        <Input
          size="large"
          allowClear
          autoFocus
          prefix={<SearchOutlined />}
          placeholder="搜索事项，如 身份证 / sfz / 养老保险"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => update({ q: text.trim() })}
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
      </div>
      <Space style={{ margin: '12px 0' }} wrap>
        <Select size="large" value={level} options={LEVEL_OPTIONS} onChange={(v) => update({ level: v })} style={{ minWidth: 140 }} aria-label="行使层级" />
      </Space>
      {/* a group of toggles (each a checkbox to assistive technology), not a tablist: tabs can't be checkboxes */}
      <div className="catalog-categories" role="group" aria-label="事项类别">
        <Tag.CheckableTag checked={!category} onChange={() => update({ category: '' })}>
          全部 {allCount}
        </Tag.CheckableTag>
        {data?.categories.map((c) => (
          <Tag.CheckableTag key={c.name} checked={category === c.name} onChange={(on) => update({ category: on ? c.name : '' })}>
            {c.name} {c.count}
          </Tag.CheckableTag>
        ))}
      </div>
      {error && <Alert type="error" showIcon message={errorText(error)} style={{ margin: '12px 0' }} />}
      <Spin spinning={search.isPending || search.isPlaceholderData}>
        <div aria-live="polite" style={{ margin: '8px 0', color: '#555' }}>
          {data ? `共 ${data.total} 项${data.total > data.items.length ? `，显示前 ${data.items.length} 项` : ''}` : ''}
        </div>
        {data && data.items.length === 0 && <Empty description={q ? `没有找到“${q}”相关的事项，请换个说法或咨询窗口工作人员` : '暂无事项'} />}
        {data && data.items.length === 0 && <DidYouMean hints={data.didYouMean} />}
        <div data-testid="item-results">
          {data?.items.map((it) => (
            <Link key={it.code} className="catalog-hit" to={`/items/${encodeURIComponent(it.code)}`} data-code={it.code} onClick={unclicked.clicked}>
              <div className="catalog-hit-name">
                {it.name} {it.demo && <Tag color="gold">示例</Tag>}
              </div>
              <div className="catalog-hit-meta">
                <Space size={[8, 4]} wrap>
                  <Tag color={KIND_COLORS[it.kind]}>{KIND_LABELS[it.kind]}</Tag>
                  <span>{limitText(it.kind, it.promisedDays)}</span>
                  <span>{levelsText(it.levels)}</span>
                  <span>{it.office}</span>
                  <span>{it.visits === 0 ? '零跑腿' : `到现场 ${it.visits} 次`}</span>
                  <span>{it.charged ? '收费' : '不收费'}</span>
                </Space>
              </div>
            </Link>
          ))}
        </div>
      </Spin>
    </main>
  );
}
