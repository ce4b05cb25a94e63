import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import type { listCases } from '../../../shared/cases/queries.ts';
import type { listInbox } from '../../../shared/network/inbox.ts';
import type { SearchResponse } from '../../../shared/catalog/lookup.ts';
import type { destructionList, getArchive, searchArchive } from '../../../shared/archive/archive.ts';
import type { listTodos } from '../../../shared/todos/todos.ts';
import type { disclosedRatings, disclosedResults } from '../../../shared/ratings/disclosure.ts';
import { casesListResponse, RESPONSES, responseOf } from '../../../shared/openapi/responses.ts';
import { buildOpenApi, type JsonSchema } from '../../../shared/openapi/document.ts';
import { itemsSearchResponse } from '../../../shared/catalog/responses.ts';
import { inboxResponse } from '../../../shared/network/responses.ts';
import { todoListResponse } from '../../../shared/todos/responses.ts';
import { archiveSearchResponse, caseArchiveResponse } from '../../../shared/archive/responses.ts';
import { disclosedRatingsResponse, disclosedResultsResponse } from '../../../shared/ratings/responses.ts';
import { ROUTES, routeByName } from '../../../shared/platform/routes.ts';
import { appointmentsOfDay, bookAppointment, type cancelAppointment, hallInfo, hallList, listSlots } from '../../../shared/hall/appointments.ts';
import { callNext, chooseWindow, issueTicket, type linkCaseToTicket, screenCalls, windowState } from '../../../shared/hall/tickets.ts';
import { clerk, hallWorld, META, OFFICE } from '../hall/fixtures.ts';
import type { hallTimes } from '../../../shared/hall/figures.ts';
import * as hall from '../../../shared/hall/responses.ts';
import type { getCalendarYear, saveCalendarYear } from '../../../shared/calendar/years.ts';
import type { dueDate } from '../../../shared/calendar/due-date.ts';
import { calendarYearResponse, calendarYearSavedResponse, dueDateResponse } from '../../../shared/calendar/responses.ts';
import type { listFeed } from '../../../shared/ratings/feed.ts';
import { feedListResponse } from '../../../shared/ratings/responses.ts';
import type { rejectedRecords } from '../../../shared/exchange/admin.ts';
import { rejectedResponse } from '../../../shared/exchange/schemas.ts';
import { buildIndex } from '../../../shared/catalog/search-index.ts';
import { searchFieldsOf } from '../../../shared/catalog/search-fields.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';

/**
 * The published response shapes are what the server answers: each use case's result type must fit
 * its schema (checked by `npm run typecheck`, which covers this file), so a server change that
 * leaves the contract fails before the document does. The web takes its types from the schemas.
 */
type Answer<F extends (...a: never[]) => unknown> = Awaited<ReturnType<F>>;

