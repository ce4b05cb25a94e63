import * as z from 'zod';
import { ROLES, SCOPES, type Scope } from '../platform/scopes.ts';

/**
 * Who is calling: put into `requestContext.authorizer.principal` (as JSON, since API Gateway
 * context values are strings) by the authorizer, parsed back by the HTTP handler factory.
 */
export const principalSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  officeId: z.string(),
  roles: z.array(z.enum(ROLES)),
  scopes: z.array(z.enum(SCOPES)),
  sessionId: z.string(),
});
export type Principal = z.infer<typeof principalSchema>;

/** Broader grants that include narrower ones: a county-wide grant covers "my office". */
const IMPLIES: Partial<Record<Scope, readonly Scope[]>> = {
  'user.manage:county': ['user.manage:my-office'],
};

export const hasScope = (p: Pick<Principal, 'scopes'>, scope: Scope): boolean =>
  p.scopes.includes(scope) || p.scopes.some((s) => IMPLIES[s]?.includes(scope) ?? false);
