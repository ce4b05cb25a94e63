import { bjDateTime } from '../platform/beijing-time.ts';
import { CARD_LABELS, TRIGGER_LABELS, type Alert } from './alert.ts';
import type { Digest } from './ports.ts';

/**
 * What an alert or a digest says, once for every channel: a subject and plain text (e-mail via
 * SNS), markdown (企业微信 / 钉钉 robots) and a JSON payload (plain webhooks). Numbers, items,
 * offices and times only — never an applicant's name, ID or phone. Times are Beijing time.
 */
export interface Notice {
  subject: string;
  text: string;
  markdown: string;
  payload: Record<string, unknown>;
}

/** `2026-11-20 10:00` in Beijing time. */

export type OfficeName = (id: string) => string;

export const alertNotice = (a: Alert, officeName: OfficeName): Notice => {
  const office = officeName(a.officeId);
  const title = `【${CARD_LABELS[a.card]}】${a.caseNumber} ${a.itemName}`;
  const lines = [
    `办件：${a.caseNumber}（${a.itemName}）`,
    `单位：${office}`,
    `类别：${TRIGGER_LABELS[a.trigger]}`,
    `原因：${a.reason}`,
    `时间：${bjDateTime(a.at)}（北京时间）`,
  ];
  return {
    subject: `${CARD_LABELS[a.card]}：${a.caseNumber} ${office}`.slice(0, 99),
    text: [`${title}`, '', ...lines, '', `预警编号：${a.id}。请登录便民服务系统“预警”查看处理。`].join('\n'),
    markdown: [`### ${title}`, ...lines.map((l) => `> ${l}`)].join('\n'),
    payload: {
      type: 'alert',
      id: a.id,
      card: a.card,
      trigger: a.trigger,
      caseId: a.caseId,
      caseNumber: a.caseNumber,
      itemName: a.itemName,
      officeId: a.officeId,
      officeName: office,
      reason: a.reason,
      at: a.at,
      ...(a.orderId ? { orderId: a.orderId } : {}),
    },
  };
};

const list = (rows: Array<{ number: string; officeId: string }>, officeName: OfficeName, max = 20): string[] => [
  ...rows.slice(0, max).map((r) => `- ${r.number}（${officeName(r.officeId)}）`),
  ...(rows.length > max ? [`- ……另 ${rows.length - max} 件`] : []),
];

export const digestNotice = (d: Digest, officeName: OfficeName): Notice => {
  const title = `便民服务日报 ${d.day}`;
  const head = `今日到期 ${d.dueToday.length} 件；已超期 ${d.overdue.length} 件；待反馈督办 ${d.openOrders.length} 件。`;
  const y = d.yesterday;
  const body = [
    head,
    ...(y ? [`昨日受理 ${y.taken} 件；按时办结 ${y.decidedOnTime} 件；超期办结 ${y.decidedLate} 件；即办件当日办结 ${y.immediateSameDay} 件。`] : []),
    ...(d.dueToday.length ? ['', '今日到期：', ...list(d.dueToday, officeName)] : []),
    ...(d.overdue.length ? ['', '已超期：', ...list(d.overdue, officeName)] : []),
    ...(d.openOrders.length
      ? [
          '',
          '待反馈督办：',
          ...list(
            d.openOrders.map((o) => ({ number: o.caseNumber, officeId: o.officeId })),
            officeName,
          ),
        ]
      : []),
  ];
  return {
    subject: title,
    text: [title, '', ...body].join('\n'),
    markdown: [`### ${title}`, ...body].join('\n'),
    payload: {
      type: 'digest',
      audience: d.audience,
      day: d.day,
      dueToday: d.dueToday.map((c) => ({ caseId: c.id, caseNumber: c.number, officeId: c.officeId, dueAt: c.dueAt })),
      overdue: d.overdue.map((c) => ({ caseId: c.id, caseNumber: c.number, officeId: c.officeId, dueAt: c.dueAt })),
      openOrders: d.openOrders,
      ...(y ? { yesterday: y } : {}),
    },
  };
};
