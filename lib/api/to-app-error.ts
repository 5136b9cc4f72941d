import { isDatabaseUnreachable } from "@/lib/db/connection-errors";
import { AppError } from "@/lib/errors";

/** Maps anything thrown to an AppError; unknown failures are logged here and shown as a plain sentence. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string })?.code;
  // Prisma's codes for a unique key taken concurrently and a row that vanished under us.
  if (code === "P2002") return new AppError("conflict", "That already exists: someone may have just created it.");
  if (code === "P2025") return new AppError("not-found");
  if (isDatabaseUnreachable(error)) {
    console.error("Database unreachable:", error instanceof Error ? error.message : error);
    return new AppError("unavailable");
  }
  console.error("Unexpected error in a request:", error);
  return new AppError("internal");
}
