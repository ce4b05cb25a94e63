import { ZodError } from 'zod';
import { DomainError, type FieldIssue } from '../errors/domain-errors.ts';
import { logger } from '../log/logger.ts';
import { fieldIssues, issuesSummary } from '../errors/field-issues.ts';
import { problemBody, type ProblemBody } from './problem.ts';

/**
 * The one place where errors become HTTP. Anything unknown is a 500 that reveals nothing. The body
 * is the one problem shape (./problem.ts): RFC 9457 members beside the `error` envelope.
 */
export type ErrorBody = ProblemBody & {
  error: { code: string; message: string; fields?: FieldIssue[]; correlationId: string } & Record<string, unknown>;
};

const body = (status: number, e: { code: string; message: string; fields?: FieldIssue[] | undefined; correlationId: string }, extra = {}): ErrorBody =>
  problemBody(status, e, extra) as ErrorBody;

const STATUS: Record<DomainError['kind'], number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  locked: 423,
  rule: 422,
  'too-many': 429,
};

export const mapError = (err: unknown, correlationId: string): { status: number; body: ErrorBody } => {
  if (err instanceof ZodError) {
    const fields = fieldIssues(err);
    return { status: 400, body: body(400, { code: 'VALIDATION', message: issuesSummary('输入', fields), fields, correlationId }) };
  }
  if (err instanceof DomainError) {
    const fields = 'fields' in err ? (err.fields as FieldIssue[]) : undefined;
    const status = STATUS[err.kind];
    if (status >= 500) logger.error('domain error', { err });
    return { status, body: body(status, { code: err.code, message: err.message, fields, correlationId }, err.details) };
  }
  logger.error('unhandled error', { error: err as Error, correlationId });
  return {
    status: 500,
    body: body(500, { code: 'INTERNAL', message: `系统繁忙，请稍后再试（错误编号 ${correlationId}）`, correlationId }),
  };
};
