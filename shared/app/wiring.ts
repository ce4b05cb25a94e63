import { caseAdapters } from '../cases/wiring.ts';
import type { CasePorts } from '../cases/ports.ts';
import { networkAdapters } from '../network/wiring.ts';
import type { NetworkPorts } from '../network/ports.ts';
import { noticesConfig } from '../notices/config.ts';
import { containerSlot } from '../platform/runtime-config.ts';
import { caseReactions } from './reactions.ts';

/**
 * The production case ports, the one way handlers, local tools and the bench get them: the case
 * context's adapters with the reactions of the contexts around a case plugged in (reactions.ts).
 * Built once per container.
 */
const caseKept = containerSlot<CasePorts>();
export const casePorts = (): CasePorts => caseKept.get(() => ({ ...caseAdapters(), reactions: caseReactions({ notices: noticesConfig }) }));

/** The network's use cases: the case ports + the delegation queue + the county's phase limits. */
const networkKept = containerSlot<NetworkPorts>();
export const networkPorts = (): NetworkPorts =>
  networkKept.get(() => {
    const own = networkAdapters();
    return {
      ...casePorts(),
      hops: own.hops,
      get limits() {
        return own.limits;
      },
    };
  });
