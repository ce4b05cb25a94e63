import { runtimeConfig } from '../platform/runtime-config.ts';
import type { NetworkPorts } from './ports.ts';
import { sqsHops } from './sqs-hops.ts';
import type { QueueMover } from './redrive.ts';
import { sqsMover } from './sqs-redrive.ts';

/**
 * The network's own production ports: the delegation queue and the county's phase limits.
 * `networkPorts()` of shared/app/wiring.ts adds the case ports (with their reactions) to them.
 */
export const networkAdapters = (): Pick<NetworkPorts, 'hops' | 'limits'> => ({
  hops: sqsHops(),
  // the county's limits, read when used (handlers keep these ports from their first call)
  get limits() {
    return runtimeConfig().phaseLimits;
  },
});

/** Moves a queue's dead letters back (the Ops-redrive function). */
export const queueMover = (): QueueMover => sqsMover();
