import type { CasePorts } from '../cases/ports.ts';
import type { HopSender } from './messages.ts';
import type { OfficeDirectory } from '../offices/ports.ts';
import type { PhaseLimits } from '../cases/phases.ts';

/** The case ports plus the office tree, the delegation queue's sending side and the county's limits. */
export type NetworkPorts = CasePorts & { offices: OfficeDirectory; hops: HopSender; limits: PhaseLimits };
