/** Where a request came from, as the audit trail records it (等保 安全审计). Built once per request by the handler factory. */
export interface RequestMeta {
  sourceIp: string;
  userAgent: string;
}
