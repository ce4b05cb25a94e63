import * as z from 'zod';
import type { RouteName } from '../platform/routes.ts';
import { caseRowSchema } from '../cases/responses.ts';
import { itemsSearchResponse } from '../catalog/responses.ts';
import { inboxResponse, inboxRowSchema } from '../network/responses.ts';
import { todoListResponse } from '../todos/responses.ts';
import { archiveSearchResponse, caseArchiveResponse } from '../archive/responses.ts';
import { disclosedRatingsResponse, disclosedResultsResponse } from '../ratings/responses.ts';
import { rejectedResponse, statusResponse } from '../exchange/schemas.ts';
import * as hall from '../hall/responses.ts';
import { calendarYearResponse, calendarYearSavedResponse, dueDateResponse } from '../calendar/responses.ts';
import { feedListResponse } from '../ratings/responses.ts';

/**
 * What a route answers, where the OpenAPI document says more than "a JSON object": the published
 * response shapes (zod schemas the web takes its types from), files, other success statuses.
 */
export interface ResponseSpec {
  /** Success status (200). */
  status?: number;
  schema?: z.ZodType;
  /** A file in one of these content types instead of JSON. */
  file?: readonly string[];
  description?: string;
}

/** `GET /api/cases`: a work list, or with view=inbox the rows of 待签收. */
export const casesListResponse = z.object({
  cases: z.array(z.union([caseRowSchema, inboxRowSchema])).max(1000),
  next: z.string().max(2000).optional().meta({ description: '下一页的 cursor' }),
});
export type CasesListResponse = z.infer<typeof casesListResponse>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF = 'application/pdf';
const ZIP = 'application/zip';

export const RESPONSES: Partial<Record<RouteName, ResponseSpec>> = {
  // the published shapes the README and docs name
  'cases-list': { schema: casesListResponse, description: '办件列表（姓名已脱敏），或 view=inbox 时的待签收' },
  'cases-forward-inbox': { schema: inboxResponse, description: '待签收' },
  'items-search': { schema: itemsSearchResponse, description: '事项查询结果（可缓存，ETag）' },
  'todos-list': { schema: todoListResponse, description: '待办与菜单上的计数' },
  'cases-archive': { schema: caseArchiveResponse, description: '办件的电子档案' },
  'archive-search': { schema: archiveSearchResponse, description: '年度档案检索' },
  'archive-destruction-list': { schema: archiveSearchResponse, description: '保管期满、待鉴定销毁的档案' },
  'disclosure-ratings': { schema: disclosedRatingsResponse, description: '各窗口好差评月度公开' },
  'disclosure-results': { schema: disclosedResultsResponse, description: '办件结果公开' },
  // files
  'audit-export': { file: [XLSX], description: '审计记录 Excel' },
  'items-export': { file: [XLSX], description: '事项目录工作簿（可再导入）' },
  'dashboard-export': { file: [XLSX], description: '电子监察统计 Excel' },
  'ratings-stats-export': { file: [XLSX], description: '好差评统计 Excel' },
  'ratings-feed-download': { file: ['application/x-ndjson', XLSX], description: '好差评上报文件（JSON Lines 或 Excel）' },
  'cases-documents': { file: [PDF], description: '办件文书 PDF' },
  'commissions-document': { file: [PDF], description: '委托代办单 PDF' },
  'cases-archive-package': { file: [ZIP], description: '电子档案包' },
  'archive-transfer': { file: [ZIP], description: '年度移交包与移交清单' },
  // the provincial exchange's daily status: a published shape
  'exchange-status': { schema: statusResponse, description: '省平台对接：当日上报记录的推送、确认、退回与待确认数' },
  'exchange-rejected': { schema: rejectedResponse, description: '当日被省平台退回的记录（含上报内容）与省平台的当日计数' },
  'ratings-feed-list': { schema: feedListResponse, description: '好差评省级上报文件（按日）' },
  // the working-day calendar
  'calendar-due-date': { schema: dueDateResponse, description: '若干工作日后的到期日' },
  'calendar-year-get': { schema: calendarYearResponse, description: '一年的法定节假日与调休工作日，未录入时 missing' },
  'calendar-year-put': { schema: calendarYearSavedResponse, description: '已保存的年度安排' },
  // the hall: booking, the kiosk, the calling screen, the windows
  'hall-offices': { schema: hall.hallListResponse, description: '开通预约取号的服务中心' },
  'hall-office': { schema: hall.hallOfficeResponse, description: '服务中心的开放时间、事项分组、队列与窗口' },
  'hall-slots': { schema: hall.slotsResponse, description: '各工作日的预约时段与余量' },
  'hall-book': { status: 201, schema: hall.appointmentResponse, description: '预约成功（预约码；姓名与手机号已脱敏）' },
  'hall-cancel': { schema: hall.appointmentResponse, description: '已取消的预约' },
  'hall-ticket': { status: 201, schema: hall.ticketIssuedResponse, description: '取号或预约签到的号票' },
  'hall-screen': { schema: hall.screenResponse, description: '叫号屏：当天最近的叫号（仅号码与窗口）' },
  'hall-appointments': { schema: hall.appointmentsResponse, description: '本中心当天的预约（已脱敏）' },
  'hall-times': { schema: hall.hallTimesResponse, description: '等候与办理时长（format=xlsx 时为 Excel）' },
  'windows-me': { schema: hall.windowStateResponse, description: '本人的窗口、当前号与各队列等候人数' },
  'windows-seat': { schema: hall.seatResponse, description: '本人所在窗口' },
  'windows-call': { schema: hall.ticketResponse, description: '叫到本窗口的号；无人等候时 204' },
  'windows-recall': { schema: hall.ticketResponse, description: '重呼当前号' },
  'windows-miss': { schema: hall.ticketResponse, description: '过号' },
  'windows-finish': { schema: hall.ticketResponse, description: '办结当前号' },
  'windows-transfer': { schema: hall.ticketResponse, description: '转窗口' },
  'windows-ticket-cases': { schema: hall.ticketResponse, description: '号票关联的办件' },
};

/** The published response of a route, if any. */
export const responseOf = (r: { name: string }): ResponseSpec | undefined => (RESPONSES as Record<string, ResponseSpec>)[r.name];
