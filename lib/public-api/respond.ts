/** The answers of /api/v1: the resource itself as JSON (errors keep the app's one shape, lib/api/error-response.ts). */
export const answer = (body: unknown): Response => Response.json(body);
export const created = (body: unknown): Response => Response.json(body, { status: 201 });
