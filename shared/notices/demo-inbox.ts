/**
 * What the local fake SMS provider received, as the 短信（演示） page shows it
 * (`GET /api/notices/demo-inbox`, local only): phones masked, newest first.
 */
export interface ReceivedText {
  id: string;
  at: string;
  provider: 'aliyun' | 'tencent' | 'webhook';
  phoneMasked: string;
  signName: string;
  templateCode: string;
  vars: Record<string, string>;
  /** As the phone shows it, where the fake can tell (rendered with the county's templates). */
  text: string;
}

export interface DemoInbox {
  texts: ReceivedText[];
  refused: Array<{ at: string; reason: string }>;
}
