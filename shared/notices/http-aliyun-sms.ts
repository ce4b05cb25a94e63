import { randomUUID } from 'node:crypto';
import { aliyunSignature } from './signing.ts';
import type { Credentials, SendResult, TextChannel } from './ports.ts';

/** Alibaba Cloud SMS error codes that no retry can mend (the number, the template, the signature are wrong). */
const FOR_GOOD =
  /^isv\.(MOBILE_NUMBER_ILLEGAL|MOBILE_COUNT_OVER_LIMIT|TEMPLATE_MISSING_PARAMETERS|SMS_TEMPLATE_ILLEGAL|SMS_SIGNATURE_ILLEGAL|PARAM_LENGTH_LIMIT|INVALID_PARAMETERS|DENY_IP_RANGE|BLACK_KEY_CONTROL_LIMIT|SMS_CONTENT_ILLEGAL)$/;

/**
 * Alibaba Cloud SMS, SendSms (API version 2017-05-25) in the RPC style: the parameters as a form,
 * signed with HMAC-SHA1 as documented (signing.ts). Throttling (isv.BUSINESS_LIMIT_CONTROL),
 * an empty balance, an outage or bad credentials are retried; a refused number or template is not.
 */
export const aliyunSms = (opts: { endpoint?: string | undefined; credentials: Credentials; timeoutMs?: number }): TextChannel => ({
  send: async (t): Promise<SendResult> => {
    const c = await opts.credentials.get();
    const params: Record<string, string> = {
      AccessKeyId: c.accessKeyId ?? '',
      Action: 'SendSms',
      Format: 'JSON',
      OutId: t.key.slice(-60),
      PhoneNumbers: t.phone,
      RegionId: 'cn-hangzhou',
      SignName: t.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: randomUUID(),
      SignatureVersion: '1.0',
      TemplateCode: t.templateCode,
      TemplateParam: JSON.stringify(t.vars),
      Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
    };
    params.Signature = aliyunSignature('POST', params, c.accessKeySecret ?? '');
    const res = await fetch(opts.endpoint ?? 'https://dysmsapi.aliyuncs.com/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    const body = (await res.json().catch(() => ({}))) as { Code?: string; Message?: string; BizId?: string };
    if (res.ok && body.Code === 'OK') return { outcome: 'sent', providerId: body.BizId ?? '' };
    const reason = `${body.Code ?? `HTTP ${res.status}`}${body.Message ? ` ${body.Message}` : ''}`;
    return body.Code && FOR_GOOD.test(body.Code) ? { outcome: 'refused', reason } : { outcome: 'retry', reason };
  },
});
