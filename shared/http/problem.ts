import * as z from 'zod';
import type { FieldIssue } from '../errors/domain-errors.ts';

/**
 * The one error shape of the API, served as `application/problem+json`: the RFC 9457 members
 * (`type`, `title`, `status`, `detail`) beside the `error` envelope the web and every test read
 * (`code`, Chinese `message`, `fields` with their dotted paths, `correlationId`). The OpenAPI
 * document publishes this schema once (components.schemas.Problem).
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** `type` of a problem: a stable URN per error code (no page to dereference, and none is promised). */
export const problemType = (code: string): string => `urn:bianmin:problem:${code.toLowerCase().replaceAll('_', '-')}`;

const TITLES: Record<number, string> = {
  400: '请求有误',
  401: '未登录',
  403: '无权访问',
  404: '未找到',
  405: '不支持的请求方法',
  409: '数据已被修改',
  413: '请求过大',
  422: '不符合办理规则',
  423: '已锁定',
  429: '请求过于频繁',
  500: '系统错误',
  502: '网关错误',
  503: '服务暂时不可用',
};

const fieldIssueSchema = z.object({
  path: z.string().max(500).meta({ description: '字段的点分路径，例如 applicant.idNumber、materials.2.name；整个请求体为空串' }),
  message: z.string().max(500),
});

export const problemSchema = z
  .object({
    type: z.string().max(100).meta({ description: 'urn:bianmin:problem:<错误代码>' }),
    title: z.string().max(50),
    status: z.number().int().min(400).max(599),
    detail: z.string().max(2000).meta({ description: '中文说明，与 error.message 相同' }),
    error: z.looseObject({
      code: z.string().max(100),
      message: z.string().max(2000),
      fields: z.array(fieldIssueSchema).max(1000).optional(),
      correlationId: z.string().max(200).optional(),
    }),
  })
  .meta({ title: 'Problem', description: '所有错误的统一形状（RFC 9457 成员 + error 信封）' });

export type ProblemBody = z.infer<typeof problemSchema>;

/** The body of an error answer. `extra` are a domain error's details (kept inside `error`). */
export const problemBody = (
  status: number,
  e: { code: string; message: string; fields?: readonly FieldIssue[] | undefined; correlationId?: string | undefined },
  extra: Record<string, unknown> = {},
): ProblemBody & { error: Record<string, unknown> } => ({
  type: problemType(e.code),
  title: TITLES[status] ?? (status >= 500 ? '系统错误' : '请求失败'),
  status,
  detail: e.message,
  error: {
    ...extra,
    code: e.code,
    message: e.message,
    ...(e.fields && e.fields.length ? { fields: [...e.fields] } : {}),
    ...(e.correlationId ? { correlationId: e.correlationId } : {}),
  },
});
