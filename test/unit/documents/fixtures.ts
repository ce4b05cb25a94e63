import type { DocumentContext } from '../../../shared/documents/texts.ts';

/** The print context of the documents' tests: a 灵山镇 clerk, the county's review body and court. */
export const ctx: DocumentContext = {
  countyName: '罗山县',
  officeName: '灵山镇便民服务中心',
  clerkName: '王窗口',
  printedAt: '2026-11-23T02:00:00.000Z',
  guide: { place: '灵山镇便民服务中心 3 号窗口', consultPhone: '0376-2100001', complaintPhone: '0376-12345' },
  legal: { reviewBody: '罗山县人民政府', court: '罗山县人民法院' },
  statusLink: 'https://example.gov.cn/status/411521-20261123-0007?code=abc',
};
