import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { catalogStore } from '../../shared/catalog/wiring.ts';
import { exportItems, exportWorkbook } from '../../shared/catalog/export.ts';

const store = catalogStore();

/** GET /api/admin/items/export?scope=published|latest|template: the catalog as a re-importable workbook. */
export const handler = httpHandler(
  'items-export',
  { query: z.object({ scope: z.enum(['published', 'latest', 'template'], { error: 'scope 必须是 published、latest 或 template' }).default('published') }) },
  async (req) => {
    const scope = req.query.scope;
    const bytes = await exportWorkbook(await exportItems(store, scope), scope);
    const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    const filename = scope === 'template' ? '事项目录导入模板.xlsx' : `事项目录-${scope === 'latest' ? '全部版本' : '已发布'}-${day}.xlsx`;
    return {
      file: {
        base64: Buffer.from(bytes).toString('base64'),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        filename,
      },
    };
  },
);
