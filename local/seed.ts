import { loadCountyConfig } from '../infra/config/county-config.ts';
import { seedDemoDirectory } from './seed-demo-directory.ts';
import { seedDemoCatalog } from '../shared/catalog/seed-demo.ts';

export interface SeedReport {
  logins: Array<{ username: string; role: string; office: string; totpUri?: string }>;
  items: number;
}

/** Seeds the demo county (offices, demo staff, demo catalog). Idempotent: safe on every start. */
export const seedDemoCounty = async (countyCode: string): Promise<SeedReport> => {
  const config = loadCountyConfig(countyCode);
  const { logins } = await seedDemoDirectory(config);
  const { items } = await seedDemoCatalog();
  return { logins, items };
};
