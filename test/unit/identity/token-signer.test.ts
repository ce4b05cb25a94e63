import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ephemeralTokenSigner } from '../../../shared/identity/memory-token-signer.ts';
import { devTokenSigner } from '../../../shared/identity/kms-token-signer.ts';
import { tokenSignerContract } from './token-signer-contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'bianmin-jwt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describe('TokenSigner contract (memory)', () => tokenSignerContract(() => ephemeralTokenSigner()));
describe('TokenSigner contract (local dev key)', () => tokenSignerContract(() => devTokenSigner(join(dir, `key-${++n}.json`))));

describe('local dev key', () => {
  it('is kept in its file: a signer started later on the same file verifies the tokens of the first', async () => {
    const file = join(dir, 'kept.json');
    const token = await devTokenSigner(file).sign({ sub: 'u-1', sid: 's-1', exp: 4_070_908_800 });
    expect((await devTokenSigner(file).verify(token, new Date('2098-01-01T00:00:00Z'))).sid).toBe('s-1');
  });
});
