import type { CountyConfig } from '../infra/config/county-config.ts';
import { dynamoDirectory } from '../shared/identity/dynamo-directory.ts';
import { dynamoHallStore } from '../shared/hall/dynamo-hall.ts';
import { demoPlaces } from './seed-demo-directory.ts';

/**
 * The hall's demo seats (demo data): the demo township's clerk (clerk.lingshan in 罗山县) at its
 * window 3, clerk.county at window 1 of the county center, where the county's hall has them. Kept if a clerk has chosen another.
 */
export const seedHallDemo = async (config: CountyConfig): Promise<void> => {
  if (!config.hall) return;
  const directory = dynamoDirectory();
  const hall = dynamoHallStore();
  const { center, township, slug } = demoPlaces(config);
  const seats = [
    { username: `clerk.${slug}`, officeId: township.id, window: '3' },
    { username: 'clerk.county', officeId: center.id, window: '1' },
  ];
  for (const s of seats) {
    const office = config.hall.offices.find((o) => o.officeId === s.officeId);
    if (!office?.windows.some((w) => w.no === s.window)) continue;
    const user = await directory.userByUsername(s.username);
    if (!user || (await hall.seat(user.id))) continue;
    await hall.setSeat(user.id, { officeId: s.officeId, window: s.window });
  }
};
