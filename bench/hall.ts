/**
 * The hall's figures for `npm run bench`: DynamoDB capacity units per booking, per kiosk ticket and
 * per call at a window (ReturnConsumedCapacity on DynamoDB Local, averaged over a few of each).
 * Run alone: `npx tsx bench/hall.ts`.
 */
import { pathToFileURL } from 'node:url';
import { withEmulators } from './emulators.ts';
import { bjDay } from '../shared/platform/beijing-time.ts';
import { type Figure, round } from './figure.ts';

export const benchHall = async (): Promise<Figure[]> =>
  withEmulators('hall', async ({ county, useCounty }) => {
    await useCounty();
    const { seedDemoCounty } = await import('../local/seed.ts');
    await seedDemoCounty(county);
    const { hallPorts } = await import('../shared/hall/wiring.ts');
    const { capacityMeter, resetCapacityMeter } = await import('../shared/aws/dynamo-meter.ts');
    const { bookAppointment, listSlots } = await import('../shared/hall/appointments.ts');
    const { callNext, issueTicket } = await import('../shared/hall/tickets.ts');
    const ports = hallPorts();
    const officeId = `${county.code}-lingshan`;
    const measure = async (n: number, f: (i: number) => Promise<unknown>) => {
      resetCapacityMeter();
      for (let i = 0; i < n; i++) await f(i);
      return { read: round(capacityMeter.read / n), write: round(capacityMeter.write / n) };
    };

    const today = bjDay(new Date());
    const slots = (await listSlots(ports, officeId, { from: today, days: 14, group: 'general' })).days.flatMap((d) => d.slots).filter((s) => s.left > 0);
    const N = Math.min(10, slots.length);
    const booking = await measure(N, (i) =>
      bookAppointment(
        ports,
        { officeId, slotId: slots[i]!.id, itemCode: 'LS-01-002', name: '测试', phone: `1390000${String(1000 + i)}` },
        { sourceIp: `10.0.${i}.1`, userAgent: 'bench' },
      ),
    );
    const ticket = await measure(N, () => issueTicket(ports, officeId, { queue: 'A' }, { sourceIp: '10.1.0.1', userAgent: 'bench' }));
    const meta = { sourceIp: '10.2.0.1', userAgent: 'bench' };
    const clerk = {
      userId: 'bench-clerk',
      username: 'bench',
      displayName: 'bench',
      officeId,
      roles: ['window_clerk' as const],
      scopes: ['session' as const, 'case.accept' as const],
      sessionId: 'b',
    };
    await callNext(ports, clerk, { window: '3' }, meta); // the first call also chooses the window
    // each further call finishes the ticket before it (its service time) and claims the next
    const call = await measure(N - 1, () => callNext(ports, clerk, undefined, meta));
    return [
      {
        key: 'wcu_per_booking',
        name: 'WCU per booking (slot counter, phone-day guard, appointment: one transaction)',
        value: booking.write,
        unit: 'WCU',
        target: '(reported)',
      },
      { name: 'RCU per booking (no-show look-back, code check)', value: booking.read, unit: 'RCU' },
      { name: 'WCU per kiosk ticket (number + ticket)', value: ticket.write, unit: 'WCU' },
      { name: 'RCU per kiosk ticket (people ahead)', value: ticket.read, unit: 'RCU' },
      {
        key: 'wcu_per_call',
        name: 'WCU per call at a window (claim, finish the last, seat, times, audit event: one transaction)',
        value: call.write,
        unit: 'WCU',
        target: '(reported)',
      },
      { name: 'RCU per call (lanes, seat, current ticket)', value: call.read, unit: 'RCU' },
    ];
  });

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.table(await benchHall());
