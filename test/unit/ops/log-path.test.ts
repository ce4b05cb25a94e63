import { afterEach, describe, expect, it, vi } from 'vitest';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { httpHandler } from '../../../shared/http/handler.ts';
import { NotFoundError } from '../../../shared/errors/domain-errors.ts';
import { lambdaContext } from '../../../local/lambda-context.ts';

/** A refused request's log line names the case it was about, so a Logs Insights query by case id finds it. */
describe('log lines of a request carry its path parameters', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a refused request is logged with the case id, and the next request is not', async () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true));
    const handler = httpHandler('public-case-status', {}, async () => {
      throw new NotFoundError('未找到该受理编号');
    });
    const event = (number: string | null) =>
      ({
        httpMethod: 'GET',
        headers: {},
        queryStringParameters: null,
        pathParameters: number ? { number } : null,
        body: null,
        requestContext: { requestId: 'req-9', identity: { sourceIp: '127.0.0.1' } },
      }) as unknown as APIGatewayProxyEvent;
    await handler(event('411521-20261122-0042'), lambdaContext('t'));
    await handler(event(null), lambdaContext('t'));
    const logged = lines.filter((l) => l.includes('request refused')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ route: 'public-case-status', path: { number: '411521-20261122-0042' }, status: 404 });
    expect(logged[1]!.path).toBeUndefined();
  });
});
