import { httpHandler } from '../../shared/http/handler.ts';
import { directoryStore } from '../../shared/identity/directory-store.ts';

/** GET /api/offices: the county's office tree (flat, with parent ids). */
export const handler = httpHandler('offices-list', {}, async () => ({
  body: { offices: (await directoryStore.offices()).sort((a, b) => a.id.localeCompare(b.id)) },
}));
