/**
 * A secret's JSON object of strings (a provider's keys): the port a context's credentials are. In
 * AWS it is a Secrets Manager secret (shared/aws/secret-json.ts); locally, and in unit tests, it is
 * held in memory (staticSecret).
 */
export interface JsonSecret {
  get(): Promise<Record<string, string>>;
}

/** A secret held in memory: the demo keys of the local fake providers, or any keys in a test. A copy each time, so no caller changes it for the next. */
export const staticSecret = (values: Readonly<Record<string, string>>): JsonSecret => ({ get: async () => ({ ...values }) });
