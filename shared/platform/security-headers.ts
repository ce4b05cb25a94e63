/**
 * The one set of security headers, for every path: the CloudFront response-headers policy is
 * built from it (infra/constructs/static-site.ts), the local platform sends it on HTML and API
 * answers (local/gateway.ts), and the README's nginx snippet for a county's own web server —
 * the usual first path, before the ICP licence allows CloudFront — is checked against it.
 */

/** Where presigned uploads go: S3 in AWS China and, for a staging county, in the global partition. */
export const S3_ORIGINS = ['https://*.amazonaws.com.cn', 'https://*.amazonaws.com'];

/** The staff app keeps its token in sessionStorage: a strict CSP is what keeps scripts of others out. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // antd injects its CSS-in-JS style tags at run time
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // the browser PUTs material scans straight to the materials bucket (presigned, S3's regional endpoints)
  `connect-src 'self' ${S3_ORIGINS.join(' ')}`,
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** The policy with more origins the browser may send to (the local platform's S3 emulator). */
export const cspWithConnect = (origins: readonly string[]): string =>
  origins.length
    ? CONTENT_SECURITY_POLICY.replace(/connect-src ([^;]*)/, (_m, list: string) => `connect-src ${list} ${origins.join(' ')}`)
    : CONTENT_SECURITY_POLICY;

export const HSTS_MAX_AGE_SECONDS = 365 * 86_400;

export const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
} as const;

/** Every API answer besides: never sniffed, never kept by a browser or proxy (it may carry personal data). */
export const API_HEADERS = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' } as const;

/** The nginx lines a county's web server sets (`always`: on error pages too). */
export const nginxSnippet = (): string =>
  Object.entries(SECURITY_HEADERS)
    .map(([k, v]) => `add_header ${k} "${v}" always;`)
    .join('\n');
