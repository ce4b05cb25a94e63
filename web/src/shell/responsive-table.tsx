import type { Key, ReactNode } from 'react';
import { Grid, List, Table, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';

/**
 * A list that is a table on a desk and cards on a phone: the same `columns` and `dataSource` as
 * antd's Table; under the breakpoint each row becomes a card of "label: value" lines, so nothing
 * squeezes to one character per line (in 长者版 neither: the labels are sized in em).
 * `onRow`'s onClick opens the row from its card too (Enter or Space on the focused card).
 */
export type ResponsiveTableProps<T> = TableProps<T> & {
  /** What a card leads with (e.g. the 受理编号); without it the first column's value. */
  cardTitle?: (row: T) => ReactNode;
  /** Below this antd breakpoint rows are cards: 'md' is under 768 px. */
  cardsBelow?: 'sm' | 'md' | 'lg';
  'data-testid'?: string;
};

const valueAt = (row: object, path: ColumnType<object>['dataIndex']): unknown => {
  if (path === undefined || path === null) return undefined;
  const keys = Array.isArray(path) ? path : [path];
  return keys.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[String(k)] : undefined), row);
};

/** A column's cell as the table would draw it (render may answer `{ children }`). */
const cellOf = <T extends object>(col: ColumnType<T>, row: T, index: number): ReactNode => {
  const value = valueAt(row, col.dataIndex as ColumnType<object>['dataIndex']);
  const drawn: unknown = col.render ? col.render(value, row, index) : value;
  if (drawn && typeof drawn === 'object' && 'children' in drawn && !('$$typeof' in drawn)) return (drawn as { children: ReactNode }).children;
  return drawn as ReactNode;
};

const keyOf = <T extends object>(rowKey: TableProps<T>['rowKey'], row: T, index: number): Key => {
  if (typeof rowKey === 'function') return rowKey(row, index);
  const k = valueAt(row, (rowKey ?? 'key') as string);
  return typeof k === 'string' || typeof k === 'number' ? k : index;
};

export function ResponsiveTable<T extends object>({ cardTitle, cardsBelow = 'md', ...table }: ResponsiveTableProps<T>) {
  const screens = Grid.useBreakpoint();
  // before the first measurement the breakpoint is unknown: a table, as on a desk
  if (screens[cardsBelow] !== false) return <Table<T> {...table} />;

  const columns = (table.columns ?? []).filter((c): c is ColumnType<T> => !('children' in c) && !c.hidden);
  const rows = [...(table.dataSource ?? [])];
  const pagination = table.pagination === false ? false : { pageSize: 10, hideOnSinglePage: true, ...(table.pagination ?? {}) };
  const [first, ...rest] = columns;
  return (
    <List<T>
      className={`responsive-cards ${table.className ?? ''}`}
      style={table.style}
      data-testid={table['data-testid']}
      loading={Boolean(table.loading)}
      dataSource={rows}
      pagination={pagination && rows.length > (pagination.pageSize ?? 10) ? { ...pagination, position: 'bottom', align: 'center' } : false}
      locale={{ emptyText: typeof table.locale?.emptyText === 'function' ? table.locale.emptyText() : (table.locale?.emptyText ?? '暂无数据') }}
      rowKey={(row) => keyOf(table.rowKey, row, rows.indexOf(row))}
      renderItem={(row) => {
        const index = rows.indexOf(row);
        const open = table.onRow?.(row, index)?.onClick;
        // with a title of its own the card lists every column; otherwise the first column is the title
        const shown = cardTitle ? columns : rest;
        return (
          <List.Item
            className={`responsive-card${open ? ' responsive-card-link' : ''}`}
            {...(open
              ? {
                  tabIndex: 0,
                  role: 'link',
                  onClick: (e) => open(e as never),
                  onKeyDown: (e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      open(e as never);
                    }
                  },
                }
              : {})}
          >
            <div className="responsive-card-title">{cardTitle ? cardTitle(row) : first ? cellOf(first, row, index) : null}</div>
            <dl>
              {shown.map((col, i) => (
                <div key={String(col.key ?? col.dataIndex ?? i)}>
                  <dt>{typeof col.title === 'function' ? null : col.title}</dt>
                  <dd>{cellOf(col, row, index)}</dd>
                </div>
              ))}
            </dl>
          </List.Item>
        );
      }}
    />
  );
}
