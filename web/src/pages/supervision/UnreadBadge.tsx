import { Badge } from 'antd';
import { useSession } from '../../shell/session.tsx';
import { useUnreadCount } from './queries.ts';

/** The menu entry 预警 with the number of unread alerts (99+ beyond). */
export function UnreadBadge({ label }: { label: string }) {
  const { can } = useSession();
  const unread = useUnreadCount(can('alert.read'));
  const n = unread.data?.unread ?? 0;
  return (
    <span data-testid="alerts-menu">
      {label} <Badge count={n} overflowCount={99} size="small" offset={[4, -2]} data-testid="unread-count" title={`${n} 条未读预警`} />
    </span>
  );
}
