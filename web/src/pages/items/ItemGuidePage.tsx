import { appUrl } from '../../shell/config.ts';
import { useEffect } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { PlainSpin } from '../../light/ui.tsx';
import { Alert, Rows, Table, Tag, type Column } from '../../light/parts.tsx';
import { HANDLING_LABELS, MATERIAL_FORM_LABELS, ONLINE_LABELS } from '@shared/catalog/item-labels.ts';
import type { Item, Material } from '@shared/catalog/item.ts';
import { useGuide } from './catalog-client.ts';
import { bjDate } from '@shared/platform/beijing-time.ts';
import { errorText } from '../../shell/api.ts';
import { useQrCode } from '../../shell/qr-code.ts';
import { KIND_COLORS, KIND_LABELS, levelsText, limitText } from './labels.ts';
import './catalog.css';

/**
 * 办事指南: every element a guide must show (一次告知), a printable version (print CSS: A4, no
 * navigation) and a QR code that opens the same guide on a phone. Plain React (web/src/light).
 */
const handlingText = (item: Item): string => {
  const h = item.handling;
  if (h.mode === 'delegated') return `${HANDLING_LABELS.delegated}（${h.from}）`;
  if (h.mode === 'forwarded') return `${HANDLING_LABELS.forwarded}（受理后转 ${h.to} 办理）`;
  return HANDLING_LABELS.local;
};

const FormLinks = ({ m }: { m: Material }) => (
  <span className="plain-row">
    {m.blankFormUrl && (
      <a href={m.blankFormUrl} target="_blank" rel="noreferrer">
        空白表格
      </a>
    )}
    {m.sampleUrl && (
      <a href={m.sampleUrl} target="_blank" rel="noreferrer">
        示例样表
      </a>
    )}
  </span>
);

const materialColumns: Column<Material>[] = [
  { title: '序号', render: (_m, i) => i + 1 },
  { title: '材料名称', render: (m) => m.name },
  { title: '形式', render: (m) => MATERIAL_FORM_LABELS[m.form] },
  { title: '份数', render: (m) => m.copies },
  { title: '来源', render: (m) => m.source ?? '' },
  { title: '必需', render: (m) => (m.required ? '必需' : '非必需') },
  { title: '表格/样表', render: (m) => <FormLinks m={m} /> },
  { title: '备注', render: (m) => m.notes ?? '' },
];

const List = ({ items, empty }: { items: readonly string[]; empty: string }) =>
  items.length ? (
    <ol>
      {items.map((x, i) => (
        <li key={i}>{x}</li>
      ))}
    </ol>
  ) : (
    <p>{empty}</p>
  );

