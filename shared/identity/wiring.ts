import { auditLog } from '../audit/wiring.ts';
import { systemClock } from '../platform/clock.ts';
import { containerSlot } from '../platform/runtime-config.ts';
import type { AccountPorts } from './account.ts';
import type { AuthorizerPorts } from './authorize.ts';
import { dynamoDirectory } from './dynamo-directory.ts';
import { tokenSigner } from './kms-token-signer.ts';
import type { LoginPorts } from './login.ts';
import type { StaffPorts } from './staff.ts';

/**
 * The production wiring of the identity context: DynamoDB, KMS (or the local dev key), the wall
 * clock. Built once per container; handlers call these at module top.
 */
/** Sign-in, the own account and the authorizer. */
const identityPortsKept = containerSlot<LoginPorts & AccountPorts & AuthorizerPorts>();
export const identityPorts = (): LoginPorts & AccountPorts & AuthorizerPorts =>
  identityPortsKept.get(() => ({
    directory: dynamoDirectory(),
    signer: tokenSigner(),
    clock: systemClock,
    audit: auditLog(),
  }));

/** Staff and office management: the directory and the clock. */
const staffPortsKept = containerSlot<StaffPorts>();
export const staffPorts = (): StaffPorts => staffPortsKept.get(() => ({ directory: dynamoDirectory(), clock: systemClock }));
