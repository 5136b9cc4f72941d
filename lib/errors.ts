/**
 * The one error type of Tandem's server code. Its code decides the HTTP status and the sentence the
 * user sees; details for the logs stay in `cause`, never in the response.
 */
export type ErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not-found"
  | "invalid"
  | "conflict"
  | "too-large"
  | "precondition-failed"
  | "rate-limited"
  | "unavailable"
  | "internal";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  "not-found": 404,
  invalid: 422,
  conflict: 409,
  "too-large": 413,
  "precondition-failed": 412,
  "rate-limited": 429,
  unavailable: 503,
  internal: 500,
};

const DEFAULT_MESSAGE: Record<ErrorCode, string> = {
  unauthenticated: "Sign in first.",
  forbidden: "You are not allowed to do this.",
  "not-found": "It does not exist, or no longer does.",
  invalid: "Some values are not valid.",
  conflict: "Someone else changed this in the meantime.",
  "too-large": "The request is too large.",
  "precondition-failed": "It changed since you read it (If-Match): read it again, then send your change.",
  "rate-limited": "Too many requests with this token: wait a moment, then try again.",
  unavailable: "The database is not reachable right now. Try again in a moment.",
  internal: "Something went wrong on our side. Nothing was saved.",
};

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = DEFAULT_MESSAGE[code],
    readonly details: { fieldErrors?: FieldErrors; current?: unknown; cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function defaultMessage(code: ErrorCode): string {
  return DEFAULT_MESSAGE[code];
}

/** Throws a `forbidden` AppError unless the policy allowed the action. */
export function ensureAllowed(allowed: boolean, message?: string): asserts allowed {
  if (!allowed) throw new AppError("forbidden", message);
}
