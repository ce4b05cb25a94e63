import { MutationCache, QueryClient } from '@tanstack/react-query';
import { ApiError, errorText } from './api.ts';
import { notifyError } from './notify.ts';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: Error;
    /** `handlesError`: the caller shows the error itself (field errors on a form, an Alert). */
    mutationMeta: { handlesError?: boolean };
  }
}

/** Worth another try: the network dropped or a gateway hiccuped (a village station's link is weak). */
const transient = (e: unknown): boolean => e instanceof ApiError && (e.status === 0 || e.status === 502 || e.status === 503 || e.status === 504);

/**
 * The one fetching layer. Queries are cached by keys that hold every parameter, retried once on
 * a transient failure, never refetched behind a form on focus. A mutation that fails shows a
 * message unless its caller said it shows the error itself.
 */
export const createQueryClient = (): QueryClient =>
  new QueryClient({
    defaultOptions: {
      queries: { retry: (n, e) => n < 1 && transient(e), refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
    mutationCache: new MutationCache({
      onError: (e, _v, _c, mutation) => {
        if (!mutation.meta?.handlesError) notifyError(errorText(e));
      },
    }),
  });
