import type { CountyConfig } from '../infra/config/county-config.ts';
import { seedDemoDirectory } from './seed-demo-directory.ts';
import { seedDemoCatalog } from './seed-demo-catalog.ts';

export interface SeedReport {
  logins: Array<{ username: string; role: string; office: string; totpUri?: string }>;
  items: number;
}

/** Seeds the demo county (offices, demo staff, demo catalog). Idempotent: safe on every start. */
export const seedDemoCounty = async (config: CountyConfig): Promise<SeedReport> => {
  const { logins } = await seedDemoDirectory(config);
  const { items } = await seedDemoCatalog();
  return { logins, items };
};
