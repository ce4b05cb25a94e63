import { scopesOf, TOTP_REQUIRED_ROLES, type Role, type Scope } from './scopes.ts';

/**
 * County-level identity settings reach functions through the environment (set by the stack from
 * the county config): ROLE_SCOPES_JSON (role → scopes overrides) and TOTP_FOR_ALL.
 */
const overrides = (): Partial<Record<Role, Scope[]>> => {
  const raw = process.env.ROLE_SCOPES_JSON;
  return raw ? (JSON.parse(raw) as Partial<Record<Role, Scope[]>>) : {};
};

export const grantedScopes = (roles: readonly Role[]): Scope[] => scopesOf(roles, overrides());

export const totpRequired = (roles: readonly Role[]): boolean =>
  process.env.TOTP_FOR_ALL === 'true' || roles.some((r) => TOTP_REQUIRED_ROLES.includes(r));
