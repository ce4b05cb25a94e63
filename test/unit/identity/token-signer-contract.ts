import { expect, it } from 'vitest';
import type { TokenSigner } from '../../../shared/identity/ports.ts';

/**
 * The TokenSigner contract: run on the in-memory signer and on the local dev-key signer
 * (token-signer.test.ts). The KMS signer is not run: the local emulators include no KMS.
 */
export const tokenSignerContract = (make: () => TokenSigner): void => {
  const exp = Math.floor(new Date('2099-01-01T00:00:00Z').getTime() / 1000);
  const claims = { sub: 'u-1', sid: 's-1', exp };
  const now = new Date('2098-12-31T23:00:00Z');
  const rejects = (p: Promise<unknown>) => expect(p).rejects.toThrow();
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

  it('verifies what it signed, with its claims', async () => {
    const s = make();
    expect(await s.verify(await s.sign(claims), now)).toEqual(claims);
  });

  it('refuses a token whose claims were changed, whose signature was changed, or that is unsigned', async () => {
    const s = make();
    const [h, p, sig] = (await s.sign(claims)).split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    await rejects(s.verify(`${h}.${b64({ ...payload, sub: 'u-admin' })}.${sig}`, now));
    const flipped = `${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
    await rejects(s.verify(`${h}.${p}.${flipped}`, now));
    await rejects(s.verify(`${b64({ alg: 'none', typ: 'JWT' })}.${p}.`, now));
    await rejects(s.verify('not-a-token', now));
  });

  it('refuses a token signed with another key', async () => {
    const token = await make().sign(claims);
    await rejects(make().verify(token, now));
  });

  it('judges expiry at the caller’s clock: good before exp, refused after', async () => {
    const s = make();
    const token = await s.sign(claims);
    expect((await s.verify(token, new Date((exp - 1) * 1000))).sub).toBe('u-1');
    await rejects(s.verify(token, new Date((exp + 1) * 1000)));
  });
};
