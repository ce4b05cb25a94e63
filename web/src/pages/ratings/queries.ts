import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shell/api.ts';
import type { Level } from '@shared/ratings/model.ts';
import type { DisclosedRatings, DisclosedResults, FeedDay, FeedList } from '@shared/ratings/responses.ts';
import type { EvaluatorPending, PublicRatingState, PublicRatingView, RatingStats, StaffRatingView, TaskView } from '@shared/ratings/views.ts';

/** Every key holds every parameter. */
export const ratingKeys = {
  publicState: (number: string, key: string) => ['public-rating', { number, key }] as const,
  evaluator: ['ratings', 'evaluator'] as const,
  tasks: ['ratings', 'tasks'] as const,
  taskList: (view: string, month: string) => ['ratings', 'tasks', 'list', { view, month }] as const,
  task: (caseId: string) => ['ratings', 'tasks', 'detail', caseId] as const,
  stats: (month: string) => ['ratings', 'stats', month] as const,
  feed: ['ratings', 'feed'] as const,
  disclosedResults: ['disclosure', 'results'] as const,
  disclosedRatings: (month: string) => ['disclosure', 'ratings', month] as const,
};

/** One day's files of the provincial feed (省级上报): the published shape. */
export type { FeedDay };

export const useFeedDays = () => useQuery({ queryKey: ratingKeys.feed, queryFn: ({ signal }) => api<FeedList>('/api/ratings/feed', { signal }) });

/** 办结公示 and 好差评公示 (public, no login). */
export const useDisclosedResults = () =>
  useQuery({ queryKey: ratingKeys.disclosedResults, queryFn: ({ signal }) => api<DisclosedResults>('/api/public/disclosure/results', { signal }) });

export const useDisclosedRatings = (month: string) =>
  useQuery({
    queryKey: ratingKeys.disclosedRatings(month),
    queryFn: ({ signal }) => api<DisclosedRatings>(`/api/public/disclosure/ratings?month=${encodeURIComponent(month)}`, { signal }),
  });

/** The citizen's key: the last four phone digits or the receipt's query code. */
export type CitizenKey = { phone4: string } | { code: string };
const keyQuery = (k: CitizenKey) => ('code' in k ? `code=${encodeURIComponent(k.code)}` : `phone4=${encodeURIComponent(k.phone4)}`);
const keyText = (k: CitizenKey | null) => (k ? ('code' in k ? `c:${k.code}` : `p:${k.phone4}`) : '');

export const usePublicRatingState = (number: string, key: CitizenKey | null) =>
  useQuery({
    queryKey: ratingKeys.publicState(number, keyText(key)),
    queryFn: ({ signal }) => api<PublicRatingState>(`/api/public/cases/${encodeURIComponent(number)}/rating?${keyQuery(key!)}`, { signal }),
    enabled: key !== null && Boolean(number),
    retry: false,
  });

export interface RatingInput {
  level: Level;
  reason?: string;
}

export const useRateCase = (number: string, key: CitizenKey | null, channel: 'qr' | 'web') => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: RatingInput) =>
      api<{ rating: PublicRatingView }>(`/api/public/cases/${encodeURIComponent(number)}/rating`, { method: 'POST', json: { ...key, ...v, channel } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['public-rating'] }),
    meta: { handlesError: true },
  });
};

export const useFollowUp = (number: string, key: CitizenKey | null) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { text: string; level?: Level; reason?: string }) =>
      api<{ rating: PublicRatingView }>(`/api/public/cases/${encodeURIComponent(number)}/rating/follow-up`, { method: 'POST', json: { ...key, ...v } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['public-rating'] }),
    meta: { handlesError: true },
  });
};

/** The tablet asks every two seconds what the clerk pushed. */
export const useEvaluator = (paused: boolean) =>
  useQuery({
    queryKey: ratingKeys.evaluator,
    queryFn: ({ signal }) => api<{ pending: EvaluatorPending | null }>('/api/ratings/evaluator', { signal }),
    refetchInterval: paused ? false : 2000,
  });

export const usePushToEvaluator = () =>
  useMutation({ mutationFn: (caseId: string) => api<{ pending: EvaluatorPending }>('/api/ratings/evaluator', { method: 'POST', json: { caseId } }) });

export const useWindowRating = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: RatingInput & { caseId: string }) =>
      api<{ rating: PublicRatingView }>('/api/ratings', { method: 'POST', json: { ...v, channel: 'window' } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ratingKeys.evaluator }),
    meta: { handlesError: true },
  });
};

export const useTasks = (view: 'open' | 'appealed' | 'closed', month: string) =>
  useQuery({
    queryKey: ratingKeys.taskList(view, month),
    queryFn: ({ signal }) => api<{ tasks: TaskView[] }>(`/api/ratings/tasks?view=${view}${view === 'closed' ? `&month=${month}` : ''}`, { signal }),
  });

export const useTask = (caseId: string) =>
  useQuery({
    queryKey: ratingKeys.task(caseId),
    queryFn: ({ signal }) => api<{ task: TaskView; rating: StaffRatingView }>(`/api/ratings/tasks/${encodeURIComponent(caseId)}`, { signal }),
  });

export type TaskAction = 'callback' | 'rectify' | 'appeal' | 'appeal/decision';

/** An action on the version the head saw; the task and the lists reload. */
export const useTaskAction = (caseId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, values }: { action: TaskAction; values: Record<string, unknown> }) =>
      api<{ task: TaskView; rating: StaffRatingView }>(`/api/ratings/tasks/${encodeURIComponent(caseId)}/${action}`, { method: 'POST', json: values }),
    onSuccess: () => client.invalidateQueries({ queryKey: ratingKeys.tasks }),
    meta: { handlesError: true },
  });
};

/** The applicant's whole phone for the 回访: asked on purpose, audited on the case (never cached or refetched). */
export const useCallbackPhone = (caseId: string) =>
  useMutation({
    mutationFn: () => api<{ phone: string }>(`/api/ratings/tasks/${encodeURIComponent(caseId)}/phone`, { method: 'POST' }),
  });

export const useStats = (month: string) =>
  useQuery({ queryKey: ratingKeys.stats(month), queryFn: ({ signal }) => api<RatingStats>(`/api/ratings/stats?month=${month}`, { signal }) });
