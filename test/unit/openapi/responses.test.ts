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
