import type { CountyConfig } from '../infra/config/county-config.ts';
import { flattenOffices } from '../infra/config/county-config.ts';
import { seedDemoDirectory } from './seed-demo-directory.ts';
import { seedDemoCatalog } from './seed-demo-catalog.ts';
import { seedNetworkDemo } from './seed-network.ts';
import { seedDemoHistory } from './seed-demo-history.ts';
import { seedHallDemo } from './seed-hall.ts';

export interface SeedReport {
  logins: Array<{ username: string; role: string; office: string; totpUri?: string }>;
  items: number;
  /** Demo history cases (npm start only), and whether they were there already. */
  history?: { cases: number; skipped: boolean; ms: number };
}

/**
 * Seeds the demo county (offices, demo staff, demo catalog, the network's demo; with `history`,
 * three months of demo cases, cards and 督办 for the dashboards). Idempotent: safe on every start.
 */
/** `passwordHash`: a hash of the demo password to store instead of computing one (test stacks pass a cheap one). */
export const seedDemoCounty = async (config: CountyConfig, opts: { history?: boolean; passwordHash?: string } = {}): Promise<SeedReport> => {
  const { logins } = await seedDemoDirectory(config, opts.passwordHash);
  const { items } = await seedDemoCatalog();
  const names = new Map(flattenOffices(config.offices).map((o) => [o.id, o.name]));
  const network = await seedNetworkDemo(config.code, (id) => names.get(id) ?? id, opts.passwordHash);
  // the village agent last: the list reads from the county down to the village
  const agent = logins.findIndex((l) => l.role.startsWith('village_agent'));
  const all = agent >= 0 ? [...logins.slice(0, agent), ...network, ...logins.slice(agent)] : [...logins, ...network];
  // the hall: demo clerks' seats at their windows
  await seedHallDemo(config);
  const history = opts.history ? await seedDemoHistory(config) : undefined;
  return { logins: all, items, ...(history ? { history } : {}) };
};
