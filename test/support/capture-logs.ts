import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Tees everything written to stdout/stderr during tests into .test-logs/, so a check can scan
 * every log line of the whole suite for personal data (ID numbers, mobile numbers).
 */
const dir = join(process.cwd(), '.test-logs');
mkdirSync(dir, { recursive: true });
const file = join(dir, `worker-${process.pid}.log`);

for (const stream of [process.stdout, process.stderr]) {
  const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    try {
      appendFileSync(file, typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array));
    } catch {
      // never let log capture break a test
    }
    return original(chunk, ...rest);
  }) as typeof stream.write;
}
