import { AppError, HTTP_STATUS, type ErrorCode } from "@/lib/errors";
import { SCHEMA, SCIM_CONTENT_TYPE } from "./protocol";

/**
 * SCIM's own error answer (RFC 7644 section 3.12): `{ schemas: [Error], status: "404", scimType, detail }`.
 * Tandem's AppError codes map onto SCIM's statuses; a refusal of the input names its `scimType` so the identity
 * provider can tell a bad filter from a taken userName.
 */

export type ScimType =
  | "invalidFilter"
  | "invalidPath"
  | "invalidValue"
  | "invalidSyntax"
  | "noTarget"
  | "uniqueness"
  | "mutability"
  | "tooMany";

/** An AppError that carries a scimType; its code gives the status (400 for input SCIM refuses). */
export class ScimError extends AppError {
  constructor(
    readonly scimType: ScimType,
    message: string,
    code: ErrorCode = scimType === "uniqueness" ? "conflict" : "invalid",
  ) {
    super(code, message);
  }
}

export const scimError = (scimType: ScimType, message: string) => new ScimError(scimType, message);

/** RFC 7644 answers a request it cannot use with 400, where the app's forms get 422. */
const statusOf = (code: ErrorCode) => (code === "invalid" ? 400 : HTTP_STATUS[code]);

const scimTypeOf = (error: AppError): ScimType | undefined => {
  if (error instanceof ScimError) return error.scimType;
  if (error.code === "invalid") return "invalidValue";
  if (error.code === "conflict") return "uniqueness";
  return undefined;
};

/** The detail of a refused input names its fields, as the app's forms would show them. */
function detailOf(error: AppError): string {
  const fields = Object.entries(error.details.fieldErrors ?? {}).map(
    ([field, messages]) => `${field}: ${messages.join(" ")}`,
  );
  return fields.length > 0 ? `${error.message} ${fields.join("; ")}` : error.message;
}

export function scimErrorResponse(error: AppError): Response {
  const status = statusOf(error.code);
  const scimType = scimTypeOf(error);
  const { retryAfterSeconds } = error.details;
  return new Response(
    JSON.stringify({
      schemas: [SCHEMA.error],
      status: String(status),
      ...(scimType ? { scimType } : {}),
      detail: detailOf(error),
    }),
    {
      status,
      headers: {
        "content-type": SCIM_CONTENT_TYPE,
        ...(retryAfterSeconds !== undefined ? { "retry-after": String(retryAfterSeconds) } : {}),
        ...(error.code === "unauthenticated" ? { "www-authenticate": 'Bearer realm="tandem-scim"' } : {}),
      },
    },
  );
}
