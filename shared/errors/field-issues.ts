import type { FieldIssue } from './domain-errors.ts';

/** The part of a zod error this needs (structural: the web bundles no zod error classes for it). */
interface IssueList {
  readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[];
}

/**
 * The one mapping from zod issues to field issues: a dotted path (`materials.2.name`) the web puts
 * under the field of that name, and zod's Chinese message. `prefix` places a nested part's issues.
 */
export const fieldIssues = (err: IssueList, prefix: readonly (string | number)[] = []): FieldIssue[] =>
  err.issues.map((i) => ({ path: [...prefix, ...i.path].map(String).join('.'), message: i.message }));

/** `请求内容有误：applicant.name 不能为空` — the first issue, named by its field, after what was wrong. */
export const issuesSummary = (where: string, fields: readonly FieldIssue[]): string => {
  const first = fields[0];
  return first ? `${where}有误：${first.path || '内容'} ${first.message}` : `${where}有误`;
};
