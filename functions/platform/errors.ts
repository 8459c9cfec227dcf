import type { Shown } from './shown.ts';

/**
 * Named errors the domain and store code throw; `problemFor` (in problem.ts) turns each into
 * problem+json. `name` is a literal so it survives minification.
 */
export interface FieldError {
  field: string;
  reason: string;
}

export class InvalidRequest extends Error {
  override readonly name = 'InvalidRequest';
  constructor(
    readonly errors: FieldError[],
    message = 'The request has invalid fields',
  ) {
    super(message);
  }
}

export class Unauthorized extends Error {
  override readonly name = 'Unauthorized';
}

export class Forbidden extends Error {
  override readonly name = 'Forbidden';
}

/**
 * The caller's agency has been deactivated, or their own access withdrawn (functions/platform/access.ts):
 * a refusal on every route, with a problem type of its own so the web front end can say what happened.
 */
export class AccessWithdrawn extends Forbidden {
  constructor(
    readonly reason: 'agency-deactivated' | 'access-suspended',
    message: string,
  ) {
    super(message);
  }

  get title(): string {
    return this.reason === 'agency-deactivated'
      ? 'Your agency no longer has access to the portal'
      : 'Your access to the portal has been withdrawn';
  }
}

/** Also what another agency's record answers, so its existence is not revealed. */
export class NotFound extends Error {
  override readonly name = 'NotFound';
}

/**
 * A write against a stale version, or a state that no longer allows it. `current` is sent back, as
 * the caller may see it (shown.ts): a store that meets a conflict throws one without it and leaves
 * the app to re-read and show the record to that caller.
 */
export class Conflict extends Error {
  override readonly name = 'Conflict';
  constructor(
    message: string,
    readonly current?: Shown<unknown>,
  ) {
    super(message);
  }
}

/** A request that is well-formed but breaks a rule (422). */
export class Unprocessable extends Error {
  override readonly name = 'Unprocessable';
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

/** A body sent as something other than JSON to a route that takes JSON (415). */
export class UnsupportedMediaType extends Error {
  override readonly name = 'UnsupportedMediaType';
}

/** `If-Match` missing on a write to an existing record (428). */
export class PreconditionRequired extends Error {
  override readonly name = 'PreconditionRequired';
}

/** The store is throttled or unreachable: the client should retry later (503 + Retry-After). */
export class Unavailable extends Error {
  override readonly name = 'Unavailable';
  constructor(
    message = 'The service is busy',
    readonly retryAfterSeconds = 2,
  ) {
    super(message);
  }
}

const RETRYABLE_STORE_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'ServiceUnavailable',
  'InternalServerError',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'TransactionInProgressException',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
]);

/**
 * Why DynamoDB cancels a transaction when the cause is passing: an item or index was throttled, or
 * another transaction held an item. The SDK does not retry a cancelled transaction.
 */
const RETRYABLE_CANCELLATIONS = new Set([
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
  'TransactionConflict',
]);

/** True for a failure of the store that a later retry may not meet (throttling, outage, timeout). */
export function isStoreUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  const retryable = (error as { $retryable?: unknown }).$retryable;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  return (
    RETRYABLE_STORE_ERRORS.has(error.name) ||
    (typeof code === 'string' && RETRYABLE_STORE_ERRORS.has(code)) ||
    retryable !== undefined ||
    (error.name === 'TransactionCanceledException' &&
      (reasons ?? []).some((r) => r.Code !== undefined && RETRYABLE_CANCELLATIONS.has(r.Code)))
  );
}
