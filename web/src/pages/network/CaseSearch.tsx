import { useState } from 'react';
import { Alert, Input, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import type { CaseListRow } from '../../../../shared/cases/views.ts';
import { api } from '../../shell/api.ts';

/** Find a case by its number, the applicant's name, ID number or phone (keyed-hash look-ups on the server). */
export default function CaseSearch() {
  const [q, setQ] = useState('');
  const navigate = useNavigate();
  const found = useQuery({
    queryKey: ['cases', 'search', q],
    queryFn: ({ signal }) => api<{ cases: CaseListRow[] }>(`/api/cases?q=${encodeURIComponent(q)}`, { signal }),
    enabled: q.length > 0,
  });
  return (
    <>
      <Input.Search placeholder="受理编号、申请人姓名、证件号码或手机号" allowClear enterButton="查找" onSearch={(v) => setQ(v.trim())} style={{ maxWidth: 480, margin: '12px 0' }} data-testid="case-search" />
      {found.isError && <Alert type="error" showIcon message={found.error.message} />}
      {q && found.data && (
        <Table<CaseListRow>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={found.data.cases}
          locale={{ emptyText: '未找到本机构可查看的办件' }}
          onRow={(r) => ({ onClick: () => navigate(`/cases/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: '受理编号', dataIndex: 'number' },
            { title: '事项', dataIndex: 'itemName' },
            { title: '申请人', dataIndex: 'applicantName' },
            { title: '状态', dataIndex: 'statusLabel' },
          ]}
          data-testid="case-search-results"
        />
      )}
    </>
  );
}
