import type { CasePorts } from '../cases/store.ts';
import type { HopSender } from './messages.ts';
import type { OfficeDirectory } from '../offices/ports.ts';

/**
 * Phase limits of the hops, in working days (county setting `phaseLimits`): the sender hands a
 * case over within `handOver` of getting it (accepted, decided, result back), the receiver signs
 * within `receive` of its sending. The case's own due date stays the citizen's promise.
 */
export interface PhaseLimits {
  handOverWorkdays: number;
  receiveWorkdays: number;
}
export const DEFAULT_PHASE_LIMITS: PhaseLimits = { handOverWorkdays: 1, receiveWorkdays: 1 };

/** The case ports plus the office tree, the delegation queue's sending side and the county's limits. */
export type NetworkPorts = CasePorts & { offices: OfficeDirectory; hops: HopSender; limits: PhaseLimits };
