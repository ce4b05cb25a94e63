import type { AuditInput } from './audit.ts';

/**
 * Every audit action code, as a person reads it. `AuditInput.action` is typed from this table: a
 * new code without its Chinese label does not compile. The raw code stays in the export's extra column.
 */
export const ACTION_LABELS = {
  'auth.login': '登录',
  // the password was right and the TOTP is asked next: a step of a sign-in, not a failed one
  'auth.login.password': '密码验证通过，待输入动态口令',
  'auth.logout': '退出',
  'auth.password.change': '修改密码',
  'auth.totp.enrol': '绑定动态口令',
  'user.create': '新增人员',
  'user.update': '修改人员',
  'user.password.reset': '重置密码',
  'user.totp.reset': '重置动态口令',
  'office.create': '新增机构',
  'office.sync': '按县配置同步机构',
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
  // materials as files and the archive (shared/cases/materials.ts, shared/archive)
  'case.material-upload': '申请上传材料文件',
  'case.material-stored': '上传材料文件',
  'case.material-refused': '拒收材料文件（内容与类型不符，已删除）',
  'case.material-view': '查看材料文件',
  'archive.package': '归档',
  'archive.download': '下载档案包',
  'archive.destroy-approve': '批准销毁档案',
  'archive.destroy': '销毁档案',
  'archive.transfer': '导出移交档案',
  'exchange.resend': '更正并重发省平台上报记录',
  'case.view-phone': '查看完整手机号码（回访）',
  'case.supplement': '补正受理',
  'case.start': '开始办理',
  'case.suspend': '进入特别程序',
  'case.resume': '恢复办理',
  'case.extend': '延期',
  'case.fees': '登记收费',
  'case.decide': '办结',
  'case.deliver': '送达',
  'case.withdraw': '撤回',
  'case.forward': '转报',
  'case.receive': '签收',
  'case.return': '回复',
  'case.task': '交办',
  'case.task-receive': '签收任务',
  'case.task-answer': '办结任务',
  'case.hand-back': '回交代办点',
  'commission.create': '代办登记',
  'commission.take-in': '接收代办件',
  'commission.supplement': '代办员补交材料',
  'commission.deliver': '代办员送达',
  'rating.evaluator.push': '推送到评价器',
  'rating.public': '群众评价',
  'rating.follow-up': '群众追评',
  'rating.window': '窗口评价器评价',
  'rating.qr': '扫码评价',
  'rating.web': '网上评价',
  'rating.hotline': '录入热线评价',
  'rating.callback': '差评回访',
  'rating.rectify': '差评整改',
  'rating.appeal': '差评申诉',
  'rating.appeal.upheld': '差评申诉成立',
  'rating.appeal.rejected': '差评申诉驳回',
  'rating.feed.download': '下载省级上报文件',
  'alert.ack': '确认预警',
  'supervision.order.issue': '下发督办单',
  'supervision.order.respond': '反馈督办单',
  'dashboard.export': '导出数据看板',
  // the hall's windows (shared/hall/tickets.ts): the number is the 对象, the window the 说明
  'hall.call': '叫号',
  'hall.recall': '重新呼叫',
  'hall.miss': '过号',
  'hall.transfer': '转窗口',
  'hall.home-visit.request': '安排上门服务',
  'hall.home-visit.done': '完成上门服务',
  'data.migrate': '数据迁移',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof ACTION_LABELS;

const isAction = (a: string): a is AuditAction => Object.hasOwn(ACTION_LABELS, a);

/** An unknown code (an event written by a newer version) reads as 其他操作, never as the code. */
export const actionLabel = (a: string): string => (isAction(a) ? ACTION_LABELS[a] : '其他操作');

/** For a filter: the Chinese name shown, the code sent. */
export const ACTION_OPTIONS = Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }));

