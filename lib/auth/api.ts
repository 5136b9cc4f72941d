import "server-only";
import { toAppError } from "@/lib/api/to-app-error";
import { HTTP_STATUS } from "@/lib/errors";
import { getCurrentUser, type CurrentUser } from "./session";

type RouteHandler<Context> = (request: Request, context: Context & { user: CurrentUser }) => Promise<Response>;

/**
 * Route handlers are machine endpoints: a missing session answers 401 with JSON, never a redirect, and
 * a failure answers JSON with its status (503 when the database went away during the request).
 */
export function withApiUser<Context extends object>(handler: RouteHandler<Context>) {
  return async (request: Request, context: Context): Promise<Response> => {
    try {
      const user = await getCurrentUser();
      if (!user) return Response.json({ error: "unauthenticated", message: "Sign in first." }, { status: 401 });
      return await handler(request, { ...context, user });
    } catch (error) {
      const appError = toAppError(error);
      return Response.json({ error: appError.code, message: appError.message }, { status: HTTP_STATUS[appError.code] });
    }
  };
}
