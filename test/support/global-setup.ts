import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '../../local/dynamo-local.ts';
import { startFauxqs } from '../../local/fauxqs.ts';
import { freePort } from '../../local/free-port.ts';

/** DynamoDB Local and fauxqs, once per run, on free ports (so tests run beside `npm start`). */
declare module 'vitest' {
  export interface ProvidedContext {
    emulators: { dynamodb: string; fauxqs: string; region: string };
  }
}

export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal({ port: await freePort() });
  const fauxqs = await startFauxqs({ port: 0, region: 'cn-north-1' });
  project.provide('emulators', { dynamodb: dynamo.endpoint, fauxqs: fauxqs.endpoint, region: 'cn-north-1' });
  return async () => {
    await fauxqs.stop();
    await dynamo.stop();
  };
}
