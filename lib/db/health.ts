import { getPrisma } from "./client";

export async function checkDatabase(): Promise<boolean> {
  try {
    await getPrisma().$queryRaw`SELECT 1`;
    return true;
  } catch (error) {
    console.error("Database health check failed:", error instanceof Error ? error.message : error);
    return false;
  }
}
