import { useId, useState, type ReactNode } from 'react';

/**
 * The rest of what the light public pages show, in plain React (light.css): a message box, a tag,
 * tabs, a label/value list and a plain table. Same roles as antd's, so a page reads the same to a
 * screen reader (and to the browser tests) whichever it is built with.
 */

export const Alert = ({ type, children, action }: { type: 'info' | 'warning' | 'error' | 'success'; children: ReactNode; action?: ReactNode }) => (
  <div className={`plain-alert ${type}`} role={type === 'error' || type === 'warning' ? 'alert' : 'status'}>
    <span>{children}</span>
    {action}
  </div>
);

export const Tag = ({ tone, children }: { tone?: 'green' | 'red' | 'gold' | 'blue' | 'purple' | 'orange' | undefined; children: ReactNode }) => (
  <span className={`plain-tag${tone ? ` ${tone}` : ''}`}>{children}</span>
);

/** Tabs with the WAI-ARIA roles (tablist, tab, tabpanel); only the open panel is rendered. */
export const Tabs = ({ items, label }: { items: Array<{ key: string; label: string; children: ReactNode }>; label: string }) => {
  const [open, setOpen] = useState(items[0]?.key ?? '');
  const id = useId();
  const current = items.find((t) => t.key === open) ?? items[0];
  return (
    <div className="plain-tabs">
      <div role="tablist" aria-label={label} className="plain-tablist">
        {items.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            id={`${id}-${t.key}`}
            aria-selected={t.key === current?.key}
            aria-controls={`${id}-${t.key}-panel`}
            className={`plain-tab${t.key === current?.key ? ' active' : ''}`}
            onClick={() => setOpen(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {current && (
        <div role="tabpanel" id={`${id}-${current.key}-panel`} aria-labelledby={`${id}-${current.key}`}>
          {current.children}
        </div>
      )}
    </div>
  );
};

/** Label and value rows (a guide's 基本信息, a case's status): a table, which reads well and prints well. */
export const Rows = ({ rows, ...rest }: { rows: Array<[ReactNode, ReactNode] | false | null | undefined | ''>; 'data-testid'?: string }) => (
  <table className="plain-rows" {...rest}>
    <tbody>
      {rows.filter(Boolean).map((r, i) => {
        const [label, value] = r as [ReactNode, ReactNode];
        return (
          <tr key={i}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        );
      })}
    </tbody>
  </table>
);

export interface Column<T> {
  title: string;
  render: (row: T, index: number) => ReactNode;
}

/** A plain table: a header row and one row per record (role row/cell as any table). */
export function Table<T>({
  columns,
  rows,
  rowKey,
  empty,
  ...rest
}: {
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, i: number) => string;
  empty: string;
  'data-testid'?: string;
}) {
  return (
    <div className="plain-table-wrap">
      <table className="plain-table" {...rest}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.title} scope="col">
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="plain-empty">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((r, i) => (
              <tr key={rowKey(r, i)}>
                {columns.map((c) => (
                  <td key={c.title}>{c.render(r, i)}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** The page heading with the 长者版 switch beside it, as every public page has. */
export const PageHead = ({ title, children }: { title: ReactNode; children?: ReactNode }) => (
  <div className="plain-page-head">
    <h1 className="plain-title">{title}</h1>
    {children}
  </div>
);
