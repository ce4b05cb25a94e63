import { applyHop } from '../../../shared/network/apply.ts';
import { memoryHops, type MemoryHopSender } from '../../../shared/network/memory-hops.ts';
import type { HopMessage } from '../../../shared/network/messages.ts';
import { type NetworkPorts } from '../../../shared/network/ports.ts';
import { DEFAULT_PHASE_LIMITS } from '../../../shared/cases/phases.ts';
import { DEFAULT_ROLE_SCOPES } from '../../../shared/platform/scopes.ts';
import type { Item } from '../../../shared/catalog/item.ts';
import { staticCatalogReader } from '../../../shared/catalog/memory-catalog-reader.ts';
import {
  DEPT2_OFFICE,
  DEPT_OFFICE,
  ITEMS,
  OTHER_OFFICE,
  PROMISED,
  principal,
  STATION,
  THIRD_OFFICE,
  world as caseWorld,
  type World as CaseWorld,
} from '../cases/fixtures.ts';

/**
 * The case world plus the network: the delegation queue as a recording sender, delivered by hand
 * (once, or three times) to the real consumer use case. No emulator.
 */
export interface World extends CaseWorld {
  ports: CaseWorld['ports'] & NetworkPorts;
  hops: MemoryHopSender;
  /** Delivers every message sent so far `times` times (SQS delivers at least once), returns them. */
  deliver(times?: number): Promise<HopMessage[]>;
}

/** 低保 as the demo routes it: townships and village stations take it in, 县民政局 decides. */
export const DIBAO: Item = {
  ...PROMISED,
  code: 'T-DIBAO',
  name: '测试低保',
  levels: ['county', 'township', 'village'],
  intakeAt: ['village', 'township'],
  decider: { by: 'office', officeId: DEPT_OFFICE },
  fee: { charged: false },
};
/** 联办: the accepting township leads, 县民政局 and 县人社局 each answer a part. */
export const JOINT: Item = {
  ...PROMISED,
  code: 'T-JOINT',
  name: '测试联办',
  kind: 'joint',
  decider: { by: 'joint', parts: [DEPT_OFFICE, DEPT2_OFFICE] },
  fee: { charged: false },
};

export const world = (start?: Date, settings?: Parameters<typeof caseWorld>[1]): World => {
  const w = caseWorld(start, settings);
  const hops = memoryHops();
  const ports = { ...w.ports, catalog: staticCatalogReader([...ITEMS, DIBAO, JOINT]), hops, limits: DEFAULT_PHASE_LIMITS };
  return {
    ...w,
    ports,
    hops,
    deliver: async (times = 1) => {
      const sent = hops.drain();
      for (let i = 0; i < times; i++) for (const m of sent) await applyHop(ports, m);
      return sent;
    },
  };
};

export const DEPT_CLERK = principal({ userId: 'u-mzj', username: 'clerk.mzj', officeId: DEPT_OFFICE });
export const DEPT2_CLERK = principal({ userId: 'u-rsj', username: 'clerk.rsj', officeId: DEPT2_OFFICE });
export const OTHER_TOWNSHIP_CLERK = principal({ userId: 'u-dongpu', username: 'clerk.dongpu', officeId: OTHER_OFFICE });
export const THIRD_CLERK = principal({ userId: 'u-zilu', username: 'clerk.zilu', officeId: THIRD_OFFICE });
export const AGENT = principal({
  userId: 'u-agent',
  username: 'agent.demo',
  displayName: '演示代办员',
  officeId: STATION,
  roles: ['village_agent'],
  scopes: [...DEFAULT_ROLE_SCOPES.village_agent],
});
