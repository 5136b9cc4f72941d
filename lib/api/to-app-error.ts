import { AppError } from "@/lib/errors";

/** Maps anything thrown to an AppError; unknown failures are logged here and shown as a plain sentence. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string })?.code;
  // Prisma's codes for a unique key taken concurrently and a row that vanished under us.
  if (code === "P2002") return new AppError("conflict", "That already exists: someone may have just created it.");
  if (code === "P2025") return new AppError("not-found");
  if (isConnectionFailure(error)) {
    console.error("Database unavailable:", error);
    return new AppError("unavailable");
  }
  console.error("Unexpected error in a write:", error);
  return new AppError("internal");
}

function isConnectionFailure(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""}`;
  return /ECONNREFUSED|ECONNRESET|P1001|P1017|Connection terminated|connect ETIMEDOUT/i.test(text);
}