export default function ItemGuidePage() {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const version = Number(params.get('version')) || undefined;
  const navigate = useNavigate();
  const guide = useGuide(code, version);
  const { data, error } = guide;
  const url = typeof window !== 'undefined' ? appUrl(`/items/${encodeURIComponent(code)}`) : '';
  // a QR code that fails to draw is left out: the printed address below says the same
  const qr = useQrCode(url, 'svg').data ?? '';

  useEffect(() => {
    if (data) document.title = `${data.item.name} - 办事指南`;
  }, [data]);

  if (error)
    return (
      <main className="catalog-page">
        <h1 className="plain-title">无法显示办事指南</h1>
        <Alert type="warning">{errorText(error)}</Alert>
        <Link to="/items">返回事项查询</Link>
      </main>
    );
  if (!data)
    return (
      <div className="catalog-page">
        <PlainSpin />
      </div>
    );

  const { item } = data;
  return (
    <main className="catalog-page catalog-guide" data-testid="item-guide">
      <div className="plain-row no-print" style={{ marginBottom: 12 }}>
        <button type="button" className="plain-btn" onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/items'))}>
          ← 返回
        </button>
        <button type="button" className="plain-btn primary" onClick={() => window.print()} data-testid="print-guide">
          打印办事指南
        </button>
      </div>

      <div style={{ display: 'flex', gap: 16, justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <div>
          <h1 className="plain-title" style={{ marginBottom: 8 }}>
            {item.name}
          </h1>
          <div className="plain-row">
            <Tag tone={KIND_COLORS[item.kind]}>{KIND_LABELS[item.kind]}</Tag>
            <span>{limitText(item.kind, item.promisedDays)}</span>
            <span>事项编码 {item.code}</span>
            <span>第 {data.version} 版</span>
            {data.publishedAt && <span>发布于 {bjDate(data.publishedAt)}</span>}
            {item.demo && <Tag tone="gold">示例</Tag>}
          </div>
        </div>
        {qr && (
          <figure className="catalog-qr" style={{ margin: 0, textAlign: 'center' }} data-testid="guide-qr">
            <div dangerouslySetInnerHTML={{ __html: qr }} aria-label="手机扫码查看本指南" role="img" />
            <figcaption style={{ fontSize: 12 }}>手机扫码查看</figcaption>
          </figure>
        )}
      </div>
      <p className="catalog-print-only">网址：{url}</p>

      {data.status !== 'published' && (
        <Alert type="warning">{`这是第 ${data.version} 版（${data.status === 'withdrawn' ? '已撤回' : '已被新版本替代'}），仅供查阅`}</Alert>
      )}
      {item.demo && (
        <Alert type="warning">
          <strong>示例</strong>：本指南的事项名称来自罗山县乡级事项清单；依据、材料、时限、收费等办理要素为演示示例，以实施机关公布为准。
        </Alert>
      )}

      <section>
        <h2>基本信息</h2>
        <Rows
          rows={[
            ['事项类别', item.category],
            ['办件类型', KIND_LABELS[item.kind]],
            ['行使层级', levelsText(item.levels)],
            ['实施机关', item.office],
            ['办理方式', handlingText(item)],
            ['网上办理', ONLINE_LABELS[item.online]],
            ['到现场次数', item.visits === 0 ? '0 次（零跑腿）' : `${item.visits} 次`],
            ['结果公开', item.resultPublished ? '公开' : '不公开'],
          ]}
        />
      </section>

      <section>
        <h2>设定和实施依据</h2>
        <List items={item.basis} empty="无" />
      </section>

      <section>
        <h2>受理条件</h2>
        <List items={item.conditions} empty="无特别条件" />
      </section>

      <section>
        <h2>申请材料</h2>
        {item.materials.length ? (
          <>
            {/* a table on paper and wide screens; cards on a phone, where seven columns would crush to a character each */}
            <div className="materials-table">
              <Table columns={materialColumns} rows={item.materials} rowKey={(m) => m.name} empty="无需提交材料" />
            </div>
            <ol className="materials-cards" data-testid="material-cards">
              {item.materials.map((m) => (
                <li key={m.name} className="material-card">
                  <strong>{m.name}</strong>
                  <span>
                    {MATERIAL_FORM_LABELS[m.form]} · {m.copies} 份 · {m.required ? '必需' : '非必需'}
                  </span>
                  {m.source && <span>来源：{m.source}</span>}
                  {(m.blankFormUrl || m.sampleUrl) && <FormLinks m={m} />}
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p>无需提交材料</p>
        )}
      </section>

      <section>
        <h2>办理流程</h2>
        <ol className="catalog-steps">
          {item.steps.map((s, i) => (
            <li key={i}>
              <strong>{s.name}</strong>
              {s.description ? `：${s.description}` : ''}
            </li>
          ))}
        </ol>
      </section>

      <section>
        <h2>办理时限</h2>
        <Rows
          rows={[
            ['法定时限', item.kind === 'immediate' ? '即办' : item.statutoryDays ? `${item.statutoryDays} 个工作日` : '无'],
            ['承诺时限', item.kind === 'immediate' ? '当场办结' : `${item.promisedDays ?? ''} 个工作日`],
            ...item.specialProcedures.map((s): [string, string] => [
              `特别程序：${s.name}`,
              `最长 ${s.maxDays} 个工作日，不计入办理时限${s.basis ? `（依据：${s.basis}）` : ''}`,
            ]),
          ]}
        />
      </section>

      <section>
        <h2>收费</h2>
        {item.fee.charged ? (
          <p>
            收费标准：{item.fee.standard}
            <br />
            收费依据：{item.fee.basis}
          </p>
        ) : (
          <p>不收费</p>
        )}
      </section>

      <section>
        <h2>办理地点、时间和电话</h2>
        <Rows
          rows={[
            ['办理地点', item.place],
            ['办理时间', item.hours],
            ['咨询电话', <a href={`tel:${item.consultPhone}`}>{item.consultPhone}</a>],
            ['投诉电话', <a href={`tel:${item.complaintPhone}`}>{item.complaintPhone}</a>],
          ]}
        />
      </section>

      {item.faq.length > 0 && (
        <section>
          <h2>常见问题</h2>
          <dl>
            {item.faq.map((f, i) => (
              <div key={i} style={{ marginBottom: 8 }}>
                <dt style={{ fontWeight: 600 }}>问：{f.q}</dt>
                <dd style={{ marginLeft: 0 }}>答：{f.a}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </main>
  );
}
