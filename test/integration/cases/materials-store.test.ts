import { afterAll, beforeAll, describe, expect } from 'vitest';
import { dynamoMaterialStore } from '../../../shared/cases/dynamo-materials.ts';
import { s3MaterialObjects } from '../../../shared/cases/s3-material-files.ts';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { materialObjectsContract, materialStoreContract } from '../../unit/cases/materials-contract.ts';

/** The materials' adapters against the same contracts as their memory fakes: DynamoDB Local (F1–F3) and fauxqs S3. */
describe('materials on DynamoDB Local and fauxqs S3', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  describe('MaterialStore contract (DynamoDB Local)', () => materialStoreContract(dynamoMaterialStore));

  describe('MaterialObjects contract (fauxqs S3)', () =>
    materialObjectsContract(() => {
      const objects = s3MaterialObjects(stack.env.BUCKET_MATERIALS);
      return {
        objects,
        // as the browser: the presigned PUT with the headers it names
        upload: async (key, bytes) => {
          const u = await objects.presignPut(key, 'image/png', bytes.length, 900);
          const r = await fetch(u.url, { method: 'PUT', headers: u.headers, body: Buffer.from(bytes) });
          expect(r.status).toBe(200);
        },
      };
    }));
});
