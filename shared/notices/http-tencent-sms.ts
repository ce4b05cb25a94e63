import { tc3Authorization } from './signing.ts';
import type { Credentials, SendResult, TextChannel } from './ports.ts';

/** Tencent Cloud SMS error codes (FailedOperation.* / InvalidParameterValue.*) no retry can mend. */
const FOR_GOOD =
  /^(InvalidParameterValue\.|FailedOperation\.(TemplateIncorrectOrUnapproved|SignatureIncorrectOrUnapproved|PhoneNumberInBlacklist|ContainSensitiveWord)|UnsupportedOperation\.)/;

/**
 * Tencent Cloud SMS, SendSms (API 3.0, version 2021-01-11), signed TC3-HMAC-SHA256 as documented
 * (signing.ts). The template's variables go in the template's order.
 */
export const tencentSms = (opts: {
  endpoint?: string | undefined;
  sdkAppId: string;
  region?: string | undefined;
  templateVars: (code: string) => string[];
  credentials: Credentials;
  timeoutMs?: number;
}): TextChannel => ({
  send: async (t): Promise<SendResult> => {
    const c = await opts.credentials.get();
    const url = new URL(opts.endpoint ?? 'https://sms.tencentcloudapi.com/');
    const payload = JSON.stringify({
      PhoneNumberSet: [`+86${t.phone}`],
      SmsSdkAppId: opts.sdkAppId,
      SignName: t.signName,
      TemplateId: t.templateCode,
      TemplateParamSet: opts.templateVars(t.templateCode).map((v) => t.vars[v] ?? ''),
      SessionContext: t.key,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const contentType = 'application/json; charset=utf-8';
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: tc3Authorization({
          secretId: c.secretId ?? '',
          secretKey: c.secretKey ?? '',
          service: 'sms',
          host: url.host,
          contentType,
          payload,
          timestamp,
        }),
        'content-type': contentType,
        'x-tc-action': 'SendSms',
        'x-tc-version': '2021-01-11',
        'x-tc-timestamp': String(timestamp),
        'x-tc-region': opts.region ?? 'ap-guangzhou',
      },
      body: payload,
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    const body = (await res.json().catch(() => ({}))) as {
      Response?: { Error?: { Code: string; Message: string }; SendStatusSet?: Array<{ SerialNo: string; Code: string; Message: string }> };
    };
    const err = body.Response?.Error;
    if (err)
      return FOR_GOOD.test(err.Code)
        ? { outcome: 'refused', reason: `${err.Code} ${err.Message}` }
        : { outcome: 'retry', reason: `${err.Code} ${err.Message}` };
    const s = body.Response?.SendStatusSet?.[0];
    if (res.ok && s?.Code === 'Ok') return { outcome: 'sent', providerId: s.SerialNo };
    if (s) return FOR_GOOD.test(s.Code) ? { outcome: 'refused', reason: `${s.Code} ${s.Message}` } : { outcome: 'retry', reason: `${s.Code} ${s.Message}` };
    return { outcome: 'retry', reason: `HTTP ${res.status}` };
  },
});
