import type { Decider, IntakePlace, Item } from '../catalog/item.ts';
import type { NetworkOffice, OfficeKind } from '../offices/offices.ts';

/**
 * Where an item is taken in and where it is decided, from its catalog entry. Items that say
 * nothing keep the behaviour they had before the network existed: taken in at their levels,
 * decided where they were taken in.
 */
export interface Routing {
  intakeAt: readonly IntakePlace[];
  decider: Decider;
}

const PLACE_OF_LEVEL = { county: 'county', township: 'township', village: 'village' } as const;

export const routingOf = (item: Pick<Item, 'levels' | 'intakeAt' | 'decider'>): Routing => ({
  intakeAt: item.intakeAt ?? item.levels.map((l) => PLACE_OF_LEVEL[l]),
  decider: item.decider ?? { by: 'accepting' },
});

/** The place an office's window stands for: a county department takes in at the county level. */
const placeOf = (kind: OfficeKind): IntakePlace => (kind === 'township' ? 'township' : 'county');

/**
 * May this office take the item in? Only items that name their places are held to them (an item
 * without `intakeAt` is taken in wherever it was before). A village station never takes in
 * itself: it records a commission (全程代办) that its township takes in.
 */
export const mayTakeIn = (item: Pick<Item, 'levels' | 'intakeAt' | 'decider'>, office: Pick<NetworkOffice, 'kind'>, viaCommission = false): boolean => {
  if (!item.intakeAt) return true;
  if (viaCommission) return item.intakeAt.includes('village');
  return office.kind !== 'village' && item.intakeAt.includes(placeOf(office.kind));
};

/** The office that decides (承办) a case taken in at `acceptingOfficeId`; for 联办 the lead. */
export const decidingOffice = (item: Pick<Item, 'decider'>, acceptingOfficeId: string): string => {
  const d = item.decider ?? { by: 'accepting' as const };
  if (d.by === 'office') return d.officeId;
  if (d.by === 'joint') return d.lead ?? acceptingOfficeId;
  return acceptingOfficeId;
};

/** The offices a 联办 lead sends parts to (empty for any other item). */
export const jointParts = (item: Pick<Item, 'decider'>): readonly string[] => (item.decider?.by === 'joint' ? item.decider.parts : []);

/** 下放 in the catalog: a county item that a township now decides itself (a new version, audited as every edit). */
export const devolveToTownships = <I extends Item>(item: I): I => ({
  ...item,
  decider: { by: 'accepting' },
  intakeAt: [...new Set<IntakePlace>([...(item.intakeAt ?? []), 'township'])],
});
