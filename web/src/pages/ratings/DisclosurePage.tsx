import { useState } from 'react';
import { bjDateTime, bjMonth } from '@shared/platform/beijing-time.ts';
import { errorText } from '../../shell/api.ts';
import { runtimeConfig } from '../../shell/config.ts';
import { ElderSwitch, PlainSpin } from '../../light/ui.tsx';
import { Alert, PageHead, Table, Tabs, Tag } from '../../light/parts.tsx';
import type { DisclosedRatings, DisclosedResults } from '@shared/ratings/responses.ts';
import { pct } from './client.tsx';
import { useDisclosedRatings, useDisclosedResults } from './queries.ts';
import './ratings.css';

type ResultRow = DisclosedResults['results'][number];
type OfficeRow = DisclosedRatings['offices'][number];

const PAGE = 20;

/** 办结公示: the recent results, twenty to a page. */
const Results = () => {
  const [page, setPage] = useState(0);
  const results = useDisclosedResults();
  const rows = results.data?.results ?? [];
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  return (
    <section className="plain-card">
      <div className="plain-card-head">
        <h2>近 {results.data?.days ?? 30} 日办结</h2>
        {results.data?.publishedAt && <span className="plain-muted">更新于 {bjDateTime(results.data.publishedAt)}</span>}
      </div>
      <div className="plain-card-body">
        {results.isError && <Alert type="error">{errorText(results.error)}</Alert>}
        {results.isPending ? (
          <PlainSpin />
        ) : (
          <Table<ResultRow>
            data-testid="results"
            rowKey={(r, i) => `${r.number}#${i}`}
            rows={rows.slice(page * PAGE, (page + 1) * PAGE)}
            empty="暂无办结公示"
            columns={[
              { title: '受理编号', render: (r) => r.number },
              { title: '事项', render: (r) => r.itemName },
              { title: '办理单位', render: (r) => r.officeName },
              { title: '受理日期', render: (r) => r.acceptedOn },
              { title: '办结日期', render: (r) => r.decidedOn },
              { title: '是否按时', render: (r) => (r.onTime ? <Tag tone="green">按时办结</Tag> : <Tag tone="red">超期办结</Tag>) },
            ]}
          />
        )}
        {pages > 1 && (
          <nav className="plain-row plain-pager" aria-label="分页">
            <button type="button" className="plain-btn" disabled={page === 0} onClick={() => setPage(page - 1)}>
              上一页
            </button>
            <span>
              第 {page + 1} / {pages} 页
            </span>
            <button type="button" className="plain-btn" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
              下一页
            </button>
          </nav>
        )}
      </div>
    </section>
  );
};

/** 好差评公示: each office's month. */
const Ratings = () => {
  const [month, setMonth] = useState(bjMonth(new Date()));
  const ratings = useDisclosedRatings(month);
  return (
    <section className="plain-card">
      <div className="plain-card-head">
        <h2>各单位好差评</h2>
        <label className="plain-row">
          月份
          <input
            type="month"
            className="plain-input disclosure-month"
            value={month}
            max={bjMonth(new Date())}
            min="2000-01"
            onChange={(e) => e.target.value && setMonth(e.target.value)}
          />
        </label>
      </div>
      <div className="plain-card-body">
        {ratings.isError && <Alert type="error">{errorText(ratings.error)}</Alert>}
        {ratings.isPending ? (
          <PlainSpin />
        ) : (
          <Table<OfficeRow>
            data-testid="ratings"
            rowKey={(r) => r.officeName}
            rows={ratings.data?.offices ?? []}
            empty="本月暂无评价"
            columns={[
              { title: '单位', render: (r) => r.officeName },
              { title: '评价数', render: (r) => r.count },
              { title: '满意率', render: (r) => pct(r.satisfactionRate) },
              { title: '差评', render: (r) => r.bad },
              { title: '差评整改率', render: (r) => pct(r.rectificationRate) },
            ]}
          />
        )}
      </div>
    </section>
  );
};

/** 六公开: recent 办结 results and the monthly 好差评 per office (public; no names, IDs or phones). */
export default function DisclosurePage() {
  return (
    <main className="disclosure-page">
      <PageHead title={`${runtimeConfig().countyName} 政务服务公开`}>
        <ElderSwitch />
      </PageHead>
      <Tabs
        label="公开内容"
        items={[
          { key: 'results', label: '办结公示', children: <Results /> },
          { key: 'ratings', label: '好差评公示', children: <Ratings /> },
        ]}
      />
    </main>
  );
}
