import type { Scope } from './scopes.ts';
import type { HttpFunctionId } from './functions.ts';

/**
 * Every HTTP route, as data. The CDK stack builds one API method per route, served by the function
 * named in `fn` (functions.ts, which also declares what that function may touch);
 * the local gateway dispatches with the same list; the HTTP handler factory enforces `access`.
 * Handler module: `functions/http/<name>.ts` (export `handler`).
 * Public routes are exactly those with `access: 'public'`: anything else passes the authorizer.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Access = 'public' | { readonly scope: Scope };

export interface RouteDef {
  readonly name: string;
  readonly method: HttpMethod;
  /** API Gateway path with `{param}` segments. */
  readonly path: string;
  readonly access: Access;
  /** The deployed function that serves it (functions.ts): routes of one context share a warm function. */
  readonly fn: HttpFunctionId;
}

const pub = 'public' as const;
const s = (scope: Scope) => ({ scope });

export const ROUTES = [
  // platform
  { name: 'health', method: 'GET', path: '/api/health', access: pub, fn: 'health' },
  // the API's OpenAPI 3.1 document (shared/openapi): public, cached, no personal data
  { name: 'openapi', method: 'GET', path: '/api/openapi.json', access: pub, fn: 'health' },
  // identity
  { name: 'auth-login', method: 'POST', path: '/api/auth/login', access: pub, fn: 'login' },
  { name: 'auth-logout', method: 'POST', path: '/api/auth/logout', access: s('session'), fn: 'identity' },
  { name: 'auth-me', method: 'GET', path: '/api/auth/me', access: s('session'), fn: 'identity' },
  { name: 'auth-change-password', method: 'POST', path: '/api/auth/password', access: s('session'), fn: 'identity' },
  { name: 'auth-totp-enrol', method: 'POST', path: '/api/auth/totp/enrol', access: s('session'), fn: 'identity' },
  { name: 'auth-totp-confirm', method: 'POST', path: '/api/auth/totp/confirm', access: s('session'), fn: 'identity' },
  { name: 'offices-list', method: 'GET', path: '/api/offices', access: s('session'), fn: 'identity' },
  { name: 'offices-create', method: 'POST', path: '/api/offices', access: s('office.manage'), fn: 'identity' },
  { name: 'users-list', method: 'GET', path: '/api/users', access: s('user.manage:my-office'), fn: 'identity' },
  { name: 'users-create', method: 'POST', path: '/api/users', access: s('user.manage:my-office'), fn: 'identity' },
  { name: 'users-update', method: 'PATCH', path: '/api/users/{id}', access: s('user.manage:my-office'), fn: 'identity' },
  { name: 'users-reset-password', method: 'POST', path: '/api/users/{id}/reset-password', access: s('user.manage:my-office'), fn: 'identity' },
  { name: 'users-reset-totp', method: 'POST', path: '/api/users/{id}/reset-totp', access: s('user.manage:my-office'), fn: 'identity' },
  { name: 'audit-list', method: 'GET', path: '/api/audit', access: s('audit.read'), fn: 'audit' },
  { name: 'audit-export', method: 'GET', path: '/api/audit/export', access: s('audit.read'), fn: 'audit' },
  // catalog
  { name: 'items-search', method: 'GET', path: '/api/items', access: pub, fn: 'public' },
  { name: 'items-get', method: 'GET', path: '/api/items/{code}', access: pub, fn: 'public' },
  { name: 'items-suggest', method: 'GET', path: '/api/items/suggest', access: pub, fn: 'public' },
  { name: 'items-misses', method: 'POST', path: '/api/items/misses', access: pub, fn: 'public' },
  { name: 'search-misses-list', method: 'GET', path: '/api/admin/search-misses', access: s('catalog.edit'), fn: 'catalog-admin' },
  { name: 'items-alias', method: 'POST', path: '/api/admin/items/{code}/aliases', access: s('catalog.edit'), fn: 'catalog-admin' },
  { name: 'catalog-lexicon-get', method: 'GET', path: '/api/admin/catalog/lexicon', access: s('catalog.edit'), fn: 'catalog-admin' },
  { name: 'catalog-lexicon-put', method: 'PUT', path: '/api/admin/catalog/lexicon', access: s('catalog.edit'), fn: 'catalog-admin' },
  { name: 'items-admin-list', method: 'GET', path: '/api/admin/items', access: s('catalog.edit'), fn: 'catalog-admin' },
  { name: 'items-versions', method: 'GET', path: '/api/admin/items/{code}/versions', access: s('catalog.edit'), fn: 'catalog-admin' },
  { name: 'items-save', method: 'PUT', path: '/api/admin/items/{code}', access: s('catalog.edit'), fn: 'catalog-admin' },
  { name: 'items-publish', method: 'POST', path: '/api/admin/items/{code}/publish', access: s('catalog.edit'), fn: 'catalog-admin' },
  { name: 'items-withdraw', method: 'POST', path: '/api/admin/items/{code}/withdraw', access: s('catalog.edit'), fn: 'catalog-admin' },
  { name: 'items-import', method: 'POST', path: '/api/admin/items/import', access: s('catalog.edit'), fn: 'catalog-admin' },
  { name: 'items-export', method: 'GET', path: '/api/admin/items/export', access: s('catalog.edit'), fn: 'catalog-admin' },
  // working-day calendar
  { name: 'calendar-due-date', method: 'GET', path: '/api/calendar/due-date', access: pub, fn: 'public' },
  { name: 'calendar-year-get', method: 'GET', path: '/api/calendar/years/{year}', access: s('session'), fn: 'calendar' },
  { name: 'calendar-year-put', method: 'PUT', path: '/api/calendar/years/{year}', access: s('calendar.edit'), fn: 'calendar' },
  // cases
  { name: 'cases-create', method: 'POST', path: '/api/cases', access: s('case.accept'), fn: 'cases' },
  { name: 'cases-list', method: 'GET', path: '/api/cases', access: s('case.read'), fn: 'cases' },
  { name: 'cases-get', method: 'GET', path: '/api/cases/{id}', access: s('case.read'), fn: 'cases' },
  { name: 'cases-view-id', method: 'POST', path: '/api/cases/{id}/view-id', access: s('case.view-id'), fn: 'cases-view-id' },
  { name: 'cases-supplement', method: 'POST', path: '/api/cases/{id}/supplement', access: s('case.accept'), fn: 'cases' },
  { name: 'cases-start', method: 'POST', path: '/api/cases/{id}/start', access: s('case.handle'), fn: 'cases' },
  { name: 'cases-suspend', method: 'POST', path: '/api/cases/{id}/suspend', access: s('case.handle'), fn: 'cases' },
  { name: 'cases-resume', method: 'POST', path: '/api/cases/{id}/resume', access: s('case.handle'), fn: 'cases' },
  { name: 'cases-extend', method: 'POST', path: '/api/cases/{id}/extend', access: s('case.extend'), fn: 'cases' },
  { name: 'cases-decide', method: 'POST', path: '/api/cases/{id}/decide', access: s('case.decide'), fn: 'cases' },
  { name: 'cases-fees', method: 'POST', path: '/api/cases/{id}/fees', access: s('case.handle'), fn: 'cases' },
  { name: 'cases-deliver', method: 'POST', path: '/api/cases/{id}/deliver', access: s('case.handle'), fn: 'cases' },
  { name: 'cases-withdraw', method: 'POST', path: '/api/cases/{id}/withdraw', access: s('case.handle'), fn: 'cases' },
  { name: 'public-case-status', method: 'GET', path: '/api/public/cases/{number}', access: pub, fn: 'public-status' },
  // texts to applicants (shared/notices): a case's 告知 evidence; what the local fake provider received
  { name: 'cases-notices', method: 'GET', path: '/api/cases/{id}/notices', access: s('case.read'), fn: 'cases' },
  { name: 'notices-demo-inbox', method: 'GET', path: '/api/notices/demo-inbox', access: s('case.read'), fn: 'cases' },
  // the network: 转报 → 签收 → 回复, 交办 and 联办 parts, 全程代办 (shared/network); hops go over the delegation queue
  { name: 'cases-forward', method: 'POST', path: '/api/cases/{id}/forward', access: s('case.handle'), fn: 'cases' },
  { name: 'cases-receive', method: 'POST', path: '/api/cases/{id}/receive', access: s('case.handle'), fn: 'cases' },
  { name: 'cases-return', method: 'POST', path: '/api/cases/{id}/return', access: s('case.handle'), fn: 'cases' },
  { name: 'cases-forward-task', method: 'POST', path: '/api/cases/{id}/tasks', access: s('case.handle'), fn: 'cases' },
  { name: 'cases-forward-task-receive', method: 'POST', path: '/api/cases/{id}/tasks/{taskId}/receive', access: s('case.handle'), fn: 'cases' },
  { name: 'cases-forward-task-answer', method: 'POST', path: '/api/cases/{id}/tasks/{taskId}/answer', access: s('case.handle'), fn: 'cases' },
  { name: 'cases-forward-inbox', method: 'GET', path: '/api/inbox', access: s('case.read'), fn: 'cases' },
  { name: 'cases-forward-counts', method: 'GET', path: '/api/inbox/counts', access: s('case.read'), fn: 'cases' },
  { name: 'commissions-create', method: 'POST', path: '/api/commissions', access: s('commission.create'), fn: 'cases' },
  { name: 'commissions-list', method: 'GET', path: '/api/commissions', access: s('commission.create'), fn: 'cases' },
  { name: 'commissions-get', method: 'GET', path: '/api/commissions/{id}', access: s('case.read'), fn: 'cases' },
  { name: 'commissions-take-in', method: 'POST', path: '/api/commissions/{id}/take-in', access: s('case.accept'), fn: 'cases' },
  { name: 'commissions-supplement', method: 'POST', path: '/api/commissions/{id}/supplement', access: s('commission.create'), fn: 'cases' },
  { name: 'commissions-hand-back', method: 'POST', path: '/api/cases/{id}/hand-back', access: s('case.handle'), fn: 'cases' },
  { name: 'commissions-deliver', method: 'POST', path: '/api/commissions/{id}/deliver', access: s('commission.create'), fn: 'cases' },
  // 待办: the to-do list behind the workbench (shared/todos), a read model over cases, hops, 督办 and 差评整改
  { name: 'todos-list', method: 'GET', path: '/api/todos', access: s('session'), fn: 'todos' },
  // 电子监察: the alert inbox
  { name: 'alerts-list', method: 'GET', path: '/api/alerts', access: s('alert.read'), fn: 'supervision' },
  { name: 'alerts-unread', method: 'GET', path: '/api/alerts/unread-count', access: s('alert.read'), fn: 'supervision' },
  { name: 'alerts-digest', method: 'GET', path: '/api/alerts/digest', access: s('alert.read'), fn: 'supervision' },
  { name: 'alerts-ack', method: 'POST', path: '/api/alerts/{id}/ack', access: s('alert.read'), fn: 'supervision' },
  // 督办 and 问责
  { name: 'supervision-orders-create', method: 'POST', path: '/api/supervision/orders', access: s('supervision.order'), fn: 'supervision' },
  { name: 'supervision-orders-list', method: 'GET', path: '/api/supervision/orders', access: s('alert.read'), fn: 'supervision' },
  { name: 'supervision-orders-get', method: 'GET', path: '/api/supervision/orders/{id}', access: s('alert.read'), fn: 'supervision' },
  { name: 'supervision-orders-respond', method: 'POST', path: '/api/supervision/orders/{id}/respond', access: s('supervision.respond'), fn: 'supervision' },
  { name: 'supervision-accountability', method: 'GET', path: '/api/supervision/accountability', access: s('alert.read'), fn: 'supervision' },
  // county-wide work lists, with an office filter
  { name: 'supervision-cases', method: 'GET', path: '/api/supervision/cases', access: s('supervision.read:county'), fn: 'supervision' },
  // dashboards from the counters, and their Excel export
  { name: 'dashboard-figures', method: 'GET', path: '/api/dashboard', access: s('alert.read'), fn: 'supervision' },
  { name: 'dashboard-export', method: 'GET', path: '/api/dashboard/export', access: s('alert.read'), fn: 'supervision' },
  // 好差评
  { name: 'public-rating', method: 'POST', path: '/api/public/cases/{number}/rating', access: pub, fn: 'public-rating' },
  { name: 'public-rating-get', method: 'GET', path: '/api/public/cases/{number}/rating', access: pub, fn: 'public-rating' },
  { name: 'public-rating-follow-up', method: 'POST', path: '/api/public/cases/{number}/rating/follow-up', access: pub, fn: 'public-rating' },
  { name: 'disclosure-results', method: 'GET', path: '/api/public/disclosure/results', access: pub, fn: 'disclosure' },
  { name: 'disclosure-ratings', method: 'GET', path: '/api/public/disclosure/ratings', access: pub, fn: 'disclosure' },
  { name: 'ratings-evaluator-push', method: 'POST', path: '/api/ratings/evaluator', access: s('rating.evaluate'), fn: 'ratings' },
  { name: 'ratings-evaluator-get', method: 'GET', path: '/api/ratings/evaluator', access: s('rating.evaluate'), fn: 'ratings' },
  { name: 'ratings-create', method: 'POST', path: '/api/ratings', access: s('rating.evaluate'), fn: 'ratings' },
  { name: 'ratings-tasks-list', method: 'GET', path: '/api/ratings/tasks', access: s('rating.stats'), fn: 'ratings' },
  { name: 'ratings-task-get', method: 'GET', path: '/api/ratings/tasks/{caseId}', access: s('rating.stats'), fn: 'ratings' },
  { name: 'ratings-task-callback', method: 'POST', path: '/api/ratings/tasks/{caseId}/callback', access: s('rating.rectify'), fn: 'ratings' },
  // the whole phone for the 回访, audited: served by the one function that opens personal data
  { name: 'ratings-task-phone', method: 'POST', path: '/api/ratings/tasks/{caseId}/phone', access: s('rating.rectify'), fn: 'cases-view-id' },
  { name: 'ratings-task-rectify', method: 'POST', path: '/api/ratings/tasks/{caseId}/rectify', access: s('rating.rectify'), fn: 'ratings' },
  { name: 'ratings-task-appeal', method: 'POST', path: '/api/ratings/tasks/{caseId}/appeal', access: s('rating.rectify'), fn: 'ratings' },
  { name: 'ratings-stats', method: 'GET', path: '/api/ratings/stats', access: s('rating.stats'), fn: 'ratings' },
  { name: 'ratings-stats-export', method: 'GET', path: '/api/ratings/stats/export', access: s('rating.stats'), fn: 'ratings' },
  { name: 'ratings-feed-list', method: 'GET', path: '/api/ratings/feed', access: s('rating.feed'), fn: 'ratings' },
  { name: 'ratings-feed-download', method: 'GET', path: '/api/ratings/feed/{day}', access: s('rating.feed'), fn: 'ratings' },
  { name: 'ratings-task-appeal-decide', method: 'POST', path: '/api/ratings/tasks/{caseId}/appeal/decision', access: s('rating.review'), fn: 'ratings' },
  // the hall (shared/hall): 预约 and the kiosk's 取号 on public pages, the calling screen; the windows' 叫号
  { name: 'hall-offices', method: 'GET', path: '/api/public/halls', access: pub, fn: 'hall-public' },
  { name: 'hall-office', method: 'GET', path: '/api/public/offices/{officeId}/hall', access: pub, fn: 'hall-public' },
  { name: 'hall-slots', method: 'GET', path: '/api/public/offices/{officeId}/slots', access: pub, fn: 'hall-public' },
  { name: 'hall-book', method: 'POST', path: '/api/public/appointments', access: pub, fn: 'hall-public' },
  { name: 'hall-cancel', method: 'POST', path: '/api/public/appointments/{code}/cancel', access: pub, fn: 'hall-public' },
  { name: 'hall-ticket', method: 'POST', path: '/api/public/offices/{officeId}/tickets', access: pub, fn: 'hall-public' },
  { name: 'hall-screen', method: 'GET', path: '/api/public/offices/{officeId}/screen', access: pub, fn: 'hall-public' },
  { name: 'windows-me', method: 'GET', path: '/api/windows/me', access: s('case.accept'), fn: 'windows' },
  { name: 'windows-seat', method: 'PUT', path: '/api/windows/seat', access: s('case.accept'), fn: 'windows' },
  { name: 'windows-call', method: 'POST', path: '/api/windows/call', access: s('case.accept'), fn: 'windows' },
  { name: 'windows-recall', method: 'POST', path: '/api/windows/recall', access: s('case.accept'), fn: 'windows' },
  { name: 'windows-miss', method: 'POST', path: '/api/windows/miss', access: s('case.accept'), fn: 'windows' },
  { name: 'windows-finish', method: 'POST', path: '/api/windows/finish', access: s('case.accept'), fn: 'windows' },
  { name: 'windows-transfer', method: 'POST', path: '/api/windows/transfer', access: s('case.accept'), fn: 'windows' },
  { name: 'windows-ticket-cases', method: 'POST', path: '/api/windows/tickets/{id}/cases', access: s('case.accept'), fn: 'windows' },
  { name: 'hall-appointments', method: 'GET', path: '/api/hall/appointments', access: s('case.accept'), fn: 'windows' },
  { name: 'hall-times', method: 'GET', path: '/api/hall/times', access: s('alert.read'), fn: 'windows' },
  // 上门服务: the center sends a village's agent; the agent closes it (its to-do until then)
  { name: 'home-visits-request', method: 'POST', path: '/api/hall/home-visits', access: s('case.accept'), fn: 'windows' },
  { name: 'home-visits-done', method: 'POST', path: '/api/home-visits/{id}/done', access: s('commission.create'), fn: 'windows' },
  // documents as PDF, drawn on the server with an embedded font subset (shared/documents): only this function carries the font
  { name: 'cases-documents', method: 'GET', path: '/api/cases/{id}/documents/{kind}', access: s('case.read'), fn: 'documents' },
  { name: 'commissions-document', method: 'GET', path: '/api/commissions/{id}/document', access: s('case.read'), fn: 'documents' },
  // materials as files (shared/cases/materials.ts): presigned upload, byte check, audited download
  { name: 'cases-materials-upload', method: 'POST', path: '/api/cases/{id}/materials/uploads', access: s('case.handle'), fn: 'materials' },
  { name: 'cases-materials-confirm', method: 'POST', path: '/api/cases/{id}/materials/{materialId}/confirm', access: s('case.handle'), fn: 'materials' },
  { name: 'cases-materials-list', method: 'GET', path: '/api/cases/{id}/materials', access: s('case.read'), fn: 'materials' },
  { name: 'cases-materials-view', method: 'POST', path: '/api/cases/{id}/materials/{materialId}/view', access: s('case.read'), fn: 'materials' },
  // the electronic archive (shared/archive): a case's package, and the county admin's archive (served by the materials function)
  { name: 'cases-archive', method: 'GET', path: '/api/cases/{id}/archive', access: s('case.read'), fn: 'materials' },
  { name: 'cases-archive-package', method: 'GET', path: '/api/cases/{id}/archive/package', access: s('case.read'), fn: 'materials' },
  { name: 'archive-search', method: 'GET', path: '/api/archive', access: s('archive.manage'), fn: 'materials' },
  { name: 'archive-destruction-list', method: 'GET', path: '/api/archive/destruction', access: s('archive.manage'), fn: 'materials' },
  { name: 'archive-destruction-approve', method: 'POST', path: '/api/archive/destruction', access: s('archive.manage'), fn: 'materials' },
  { name: 'archive-transfer', method: 'GET', path: '/api/archive/transfer', access: s('archive.manage'), fn: 'materials' },
  // the provincial exchange (shared/exchange): the county admin's daily reconciliation and 更正后重发
  { name: 'exchange-status', method: 'GET', path: '/api/exchange/status', access: s('exchange.manage'), fn: 'exchange' },
  { name: 'exchange-rejected', method: 'GET', path: '/api/exchange/rejected', access: s('exchange.manage'), fn: 'exchange' },
  { name: 'exchange-resend', method: 'POST', path: '/api/exchange/records/{caseId}/{id}/resend', access: s('exchange.manage'), fn: 'exchange' },
] as const satisfies readonly RouteDef[];

export type RouteName = (typeof ROUTES)[number]['name'];

export const routeByName = (name: RouteName): RouteDef => {
  const r = ROUTES.find((x) => x.name === name);
  if (!r) throw new Error(`unknown route ${name}`);
  return r;
};
