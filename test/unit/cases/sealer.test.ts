import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kmsSealer } from '../../../shared/cases/kms-sealer.ts';
import { memorySealer } from '../../../shared/cases/memory-sealer.ts';
import type { Sealer } from '../../../shared/cases/ports.ts';

const ID = '11010519491231002X';
const PHONE = '13812345678';

const sealerContract = (make: () => Sealer) => {
  it('seals so that the value is not readable, and unseals it back', async () => {
    const s = make();
    const sealed = await s.seal({ id: ID, phone: PHONE });
    expect(JSON.stringify(sealed)).not.toContain(ID);
    expect(JSON.stringify(sealed)).not.toContain(PHONE);
    expect(await s.unseal(sealed)).toEqual({ id: ID, phone: PHONE });
    // a fresh IV each time: the same value never seals to the same text
    expect((await s.seal({ id: ID })).ct).not.toBe((await s.seal({ id: ID })).ct);
  });

  it('refuses a tampered seal', async () => {
    const s = make();
    const sealed = await s.seal({ id: ID });
    const ct = Buffer.from(sealed.ct, 'base64');
    ct[0] = ct[0]! ^ 1;
    await expect(s.unseal({ ...sealed, ct: ct.toString('base64') })).rejects.toThrow();
  });

  it('hashes for look-ups: the same value the same hash, never the value itself', async () => {
    const s = make();
    const h = await s.lookupHash(ID);
    expect(h).toBe(await s.lookupHash(ID));
    expect(h).not.toBe(await s.lookupHash('11010519491231003X'));
    expect(h).not.toContain(ID);
  });
};

describe('the in-memory sealer', () => {
  sealerContract(memorySealer);

  it('keys belong to one instance', async () => {
    const a = memorySealer();
    const b = memorySealer();
    expect(await a.lookupHash(ID)).not.toBe(await b.lookupHash(ID));
  });
});

describe('the KMS sealer without KMS: the local dev key file', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bianmin-sealer-'));
    delete process.env.DATA_KMS_KEY_ID;
    delete process.env.LOOKUP_KMS_KEY_ID;
    process.env.DATA_DEV_KEY_FILE = join(dir, 'keys', 'data-dev-key.json');
  });
  afterEach(() => {
    process.env = { ...saved };
    rmSync(dir, { recursive: true, force: true });
  });

  sealerContract(kmsSealer);

  it('creates the key file once, readable by its owner only, and keeps using it', async () => {
    const first = kmsSealer();
    const sealed = await first.seal({ id: ID });
    expect(sealed.ek).toBe('dev');
    expect(statSync(process.env.DATA_DEV_KEY_FILE!).mode & 0o777).toBe(0o600);
    // another container (a new sealer) on the same file opens it and hashes alike
    const second = kmsSealer();
    expect(await second.unseal(sealed)).toEqual({ id: ID });
    expect(await second.lookupHash(ID)).toBe(await first.lookupHash(ID));
  });
});
