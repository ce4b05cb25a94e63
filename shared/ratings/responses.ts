import * as z from 'zod';

/**
 * The public disclosure (六公开) as published (shared/openapi/responses.ts): the results of the
 * last days and the monthly 好差评 per office. One definition: the server's types are these.
 */
export const disclosedResultSchema = z.object({
  number: z.string().max(50).meta({ description: '受理编号，日期与序号打码' }),
  itemName: z.string().max(200),
  officeName: z.string().max(200),
  acceptedOn: z.string().max(10).optional(),
  decidedOn: z.string().max(10),
  onTime: z.boolean(),
});
export type DisclosedResult = z.infer<typeof disclosedResultSchema>;

export const disclosedResultsResponse = z.object({
  publishedAt: z.string().max(40),
  days: z.number().int().min(0),
  results: z.array(disclosedResultSchema).max(1000),
});
export type DisclosedResults = z.infer<typeof disclosedResultsResponse>;

export const disclosedOfficeRatingsSchema = z.object({
  officeName: z.string().max(200),
  count: z.number().int().min(0),
  satisfied: z.number().int().min(0),
  bad: z.number().int().min(0),
  rectified: z.number().int().min(0),
  satisfactionRate: z.number().min(0).max(1).nullable(),
  rectificationRate: z.number().min(0).max(1).nullable(),
});
export type DisclosedOfficeRatings = z.infer<typeof disclosedOfficeRatingsSchema>;

export const disclosedRatingsResponse = z.object({
  publishedAt: z.string().max(40),
  month: z.string().max(7),
  offices: z.array(disclosedOfficeRatingsSchema).max(1000),
});
export type DisclosedRatings = z.infer<typeof disclosedRatingsResponse>;

/** `GET /api/ratings/feed`: the provincial feed's files (省级上报) by day, newest first. */
export const feedDaySchema = z.object({
  day: z.string().max(10),
  files: z.array(z.object({ file: z.string().max(100), size: z.number().int().min(0), lastModified: z.string().max(40) })).max(10),
});
export type FeedDay = z.infer<typeof feedDaySchema>;
export const feedListResponse = z.object({ days: z.array(feedDaySchema).max(5000) });
export type FeedList = z.infer<typeof feedListResponse>;
