import { checkDatabase } from "@/lib/db/health";

/** Public on purpose (load balancers and docker-compose call it); it reveals nothing but up or down. */
export async function GET() {
  const healthy = await checkDatabase();
  return Response.json({ status: healthy ? "ok" : "unavailable" }, { status: healthy ? 200 : 503 });
}
