import type { AuditInput } from './audit.ts';

/** Audit actions as a person reads them; the raw code stays in the export's extra column. */
const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出',
  'auth.password.change': '修改密码',
  'auth.totp.enrol': '绑定动态口令',
  'user.create': '新增人员',
  'user.update': '修改人员',
  'user.password.reset': '重置密码',
  'user.totp.reset': '重置动态口令',
  'office.create': '新增机构',
  'audit.export': '导出审计记录',
  'calendar.year.put': '编辑工作日历',
  'catalog.item.save': '保存事项',
  'catalog.item.publish': '发布事项',
  'catalog.item.withdraw': '撤回事项',
  'catalog.item.import': '导入事项',
  'catalog.item.alias': '添加事项俗称',
  'catalog.lexicon.save': '保存搜索同义词',
  'case.intake.accepted': '受理',
  'case.intake.awaiting_supplement': '出具一次性告知',
  'case.intake.not_accepted': '不予受理',
  'case.view-id': '查看完整证件号码',
  'case.supplement': '补正受理',
  'case.start': '开始办理',
  'case.suspend': '进入特别程序',
  'case.resume': '恢复办理',
  'case.extend': '延期',
  'case.fees': '登记收费',
  'case.decide': '办结',
  'case.deliver': '送达',
  'case.withdraw': '撤回',
  'case.forward': '转交',
  'rating.public': '群众评价',
  'rating.follow-up': '群众追评',
  'rating.window': '窗口评价器评价',
  'rating.hotline': '录入热线评价',
  'rating.evaluator.push': '推送到评价器',
  // 全程代办
  'commission.create': '代办登记',
  'commission.take-in': '接收代办件',
  'commission.supplement': '代办员补交材料',
  'commission.deliver': '代办员送达',
};

export const actionLabel = (a: string): string => ACTION_LABELS[a] ?? a;

/** For a filter: the Chinese name shown, the code sent. */
export const ACTION_OPTIONS = Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }));

const TARGET_TYPES: Record<string, string> = { case: '办件', user: '人员', office: '机构', item: '事项', calendar: '工作日历', commission: '代办件' };

/**
 * The object of an event as a person reads it: a case by its 受理编号 (the case audit's detail
 * carries it), not its internal id.
 */
export const targetLabel = (e: Pick<AuditInput, 'target' | 'detail'>): string => {
  if (!e.target) return '';
  const type = TARGET_TYPES[e.target.type] ?? e.target.type;
  if (e.target.type === 'case' && e.detail && /^\d{6}-\d{8}-\d{4,}$/.test(e.detail)) return `${type} ${e.detail}`;
  if (e.target.type === 'commission' && e.detail && /^DB-\d{6}-\d{8}-\d{4,}$/.test(e.detail)) return `${type} ${e.detail}`;
  if (e.target.label) return `${type} ${e.target.label}`;
  return `${type} ${e.target.id}`;
};
