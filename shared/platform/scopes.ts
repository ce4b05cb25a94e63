/**
 * Roles and the scopes they grant. These are defaults: a county may override the grant of any
 * role in its config (`roleScopes`), so adjusting a role needs no code change.
 * `session` is held by every signed-in user (own profile, logout, password, TOTP).
 */
export const SCOPES = [
  'session',
  'case.read',
  'case.accept',
  'case.handle',
  'case.decide',
  'case.extend',
  'case.view-id',
  'commission.create',
  'catalog.edit',
  'calendar.edit',
  'office.manage',
  'user.manage:county',
  'user.manage:my-office',
  'audit.read',
  'supervision.read:county',
  /** The alert inbox (预警): supervisors county-wide, center heads for their office. */
  'alert.read',
  /** Issue a 督办单 to an office about a case. */
  'supervision.order',
  /** Answer (反馈) a 督办单 addressed to one's office. */
  'supervision.respond',
  /** 好差评: the window's evaluator and hotline entries. */
  'rating.evaluate',
  /** 差评整改 of one's own office: callback, measures, answer, appeal. */
  'rating.rectify',
  /** 申诉复核: decide an office's appeal against a malicious rating. */
  'rating.review',
  /** Rating statistics (one's own office, or the county for county-wide readers). */
  'rating.stats',
  /** The provincial feed files (daily export of cases and ratings). */
  'rating.feed',
  /** The electronic archive: search, download, 鉴定销毁 approvals, 移交 (the county admin). */
  'archive.manage',
  /** The provincial exchange: the day's reconciliation, correcting and re-sending a rejected record (the county admin). */
  'exchange.manage',
] as const;
export type Scope = (typeof SCOPES)[number];

export const ROLES = ['village_agent', 'window_clerk', 'center_head', 'county_admin', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  village_agent: '村代办员',
  window_clerk: '窗口人员',
  center_head: '中心负责人',
  county_admin: '县政务服务管理局',
  supervisor: '监察/督查',
};

const CLERK: readonly Scope[] = ['session', 'case.read', 'case.accept', 'case.handle', 'case.decide', 'case.view-id', 'rating.evaluate'];

export const DEFAULT_ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  village_agent: ['session', 'case.read', 'commission.create'],
  window_clerk: CLERK,
  center_head: [...CLERK, 'case.extend', 'user.manage:my-office', 'rating.rectify', 'rating.stats', 'alert.read', 'supervision.respond'],
  county_admin: [
    'session',
    'case.read',
    'catalog.edit',
    'calendar.edit',
    'office.manage',
    'user.manage:county',
    'audit.read',
    'rating.stats',
    'rating.feed',
    'archive.manage',
    'exchange.manage',
  ],
  // reads the whole county; acts on no case: its decisions are the written 督办 order (and acknowledging
  // alerts) and an office's appeal against a rating
  supervisor: ['session', 'case.read', 'supervision.read:county', 'audit.read', 'rating.stats', 'rating.review', 'alert.read', 'supervision.order'],
};

/** Roles whose accounts must use a second factor (等保 level 3: privileged users). */
export const TOTP_REQUIRED_ROLES: readonly Role[] = ['county_admin', 'center_head', 'supervisor'];

export const scopesOf = (roles: readonly Role[], overrides: Partial<Record<Role, readonly Scope[]>> = {}): Scope[] => [
  ...new Set(roles.flatMap((r) => overrides[r] ?? DEFAULT_ROLE_SCOPES[r])),
];
