import { describe, expect, it } from "vitest";
import { isDatabaseUnreachable } from "./connection-errors";

/** Shapes Prisma 7 with @prisma/adapter-pg produced when PostgreSQL was stopped or killed (see the .int test). */
function prismaError(code: string, cause: Record<string, unknown>, message = "Invalid invocation") {
  const driverAdapterError = Object.assign(new Error(String(cause.kind)), { name: "DriverAdapterError", cause });
  return Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code, meta: { driverAdapterError } });
}

describe("isDatabaseUnreachable", () => {
  it.each([
    ["a refused connection", prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 })],
    ["a closed connection", prismaError("P1017", { kind: "ConnectionClosed" })],
    ["an admin shutdown under a raw query", prismaError("P2010", { kind: "postgres", code: "57P01", originalCode: "57P01" })],
    ["an admin shutdown under a model query", prismaError("P2039", { kind: "postgres", code: "57P01", originalCode: "57P01" })],
    ["a server still starting", prismaError("P2039", { kind: "postgres", code: "57P03", originalCode: "57P03" })],
    ["a connection exception (class 08)", prismaError("P2039", { kind: "postgres", code: "08006", originalCode: "08006" })],
    ["a pool that timed out", Object.assign(new Error("Timed out fetching a new connection"), { code: "P2024" })],
    ["a killed server", new Error("Connection terminated unexpectedly")],
    ["a broken pooled client", new Error("Client has encountered a connection error and is not queryable")],
    ["a socket error from the driver", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", syscall: "connect", errno: -111 })],
    ["a wrapped cause", new Error("load failed", { cause: Object.assign(new Error("reset"), { code: "ECONNRESET" }) })],
  ])("recognises %s", (_name, error) => {
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", prismaError("P2002", { kind: "UniqueConstraintViolation" })],
    ["a failed raw query", prismaError("P2010", { kind: "postgres", code: "42P01", originalCode: "42P01" })],
    ["a serialization failure", prismaError("P2034", { kind: "TransactionWriteConflict" })],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["nothing useful", null],
    ["a string", "ECONNREFUSED"],
  ])("leaves %s alone", (_name, error) => {
    expect(isDatabaseUnreachable(error)).toBe(false);
  });

  it("stops on a cause chain that loops", () => {
    const error = new Error("outer") as Error & { cause?: unknown };
    error.cause = error;
    expect(isDatabaseUnreachable(error)).toBe(false);
  });
});
