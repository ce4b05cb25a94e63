/**
 * Domain errors carry a stable code and a Chinese message for the person at the window.
 * They know nothing of HTTP: shared/http/error-mapper.ts is the one place that maps them.
 */
export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `applicant.idNumber` or `materials.2.name`. */
  readonly path: string;
  readonly message: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind: 'validation' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'locked' | 'rule' | 'too-many';
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that fails a rule checkable from the input alone (400). */
export class ValidationError extends DomainError {
  readonly kind = 'validation' as const;
  constructor(
    message: string,
    readonly fields: readonly FieldIssue[] = [],
  ) {
    super('VALIDATION', message);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated' as const;
}
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden' as const;
  constructor(message = '无权执行此操作') {
    super('FORBIDDEN', message);
  }
}
export class NotFoundError extends DomainError {
  readonly kind = 'not-found' as const;
  constructor(message = '未找到') {
    super('NOT_FOUND', message);
  }
}
/** Stale version, duplicate code, already decided… (409). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict' as const;
}
/** Account locked after repeated failures (423). */
export class LockedError extends DomainError {
  readonly kind = 'locked' as const;
}
/** A business rule refuses a well-formed request (422), e.g. fees on a 不收费 item. */
export class RuleError extends DomainError {
  readonly kind = 'rule' as const;
  constructor(
    code: string,
    message: string,
    readonly fields: readonly FieldIssue[] = [],
  ) {
    super(code, message);
  }
}
export class TooManyRequestsError extends DomainError {
  readonly kind = 'too-many' as const;
}
