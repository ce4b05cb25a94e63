import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../shared/supervision/ports.ts';
import { deliver, type DeliverPorts } from '../../../shared/supervision/deliver.ts';
import type { Notice } from '../../../shared/supervision/notices.ts';
import { robotRefused, webhookBody, webhookChannelId, webhookTarget } from '../../../shared/supervision/webhooks.ts';
import { alertNotice } from '../../../shared/supervision/notices.ts';
import { at, county } from './fixtures.ts';

const recording = (id: string) => {
  const got: Notice[] = [];
  let down = false;
  const ch: Channel & { got: Notice[]; down: (v: boolean) => void } = {
    id,
    got,
    down: (v) => {
      down = v;
    },
    send: async (n) => {
      if (down) throw new Error(`${id} down`);
      got.push(n);
    },
  };
  return ch;
};

const withAlert = async () => {
  const c = county();
  const k = await c.accept();
  c.setNow(at('2026-11-11'));
  await c.scan();
  const ref = c.queue.sent[0]!;
  return { c, k, ref };
};

const names = async () => (id: string) => ({ '411521-lingshan': '灵山镇便民服务中心' })[id] ?? id;

describe('delivery of a stored alert', () => {
  it('sends to every channel once, and never again when the message comes back', async () => {
    const { c, k, ref } = await withAlert();
    const sns = recording('sns');
    const hook = recording('webhook:abc');
    const ports: DeliverPorts = { store: c.store, channels: [sns, hook], officeNames: names, clock: c.now };
    expect(await deliver(ports, ref)).toEqual({ sent: ['sns', 'webhook:abc'], already: [] });
    expect(await deliver(ports, ref)).toEqual({ sent: [], already: ['sns', 'webhook:abc'] });
    expect(sns.got).toHaveLength(1);
    expect(sns.got[0]!.subject).toBe(`红牌：${k.number} 灵山镇便民服务中心`);
    expect(sns.got[0]!.text).toContain('原因：已超过承诺时限（2026-11-10 到期）');
    expect(sns.got[0]!.text).toContain('时间：2026-11-11 10:00（北京时间）');
    // no personal data in any channel
    expect(JSON.stringify(hook.got)).not.toMatch(/张三丰|110105|13812345678/);
  });

  it('a channel down fails the message (SQS brings it back); only that channel is tried again', async () => {
    const { c, ref } = await withAlert();
    const sns = recording('sns');
    const hook = recording('webhook:abc');
    sns.down(true);
    const ports: DeliverPorts = { store: c.store, channels: [sns, hook], officeNames: names, clock: c.now };
    await expect(deliver(ports, ref)).rejects.toThrow(/sns/);
    expect(hook.got).toHaveLength(1);
    await expect(deliver(ports, ref)).rejects.toThrow(/sns/);
    sns.down(false);
    expect(await deliver(ports, ref)).toEqual({ sent: ['sns'], already: ['webhook:abc'] });
    expect([sns.got.length, hook.got.length]).toEqual([1, 1]);
  });

  it('an unknown record is skipped, not retried for ever', async () => {
    const { c } = await withAlert();
    const sns = recording('sns');
    expect(await deliver({ store: c.store, channels: [sns], officeNames: names, clock: c.now }, { type: 'alert', id: 'nope' })).toEqual({
      sent: [],
      already: [],
    });
  });
});

describe('webhook formats', () => {
  const notice = alertNotice(
    {
      id: 'A1',
      card: 'yellow',
      trigger: 'due',
      key: 'k',
      caseId: 'c',
      caseNumber: '411521-20261102-0001',
      itemName: '测试承诺件',
      officeId: 'o',
      reason: '即将到期',
      at: '2026-11-06T02:00:00.000Z',
      countyState: 'unread',
      officeState: 'unread',
      acks: {},
      deliveries: {},
    },
    () => '灵山镇便民服务中心',
  );

  it('guesses the robot from the public hosts; a named format wins (政务微信, 政务钉钉 hosts)', () => {
    expect(webhookTarget('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x').format).toBe('wecom');
    expect(webhookTarget('https://oapi.dingtalk.com/robot/send?access_token=x').format).toBe('dingtalk');
    expect(webhookTarget('https://example.gov.cn/hook').format).toBe('json');
    expect(webhookTarget({ url: 'https://zwwx.example.gov.cn/cgi-bin/webhook/send?key=x', format: 'wecom' }).format).toBe('wecom');
    expect(webhookChannelId(webhookTarget('https://a.example/x'))).toBe(webhookChannelId(webhookTarget({ url: 'https://a.example/x', format: 'json' })));
  });

  it('speaks JSON, 企业微信 markdown and 钉钉 markdown', () => {
    expect(webhookBody('json', notice)).toMatchObject({
      type: 'alert',
      id: 'A1',
      card: 'yellow',
      caseNumber: '411521-20261102-0001',
      officeName: '灵山镇便民服务中心',
    });
    expect(webhookBody('wecom', notice)).toEqual({
      msgtype: 'markdown',
      markdown: { content: expect.stringContaining('### 【黄牌】411521-20261102-0001 测试承诺件') },
    });
    expect(webhookBody('dingtalk', notice)).toEqual({
      msgtype: 'markdown',
      markdown: { title: notice.subject, text: expect.stringContaining('> 原因：即将到期') },
    });
  });

  it('reads a robot’s refusal in a 200 answer', () => {
    expect(robotRefused('wecom', { errcode: 0, errmsg: 'ok' })).toBeUndefined();
    expect(robotRefused('dingtalk', { errcode: 310000, errmsg: 'keywords not in content' })).toMatch(/310000/);
    expect(robotRefused('json', { errcode: 1 })).toBeUndefined();
  });
});
