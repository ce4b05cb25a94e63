import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Tees everything written to stdout/stderr during tests into .test-logs/, so a check can scan
 * every log line of the whole suite for personal data (ID numbers, mobile numbers). The handlers'
 * structured logs go only to the file (thousands of lines a run; echoing them cost the run CPU and
 * buried the test report): `TEST_LOG_ECHO=1 npm test` shows them too. Everything else is echoed.
 */
const dir = join(process.cwd(), '.test-logs');
mkdirSync(dir, { recursive: true });
const echoAll = process.env.TEST_LOG_ECHO === '1';
/** A Powertools log line: one JSON object with a level and a message. */
const isStructuredLog = (text: string): boolean => text.startsWith('{"level":');

const already = Symbol.for('bianmin.capture-logs');
const g = globalThis as { [already]?: boolean };
// with isolate: false this setup file runs once per test file in the same process: tee once
if (!g[already]) {
  g[already] = true;
  const fd = openSync(join(dir, `worker-${process.pid}.log`), 'a');
  process.once('exit', () => closeSync(fd));
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
      try {
        writeSync(fd, bytes);
      } catch {
        // never let log capture break a test
      }
      if (echoAll || !isStructuredLog(typeof chunk === 'string' ? chunk : bytes.toString('utf8', 0, 10))) return original(chunk, ...rest);
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof stream.write;
  }
}
