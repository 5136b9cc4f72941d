import type { PolicyUser } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

/** Shared by the catalog's integration tests: run a write as the route would, and catch its refusal. */

export type Tx = Prisma.TransactionClient;

export function catalogTestKit(db: { prisma: Db }) {
  const run = <T>(write: (tx: Tx) => Promise<T>) => db.prisma.$transaction(write);
  const refusal = (write: (tx: Tx) => Promise<unknown>) =>
    run(write).then(
      () => {
        throw new Error("the write was not refused");
      },
      (error: unknown) => {
        if (!(error instanceof AppError)) throw error;
        return error;
      },
    );
  const userOf = async (email: string): Promise<PolicyUser> => {
    const person = await db.prisma.person.findUniqueOrThrow({ where: { email }, include: { team: true } });
    return { id: person.id, role: person.role as PolicyUser["role"], teamId: person.teamId, teamFunction: person.team?.function ?? null };
  };
  /** Every row a catalog write could touch, to prove a refused write changed nothing. */
  const catalogState = async () => ({
    assets: await db.prisma.asset.findMany({ orderBy: { id: "asc" } }),
    kinds: await db.prisma.assetKind.findMany({ orderBy: { id: "asc" } }),
    concerns: await db.prisma.concern.findMany({ orderBy: { id: "asc" } }),
    applicability: await db.prisma.concernApplicability.findMany({ orderBy: [{ concernId: "asc" }, { kindId: "asc" }] }),
    assignments: await db.prisma.assignment.count(),
    auditEvents: await db.prisma.auditEvent.count(),
  });
  return { run, refusal, userOf, catalogState };
}
