import { describe, expect, it } from 'vitest';
import { applyForward, forwardMessage } from '../../../shared/cases/forward.ts';
import { getCase } from '../../../shared/cases/queries.ts';
import { lifecycle } from '../../../shared/cases/lifecycle.ts';
import { NotFoundError } from '../../../shared/errors/domain-errors.ts';
import { at, caseIn, CLERK, META, OFFICE, OTHER_CLERK, OTHER_OFFICE, world } from './fixtures.ts';

describe('转报 / 交办: hand-overs from the delegation queue', () => {
  const message = (caseId: string, forwardId = crypto.randomUUID()) =>
    forwardMessage.parse({ caseId, fromOfficeId: OFFICE, toOfficeId: OTHER_OFFICE, forwardedAt: at('2026-11-03').toISOString(), forwardId });

  it('applies a hand-over once: the receiving office sees and acts; a redelivery is a no-op', async () => {
    const w = world(at('2026-11-03'));
    const c = caseIn('accepted', { version: 1 });
    w.store.seed(c);
    await expect(getCase(w.ports, OTHER_CLERK, { id: c.id })).rejects.toBeInstanceOf(NotFoundError);
    const m = message(c.id);
    expect(await applyForward(w.ports, m)).toBe('applied');
    expect(await applyForward(w.ports, m)).toBe('duplicate');
    const seen = await getCase(w.ports, OTHER_CLERK, { id: c.id });
    expect(seen.case).toMatchObject({ handedTo: OTHER_OFFICE, handedAt: m.forwardedAt, version: 2 });
    expect(seen.events.map((e) => e.type)).toEqual(['forwarded']);
    // both offices hold it now
    expect((await getCase(w.ports, CLERK, { id: c.id })).case.id).toBe(c.id);
    expect((await lifecycle.start(w.ports, OTHER_CLERK, { id: c.id, expectedVersion: 2 }, META)).status).toBe('in_progress');
  });

  it('a hand-over of an unknown case fails (retried by the queue, then the DLQ)', async () => {
    const w = world();
    await expect(applyForward(w.ports, message('00000000-0000-4000-8000-00000000ffff'))).rejects.toBeInstanceOf(NotFoundError);
    expect(w.store.commits).toBe(0);
  });

  it('a reason defaults to empty; a message without an id is refused by its schema', () => {
    expect(message('x').reason).toBe('');
    expect(forwardMessage.safeParse({ caseId: 'x', fromOfficeId: OFFICE, toOfficeId: OTHER_OFFICE, forwardedAt: at('2026-11-03').toISOString() }).success).toBe(false);
  });
});
