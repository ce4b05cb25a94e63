import type { CountyConfig } from '../infra/config/county-config.ts';
import { dynamoDirectory } from '../shared/identity/dynamo-directory.ts';
import { dynamoHallStore } from '../shared/hall/dynamo-hall.ts';

/**
 * The hall's demo seats (demo data): clerk.lingshan at window 3 of 灵山镇 (queues A and B),
 * clerk.county at window 1 of the county center (queue A). Kept if a clerk has chosen another.
 */
export const seedHallDemo = async (config: CountyConfig): Promise<void> => {
  if (!config.hall) return;
  const directory = dynamoDirectory();
  const hall = dynamoHallStore();
  const seats = [
    { username: 'clerk.lingshan', officeId: `${config.code}-lingshan`, window: '3' },
    { username: 'clerk.county', officeId: `${config.code}-center`, window: '1' },
  ];
  for (const s of seats) {
    const office = config.hall.offices.find((o) => o.officeId === s.officeId);
    if (!office?.windows.some((w) => w.no === s.window)) continue;
    const user = await directory.userByUsername(s.username);
    if (!user || (await hall.seat(user.id))) continue;
    await hall.setSeat(user.id, { officeId: s.officeId, window: s.window });
  }
};
