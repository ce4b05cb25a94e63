import { runtimeConfig } from '../platform/runtime-config.ts';
import { scopesOf, TOTP_REQUIRED_ROLES, type Role, type Scope } from '../platform/scopes.ts';

/**
 * County-level identity settings (`roleScopes`, `totpForAll` in infra/counties/<code>.json) reach
 * functions through the runtime config, which the stack and the local platform derive alike.
 */
export const grantedScopes = (roles: readonly Role[]): Scope[] => scopesOf(roles, runtimeConfig().roleScopes);

export const totpRequired = (roles: readonly Role[]): boolean => runtimeConfig().totpForAll || roles.some((r) => TOTP_REQUIRED_ROLES.includes(r));
