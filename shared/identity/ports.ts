import { writeAudit } from '../audit/dynamo-audit.ts';
import { systemClock } from '../platform/clock.ts';
import { directoryStore } from './directory-store.ts';
import { tokenSigner } from './tokens.ts';

/** The production wiring of identity use cases, shared by the handlers. */
export const identityPorts = () => ({ directory: directoryStore, signer: tokenSigner(), clock: systemClock, writeAudit });

/** Staff management needs no signer: the directory and the clock. */
export const staffPorts = () => ({ directory: directoryStore, clock: systemClock });
