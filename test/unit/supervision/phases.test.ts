import { bjEndOfDay } from '../../../shared/platform/beijing-time.ts';
import { describe, expect, it } from 'vitest';

import type { CaseRecord } from '../../../shared/cases/model.ts';
import { caseFollowUp } from '../../../shared/supervision/case-follow-up.ts';
import { watchSettlement } from '../../../shared/supervision/overdue-scan.ts';
import { phasesOf, type HopsOfCase } from '../../../shared/supervision/phases.ts';
import { DEFAULT_RULES } from '../../../shared/supervision/rules.ts';
import type { Watch, WatchedCase } from '../../../shared/supervision/watch.ts';
import { CAL, caseIn } from '../cases/fixtures.ts';

/**
 * Phase cards from the network's hops (their shape; the network is on branch h-network): a hop not
 * signed within its own limit carded once for the receiving office; signed in time, nothing.
 */
const bj = (day: string, hhmm = '00:00') => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
const transfer = { id: 'fwd-1', toOfficeId: '411521-zrzy', sentAt: bj('2026-11-03', '15:00'), receiveDueAt: bjEndOfDay('2026-11-04') };
const watchOf = (snapshot: WatchedCase, caseVersion: number): Watch => ({
  caseId: snapshot.id,
  case: snapshot,
  caseVersion,
  rev: 0,
  given: {},
  counted: {},
  level: 'none',
  lookAt: bj('2026-11-03'),
});
const snapshotOfWrite = (w: ReturnType<typeof caseFollowUp>): WatchedCase => {
  const write = w[0];
  if (write?.op !== 'watch') throw new Error('no watch written');
  return write.snapshot as WatchedCase;
};

describe('phase cards from the network’s hops', () => {
  it('reads the open phases off a transfer, tasks and a hand-back, each with its own limit', () => {
    const hops: HopsOfCase = {
      transfer: { ...transfer, receivedAt: bj('2026-11-04', '09:00') },
      tasks: [
        {
          id: 't1',
          title: '现场核查',
          toOfficeId: '411521-lingshan-v1',
          sentAt: bj('2026-11-03'),
          receiveDueAt: bjEndOfDay('2026-11-04'),
          dueAt: bjEndOfDay('2026-11-09'),
        },
      ],
      handBack: { id: 'hb1', sentAt: bj('2026-11-10'), deliverDueAt: bjEndOfDay('2026-11-11') },
      commission: { stationId: '411521-lingshan-demo1' },
    };
    expect(phasesOf(hops)).toEqual([
      {
        id: 'transfer:fwd-1',
        label: '转报签收',
        officeId: '411521-zrzy',
        startedAt: transfer.sentAt,
        dueAt: transfer.receiveDueAt,
        endedAt: bj('2026-11-04', '09:00'),
      },
      expect.objectContaining({ id: 'task:t1:receive', officeId: '411521-lingshan-v1', dueAt: bjEndOfDay('2026-11-04') }),
      expect.objectContaining({ id: 'task:t1:answer', label: '交办办理（现场核查）', dueAt: bjEndOfDay('2026-11-09') }),
      expect.objectContaining({ id: 'handback:hb1', officeId: '411521-lingshan-demo1', dueAt: bjEndOfDay('2026-11-11') }),
    ]);
    expect(phasesOf({})).toEqual([]);
  });

  it('a hand-over not signed within its limit: the county’s phase card for the receiver (its inbox, its counters), once; signed in time, none', () => {
    const before = caseIn('in_progress', { version: 3 });
    const sent = { ...before, version: 4, transfer } as CaseRecord & HopsOfCase;
    // the hand-over changes what supervision follows: the watch is written with the case
    const snap = snapshotOfWrite(caseFollowUp(before, sent, new Date(transfer.sentAt)));
    expect(snap.phases).toEqual([expect.objectContaining({ id: 'transfer:fwd-1', officeId: '411521-zrzy' })]);

    const late = watchSettlement(watchOf(snap, 4), DEFAULT_RULES, CAL, bj('2026-11-05', '00:05'));
    expect(late.alerts).toEqual([
      expect.objectContaining({ trigger: 'phase', card: 'yellow', officeId: '411521-zrzy', reason: '转报签收超过时限（2026-11-04 到期，自 2026-11-03）' }),
    ]);
    expect(late.tallies.filter((t) => t.dim === 'office' && t.add.yellow)).toEqual([expect.objectContaining({ key: '411521-zrzy' })]);
    expect(late.watch!.given).toHaveProperty([`phase:transfer:fwd-1:${transfer.receiveDueAt}`]);
    // given once: the next look has no card for it
    const again = watchSettlement({ ...watchOf(snap, 4), given: late.watch!.given }, DEFAULT_RULES, CAL, bj('2026-11-06'));
    expect(again.alerts.filter((a) => a.trigger === 'phase')).toEqual([]);

    // signed before the limit: the case changes again, the phase is closed, no card ever
    const signed = { ...sent, version: 5, transfer: { ...transfer, receivedAt: bj('2026-11-04', '10:00') } } as CaseRecord & HopsOfCase;
    const closed = snapshotOfWrite(caseFollowUp(sent, signed, new Date(bj('2026-11-04', '10:00'))));
    expect(watchSettlement(watchOf(closed, 5), DEFAULT_RULES, CAL, bj('2026-11-05', '00:05')).alerts.filter((a) => a.trigger === 'phase')).toEqual([]);
    // the county may turn phase cards off, or make them red
    expect(
      watchSettlement(watchOf(snap, 4), { ...DEFAULT_RULES, phaseCard: 'off' }, CAL, bj('2026-11-05', '00:05')).alerts.filter((a) => a.trigger === 'phase'),
    ).toEqual([]);
    expect(
      watchSettlement(watchOf(snap, 4), { ...DEFAULT_RULES, phaseCard: 'red' }, CAL, bj('2026-11-05', '00:05')).alerts.find((a) => a.trigger === 'phase')?.card,
    ).toBe('red');
  });
});