const TARGET_TYPES: Record<string, string> = {
  case: '办件',
  user: '人员',
  office: '机构',
  item: '事项',
  calendar: '工作日历',
  commission: '代办单',
  table: '数据表',
  feed: '省级上报文件',
  ticket: '号',
  'home-visit': '上门服务',
};

/** Tables as a person reads them (data.migrate names the table it changed). */
const TABLE_LABELS: Record<string, string> = {
  catalog: '事项目录',
  cases: '办件',
  directory: '人员与机构',
  audit: '审计记录',
  calendar: '工作日历',
  ratings: '好差评',
  supervision: '电子监察',
};

const CASE_NUMBER = /\d{6}-\d{8}-\d{4,}/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The object of an event as a person reads it: a case by its 受理编号 (the case audit's detail
 * carries it), a person by name, never an internal id.
 */
export const targetLabel = (e: Pick<AuditInput, 'target' | 'detail'>): string => {
  if (!e.target) return '';
  const { type: code, id, label } = e.target;
  const type = TARGET_TYPES[code] ?? '对象';
  if (code === 'case') {
    const n = e.detail?.match(CASE_NUMBER)?.[0] ?? label;
    return n ? `${type} ${n}` : type;
  }
  if (label) return `${type} ${label}`;
  if (code === 'commission' && e.detail && !UUID.test(e.detail)) return `${type} ${e.detail.split(' ')[0]}`;
  if (code === 'table') return `${type} ${TABLE_LABELS[id] ?? id}`;
  if (code === 'calendar') return `${id} 年${type}`;
  if (code === 'feed') return `${type} ${id.replace(/^feed\//, '')}`;
  // an id that only a machine reads (a UUID, or a login name where the user was unknown) is not shown
  return UUID.test(id) || code === 'user' ? type : `${type} ${id}`;
};

/** Details written in English or with ids by earlier versions, as a person reads them. */
const DETAIL_LABELS: Record<string, string> = {
  locked: '账号已锁定',
  'address throttled': '来源地址尝试次数过多',
  'unknown user': '账号不存在',
  disabled: '账号已停用',
  'wrong password': '密码错误',
  'wrong totp': '动态口令错误',
  'totp replayed': '动态口令重复使用',
  'totp required': '密码正确，待输入动态口令',
};

/**
 * The 说明 of an event as a person reads it: login failures in Chinese, offices by name (from
 * `officeNames`), counts in Chinese; UUIDs never shown.
 */
export const detailLabel = (e: Pick<AuditInput, 'detail' | 'action' | 'target'>, officeNames: ReadonlyMap<string, string> = new Map()): string => {
  let d = e.detail ?? '';
  const known = DETAIL_LABELS[d];
  if (known) return known;
  // a case's number is already its 对象
  if (e.target?.type === 'case') d = d.replace(CASE_NUMBER, '').trim().replace(/^→\s*/, '至 ');
  if (!d) return '';
  return d
    .replace(/^(\d+) rows$/, '共 $1 条')
    .replace(/^(\d+) offices from the county config, by (.+)$/, '按县配置同步 $1 个机构，操作人 $2')
    .replace(/^(.+): (\d+) of (\d+) items, by (.+)$/, '迁移 $1：检查 $3 条，修改 $2 条，操作人 $4')
    .replace(/[\w-]+/g, (w) => officeNames.get(w) ?? w)
    .replace(new RegExp(UUID.source, 'gi'), '（内部编号）');
};

/** The whole event as one Chinese sentence: who did what to which object, and how it ended. */
export const auditSentence = (
  e: Pick<AuditInput, 'action' | 'target' | 'detail' | 'result'> & { actorName: string },
  officeNames?: ReadonlyMap<string, string>,
): string => {
  const target = targetLabel(e);
  const detail = detailLabel(e, officeNames);
  const what = `${e.actorName}${e.result === 'failure' ? '尝试' : ''}${actionLabel(e.action)}${target ? `：${target}` : ''}`;
  return `${what}${detail ? `（${detail}）` : ''}${e.result === 'failure' ? '，未成功' : ''}。`;
};
