import { bjDay } from '../../../shared/platform/beijing-time.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { dynamo } from '../../../shared/aws/clients.ts';
import { caseKeys, ratingKeys } from '../../../shared/db/keys.ts';
import { dynamoRatingStore } from '../../../shared/ratings/dynamo-ratings.ts';
import { loadCalendar } from '../../../shared/calendar/wiring.ts';
import { addWorkdays } from '../../../shared/calendar/working-days.ts';
import { acceptCase, invoke, nextIp } from './support.ts';

/** The public rating endpoint against DynamoDB Local: the contract, 一事一评 under concurrency, 追评, the miss cap. */
describe('POST /api/public/cases/{number}/rating', () => {
  let stack: TestStack;
  let clerk: string;
  const rate = (number: string, body: unknown, sourceIp = nextIp()) => invoke('public-rating', { params: { number }, body, sourceIp });

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    clerk = await stack.login('clerk.lingshan');
  });
  afterAll(() => stack.stop());

  it('answers 201 through the gateway, and the status of the rating to the same key', async () => {
    const c = await acceptCase(stack, clerk);
    const res = await stack.fetch(`/api/public/cases/${c.number}/rating`, { method: 'POST', json: { phone4: '5678', level: 5, channel: 'qr' } });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ rating: { number: c.number, level: 5, levelLabel: '非常满意', followUpAllowed: true } });
    const state = await stack.fetch(`/api/public/cases/${c.number}/rating?phone4=5678`);
    expect(await state.json()).toMatchObject({ rated: true, rating: { level: 5 } });
    const stored = await dynamoRatingStore().rating(c.id);
    expect(stored).toMatchObject({ channel: 'qr', officeId: '411521-lingshan', staff: 'clerk.lingshan', applicantType: 'person' });
    expect(JSON.stringify(stored)).not.toMatch(/13812345678|11010519491231002X|张三丰/);
  });

  it('answers 400 with the field path for a 差评 without a reason, 404 alike for a wrong phone4 and an unknown number', async () => {
    const c = await acceptCase(stack, clerk);
    const bad = await rate(c.number, { phone4: '5678', level: 2 });
    expect(bad.status).toBe(400);
    expect(bad.json().error.fields.map((f: any) => f.path)).toContain('reason');
    const level = await rate(c.number, { phone4: '5678', level: 9 });
    expect(level.status).toBe(400);
    expect(level.json().error.fields[0].path).toBe('level');
    const wrong = await rate(c.number, { phone4: '0000', level: 5 });
    const unknown = await rate('411521-20000101-9999', { phone4: '5678', level: 5 });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    expect(await dynamoRatingStore().rating(c.id)).toBeUndefined();
  });

  it('keeps one rating per case under 20 concurrent submissions: one 201, the rest 409', async () => {
    const c = await acceptCase(stack, clerk);
    const month = bjDay(new Date()).slice(0, 7);
    const before = (await dynamoRatingStore().counters(month)).find((r) => r.kind === 'county')?.counts.count ?? 0;
    const answers = await Promise.all(
      // the receipt's code: typed phone4 guesses hold one of the day's 10 slots while compared, so 20 at once would meet the cap
      Array.from({ length: 20 }, (_, i) => rate(c.number, { code: c.queryCode, level: ((i % 5) + 1) as number, reason: '办理时间长、等待久', channel: 'qr' })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const rows = await dynamo().send(
      new QueryCommand({
        TableName: stack.env.TABLE_RATINGS,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': ratingKeys.rating(c.id).pk },
        ConsistentRead: true,
      }),
    );
    const winner = answers.find((a) => a.status === 201)!.json().rating.level as number;
    // the rating and, for a 差评, its task: nothing else in the case's partition
    expect(rows.Items!.map((i) => i.sk).sort()).toEqual(winner <= 2 ? ['RATING', 'TASK'] : ['RATING']);
    const after = (await dynamoRatingStore().counters(month)).find((r) => r.kind === 'county')!.counts.count;
    expect(after - before).toBe(1);
  });

  it('takes one 追评 and refuses a second', async () => {
    const c = await acceptCase(stack, clerk);
    expect((await rate(c.number, { phone4: '5678', level: 4 })).status).toBe(201);
    const fu = (text: string) => invoke('public-rating-follow-up', { params: { number: c.number }, body: { phone4: '5678', text } });
    const first = await fu('补充：取证很快');
    expect(first.status).toBe(201);
    expect(first.json().rating).toMatchObject({ followUpAllowed: false, followUp: { text: '补充：取证很快' } });
    expect((await fu('再补充一次')).status).toBe(409);
  });

  it('refuses the right phone4 after 10 wrong ones for the number that day', async () => {
    const c = await acceptCase(stack, clerk);
    for (let i = 0; i < 10; i++) expect((await rate(c.number, { phone4: String(1000 + i), level: 5 })).status).toBe(404);
    expect((await rate(c.number, { phone4: '5678', level: 5 })).status).toBe(404);
    expect(await dynamoRatingStore().rating(c.id)).toBeUndefined();
  });

  it('refuses the window and hotline channels on the public route: those come from staff (400 on channel, nothing stored)', async () => {
    const c = await acceptCase(stack, clerk);
    for (const channel of ['window', 'hotline']) {
      const res = await rate(c.number, { phone4: '5678', level: 5, channel });
      expect(res.status).toBe(400);
      expect(res.json().error.fields.map((f: any) => f.path)).toEqual(['channel']);
    }
    expect(await dynamoRatingStore().rating(c.id)).toBeUndefined();
  });

  it('audits a public rating and its follow-up as the anonymous citizen, with nothing personal', async () => {
    const c = await acceptCase(stack, clerk);
    expect((await rate(c.number, { phone4: '5678', level: 1, reason: '张三丰说等了两个小时', channel: 'qr' })).status).toBe(201);
    const fu = await invoke('public-rating-follow-up', { params: { number: c.number }, body: { phone4: '5678', text: '13812345678 回电了' } });
    expect(fu.status).toBe(201);
    const admin = await stack.login('admin');
    const res = await stack.fetch(`/api/audit?target=${c.id}`, { token: admin });
    expect(res.status).toBe(200);
    const events = ((await res.json()) as { events: { action: string; actor: unknown; detail?: string; target?: { id: string } }[] }).events.filter((e) =>
      e.action.startsWith('rating.'),
    );
    expect(events.map((e) => e.action).sort()).toEqual(['rating.follow-up', 'rating.public']);
    expect(events.find((e) => e.action === 'rating.public')).toMatchObject({
      actor: { anonymous: '群众（受理凭证二维码）' },
      detail: `${c.number} 非常不满意`,
    });
    expect(JSON.stringify(events)).not.toMatch(/5678|13812345678|张三丰|两个小时|回电/);
  });

  it('takes the guess slot before comparing: 100 parallel wrong tries leave the day’s counter at the cap', async () => {
    const c = await acceptCase(stack, clerk);
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => rate(c.number, { phone4: String(1000 + i), level: 5 })));
    expect(answers.every((a) => a.status === 404)).toBe(true);
    const day = bjDay(new Date());
    const counter = await dynamo().send(new GetCommand({ TableName: stack.env.TABLE_CASES, Key: caseKeys.publicGuesses(c.number, day), ConsistentRead: true }));
    expect(Number(counter.Item?.n)).toBe(10);
  });

  it('opens a rectification task for a 差评 with the county’s working-day deadlines', async () => {
    const c = await acceptCase(stack, clerk);
    expect((await rate(c.number, { phone4: '5678', level: 1, reason: '服务态度不好', channel: 'web' })).status).toBe(201);
    const task = await dynamoRatingStore().task(c.id);
    const { cal } = await loadCalendar();
    const day = bjDay(new Date(task!.ratedAt));
    expect(task).toMatchObject({
      status: 'open',
      officeId: '411521-lingshan',
      level: 1,
      reason: '服务态度不好',
      callbackDueDate: addWorkdays(day, 1, cal).dueDate,
      rectifyDueDate: addWorkdays(day, 15, cal).dueDate,
    });
    const open = await dynamoRatingStore().openTasks('411521-lingshan');
    expect(open.map((t) => t.caseId)).toContain(c.id);
  });
});
