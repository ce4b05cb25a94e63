import { expect, it } from 'vitest';
import type { Notifier, TopicMessage } from '../../../shared/supervision/ports.ts';

/** What a contract run needs: the notifier, and what its topic's subscribers got since it was made. */
export interface NotifierUnderTest {
  notifier: Notifier;
  received(expected: number): Promise<TopicMessage[]>;
}

/** The Notifier contract: run on the memory fake (unit) and on the local SNS topic (fauxqs, integration). */
export const notifierContract = (make: () => Promise<NotifierUnderTest>): void => {
  it('hands subscribers each message with its subject and its text as given (Chinese, several lines)', async () => {
    const n = await make();
    const messages: TopicMessage[] = [
      { subject: '【电子监察】黄牌预警：居民身份证核发', message: '办件 411521-20910101-0001\n灵山镇 临近办理时限\n请及时处理。' },
      { subject: '【电子监察】每日提醒 2091-01-01', message: '今日到期 0 件；已超期 0 件。' },
    ];
    for (const m of messages) await n.notifier.publish(m);
    expect([...(await n.received(2))].sort((a, b) => a.subject.localeCompare(b.subject))).toEqual(
      [...messages].sort((a, b) => a.subject.localeCompare(b.subject)),
    );
  });
};
