import { casePorts } from '../cases/wiring.ts';
import { runtimeConfig } from '../platform/runtime-config.ts';
import type { NetworkPorts } from './ports.ts';
import { sqsHops } from './sqs-hops.ts';

let ports: NetworkPorts | undefined;

/** The production wiring of the network's use cases (the case ports + the delegation queue + the county's phase limits), built once per container. */
export const networkPorts = (): NetworkPorts => (ports ??= { ...casePorts(), hops: sqsHops(), limits: runtimeConfig().phaseLimits });
