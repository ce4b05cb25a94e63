import { httpHandler } from '../../shared/http/handler.ts';
import { monthQuery } from '../../shared/ratings/model.ts';
import { ratingStats, statsWorkbook } from '../../shared/ratings/stats.ts';
import { statsPorts } from '../../shared/ratings/wiring.ts';

const ports = statsPorts();

/** GET /api/ratings/stats/export?month=YYYY-MM: the month's statistics as an Excel workbook. */
export const handler = httpHandler('ratings-stats-export', { query: monthQuery }, async (req) => {
  const stats = await ratingStats(ports, req.principal, req.query);
  return {
    file: {
      base64: Buffer.from(await statsWorkbook(stats)).toString('base64'),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: `好差评统计-${stats.month}.xlsx`,
    },
  };
});
