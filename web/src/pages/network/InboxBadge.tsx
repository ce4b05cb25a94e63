import { Badge } from 'antd';
import { useInboxCounts } from './queries.ts';

/** A menu label with the number waiting in the office's inbox (待签收), refreshed each minute. */
export default function InboxBadge({ label, kinds }: { label: string; kinds: ReadonlyArray<'case' | 'task' | 'commission' | 'handback'> }) {
  const counts = useInboxCounts(true);
  const n = kinds.reduce((sum, k) => sum + (counts.data?.counts[k] ?? 0), 0);
  return (
    <span data-testid={`nav-count-${kinds.join('-')}`}>
      {label} <Badge count={n} size="small" />
    </span>
  );
}
