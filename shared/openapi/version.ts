/**
 * The version of the published API contract (docs/openapi.json). Raise the major for a change that
 * breaks a published request or response shape (test/unit/openapi/compat.test.ts says which);
 * the minor for additions, when they are published (`npm run openapi:publish`).
 */
export const API_VERSION = '1.0.0';
export const API_TITLE = '便民 Bianmin API';