describe('published response schemas', () => {
  it('fit what the use cases return (compile time)', () => {
    expectTypeOf<Answer<typeof listCases>>().toExtend<z.input<typeof casesListResponse>>();
    expectTypeOf<Answer<typeof listInbox>>().toExtend<z.input<typeof inboxResponse>>();
    expectTypeOf<SearchResponse>().toExtend<z.input<typeof itemsSearchResponse>>();
    expectTypeOf<Answer<typeof listTodos>>().toEqualTypeOf<z.output<typeof todoListResponse>>();
    expectTypeOf<Answer<typeof getArchive>>().toExtend<z.input<typeof caseArchiveResponse>>();
    expectTypeOf<Answer<typeof searchArchive>>().toExtend<z.input<typeof archiveSearchResponse>>();
    expectTypeOf<Answer<typeof destructionList>>().toExtend<z.input<typeof archiveSearchResponse>>();
    expectTypeOf<Answer<typeof disclosedRatings>>().toEqualTypeOf<z.output<typeof disclosedRatingsResponse>>();
    expectTypeOf<Answer<typeof disclosedResults>>().toEqualTypeOf<z.output<typeof disclosedResultsResponse>>();
    expectTypeOf<Answer<typeof rejectedRecords>>().toExtend<z.input<typeof rejectedResponse>>();
    expectTypeOf<Answer<typeof listFeed>>().toExtend<z.input<typeof feedListResponse>>();
  });

  it('fit what the hall and the calendar answer (compile time)', () => {
    expectTypeOf<ReturnType<typeof hallList>>().toExtend<z.input<typeof hall.hallListResponse>>();
    expectTypeOf<ReturnType<typeof hallInfo>>().toExtend<z.input<typeof hall.hallOfficeResponse>>();
    expectTypeOf<Answer<typeof listSlots>>().toExtend<z.input<typeof hall.slotsResponse>>();
    expectTypeOf<Answer<typeof bookAppointment>>().toExtend<z.input<typeof hall.appointmentResponse>>();
    expectTypeOf<Answer<typeof cancelAppointment>>().toExtend<z.input<typeof hall.appointmentResponse>>();
    expectTypeOf<Answer<typeof appointmentsOfDay>>().toExtend<z.input<typeof hall.appointmentsResponse>>();
    expectTypeOf<Answer<typeof issueTicket>>().toExtend<z.input<typeof hall.ticketIssuedResponse>>();
    expectTypeOf<Answer<typeof screenCalls>>().toExtend<z.input<typeof hall.screenResponse>>();
    expectTypeOf<Answer<typeof windowState>>().toExtend<z.input<typeof hall.windowStateResponse>>();
    expectTypeOf<Answer<typeof chooseWindow>>().toExtend<z.input<typeof hall.seatResponse>>();
    expectTypeOf<{ ticket: NonNullable<Answer<typeof callNext>['ticket']> }>().toExtend<z.input<typeof hall.ticketResponse>>();
    expectTypeOf<Answer<typeof linkCaseToTicket>>().toExtend<z.input<typeof hall.ticketResponse>>();
    expectTypeOf<Answer<typeof hallTimes>>().toExtend<z.input<typeof hall.hallTimesResponse>>();
    expectTypeOf<Answer<typeof getCalendarYear>>().toExtend<z.input<typeof calendarYearResponse>>();
    expectTypeOf<{ year: Answer<typeof saveCalendarYear> }>().toExtend<z.input<typeof calendarYearSavedResponse>>();
    expectTypeOf<Answer<typeof dueDate>>().toExtend<z.input<typeof dueDateResponse>>();
  });

  it('name only routes of the table', () => {
    const names = new Set<string>(ROUTES.map((r) => r.name));
    expect(Object.keys(RESPONSES).filter((n) => !names.has(n))).toEqual([]);
  });

  it('accept a real search answer, string lengths included (run time)', () => {
    const index = buildIndex(
      demoItems().map((item) => ({ item, version: 1, search: searchFieldsOf(item) })),
      7,
    );
    for (const q of ['身份证', 'sfz', '低保', '没有这个事项xyz']) {
      const answer: SearchResponse = { ...index.search({ q }), catalogVersion: 7 };
      expect(itemsSearchResponse.safeParse(answer).error, q).toBeUndefined();
    }
  });

  it('accept the hall’s real answers, a day from booking to a call (run time)', async () => {
    const { ports, setNow } = hallWorld('2026-12-07T01:00:00Z');
    const fits = (schema: z.ZodType, answer: unknown, what: string) => expect(schema.safeParse(answer).error, what).toBeUndefined();
    fits(hall.hallListResponse, hallList(ports), 'halls');
    fits(hall.hallOfficeResponse, hallInfo(ports, OFFICE), 'hall');
    const slots = await listSlots(ports, OFFICE, { from: '2026-12-07', days: 7, group: 'general' });
    fits(hall.slotsResponse, slots, 'slots');
    const slot = slots.days.at(-1)!.slots[0]!;
    const booked = await bookAppointment(ports, { officeId: OFFICE, slotId: slot.id, itemCode: 'GEN-1', name: '张三', phone: '13800000000' }, META);
    fits(hall.appointmentResponse, booked, 'booked');
    setNow(new Date(Date.parse(slot.start) - 10 * 60_000).toISOString());
    fits(hall.appointmentsResponse, await appointmentsOfDay(ports, OFFICE), 'appointments');
    fits(hall.ticketIssuedResponse, await issueTicket(ports, OFFICE, { appointmentCode: booked.appointment.code }, META), 'slip');
    const p = clerk('u-1');
    fits(hall.seatResponse, await chooseWindow(ports, p, '1'), 'seat');
    fits(hall.ticketResponse, await callNext(ports, p, {}, META), 'called');
    fits(hall.windowStateResponse, await windowState(ports, p), 'window');
    fits(hall.screenResponse, await screenCalls(ports, OFFICE), 'screen');
  });

  it('document the exchange status as its contract says', () => {
    const doc = buildOpenApi([routeByName('exchange-status')], () => ({}), responseOf);
    const ok = doc.paths['/api/exchange/status']!.get!.responses['200'] as { content: Record<string, { schema: JsonSchema }> };
    const schema = ok.content['application/json']!.schema;
    expect(schema.required).toEqual(['day', 'pushed', 'acknowledged', 'rejected', 'pending', 'records']);
    const record = (schema.properties as Record<string, { items: JsonSchema }>).records!.items;
    expect(record.required).toEqual(['caseNumber', 'stage', 'status']);
    expect((record.properties as Record<string, JsonSchema>).stage!.enum).toEqual([
      'accepted',
      'supplement',
      'refused',
      'forwarded',
      'decided',
      'delivered',
      'rated',
    ]);
    expect((record.properties as Record<string, JsonSchema>).status!.enum).toEqual(['pending', 'acknowledged', 'rejected']);
  });
});
