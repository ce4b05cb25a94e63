import { casePorts } from '../cases/wiring.ts';
import { containerSlot, runtimeConfig } from '../platform/runtime-config.ts';
import type { NetworkPorts } from './ports.ts';
import { sqsHops } from './sqs-hops.ts';
import type { QueueMover } from './redrive.ts';
import { sqsMover } from './sqs-redrive.ts';

/** The production wiring of the network's use cases (the case ports + the delegation queue + the county's phase limits), built once per container. */
const networkPortsKept = containerSlot<NetworkPorts>();
export const networkPorts = (): NetworkPorts =>
  networkPortsKept.get(() => ({
    ...casePorts(),
    hops: sqsHops(),
    // the county's limits, read when used (handlers keep these ports from their first call)
    get limits() {
      return runtimeConfig().phaseLimits;
    },
  }));

/** Moves a queue's dead letters back (the Ops-redrive function). */
export const queueMover = (): QueueMover => sqsMover();
