import { AppError, HTTP_STATUS, type ErrorCode, type FieldErrors } from "@/lib/errors";
import { scimErrorResponse } from "@/lib/scim/errors";
import { isScimPath } from "@/lib/scim/protocol";
import { toAppError } from "./to-app-error";

/**
 * The one JSON shape of a refusal or a failure, for every route (reads and writes) and for the proxy's
 * outage answer: `{ ok: false, code, error }`, where `error` is the sentence to show, plus the fields a form
 * needs to refill (`fieldErrors`) or to show what someone else saved first (`current`).
 */
export interface ErrorBody {
  ok: false;
  code: ErrorCode;
  error: string;
  fieldErrors?: FieldErrors;
  current?: unknown;
}

function errorBodyOf(error: AppError): ErrorBody {
  return {
    ok: false,
    code: error.code,
    error: error.message,
    ...(error.details.fieldErrors ? { fieldErrors: error.details.fieldErrors } : {}),
    ...(error.details.current !== undefined ? { current: error.details.current } : {}),
  };
}

/** Anything thrown while answering a request, as the JSON response its code calls for (logged when unexpected). */
export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  const { retryAfterSeconds } = appError.details;
  return Response.json(errorBodyOf(appError), {
    status: HTTP_STATUS[appError.code],
    headers: {
      ...(retryAfterSeconds !== undefined ? { "retry-after": String(retryAfterSeconds) } : {}),
      // RFC 6750: a refused token is told how to authenticate.
      ...(appError.code === "unauthenticated" ? { "www-authenticate": 'Bearer realm="tandem"' } : {}),
    },
  });
}

/** The route wrappers' answer to a failure: SCIM's own error format on /scim/v2 (RFC 7644 section 3.12), the app's elsewhere. */
export function errorResponseFor(request: Request, error: unknown): Response {
  return isScimPath(new URL(request.url).pathname) ? scimErrorResponse(toAppError(error)) : errorResponse(error);
}
