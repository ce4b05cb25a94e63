import { join } from 'node:path';

/** Function configuration of the local platform (what the CDK stack sets in AWS). */
export const platformEnv = (dataDir: string, countyCode: string): Record<string, string> => ({
  COUNTY_CODE: countyCode,
  POWERTOOLS_SERVICE_NAME: 'bianmin-local',
  AUDIT_RETENTION_DAYS: '1095',
  // dev keys are generated on first use under .data/ (git-ignored); KMS is used in AWS
  JWT_DEV_KEY_FILE: join(dataDir, 'jwt-dev-key.json'),
  DATA_DEV_KEY_FILE: join(dataDir, 'data-dev-key.json'),
  PUBLIC_BASE_URL: '',
});
