import type { ProvinceProfile } from './profiles.ts';
import type { ProvinceCredentials, ProvinceGateway } from './ports.ts';
import { PUSH_TIMEOUT_MS, authHeaders, resultOf } from './http-json-province.ts';
import { PUSH_PATH, flatXml, recordXml } from './wire.ts';

/**
 * A province whose interface takes a form (`application/x-www-form-urlencoded`) with the record as
 * XML in its `data` field and answers XML (`<response><code/><message/><receiptNo/></response>`).
 * Its interface gives no count of a day.
 */
export const httpFormXmlProvince = (endpoint: string, profile: ProvinceProfile, creds: ProvinceCredentials): ProvinceGateway => ({
  push: async (recordId, fields) => {
    const url = new URL(endpoint.replace(/\/$/, '') + PUSH_PATH);
    const body = new URLSearchParams({ data: recordXml(fields) }).toString();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...(await authHeaders(profile, creds, 'POST', url.pathname, body)) },
      body,
      signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
    });
    const a = flatXml(await res.text().catch(() => ''));
    return resultOf(res.status, a, recordId);
  },
  count: async () => undefined,
});
