import "server-only";
import { getCurrentUser, type CurrentUser } from "./session";

type RouteHandler<Context> = (request: Request, context: Context & { user: CurrentUser }) => Promise<Response>;

/** Route handlers are machine endpoints: a missing session answers 401 with JSON, never a redirect. */
export function withApiUser<Context extends object>(handler: RouteHandler<Context>) {
  return async (request: Request, context: Context): Promise<Response> => {
    const user = await getCurrentUser();
    if (!user) return Response.json({ error: "unauthenticated", message: "Sign in first." }, { status: 401 });
    return handler(request, { ...context, user });
  };
}
