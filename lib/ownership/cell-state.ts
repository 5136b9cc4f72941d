import type { Prisma } from "@/lib/db/generated/client";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { cellInput, evaluateCell, type EvaluatedCell, type RulePerson, type RuleSettings } from "@/lib/rules";
import { readRuleSettings } from "@/lib/settings/queries";
import { cellVersion } from "./cell-version";

type Reader = Db | Prisma.TransactionClient;

export interface CellHolderDetail {
  assignmentId: number;
  personId: number;
  personName: string;
  personEmail: string;
  teamName: string | null;
  active: boolean;
  role: "R" | "A" | "C" | "I";
  startedAt: Date;
  confirmedAt: Date | null;
}

export interface CellState {
  asset: { id: number; key: string; name: string; lifecycle: string; criticality: EvaluatedCell["assetCriticality"]; kindKey: string };
  concern: { id: number; key: string; name: string; home: EvaluatedCell["concernHome"] };
  holders: CellHolderDetail[];
  evaluated: EvaluatedCell;
  people: Map<number, RulePerson>;
  version: string;
  settings: RuleSettings;
}

/**
 * One cell as it is now, read through the caller's transaction when there is one (the edit route locks
 * the asset row first, so the version it checks is the version it writes on top of).
 */
export async function loadCellState(db: Reader, assetKey: string, concernKey: string, now: Date): Promise<CellState> {
  const [asset, concern, settings] = await Promise.all([
    db.asset.findUnique({
      where: { key: assetKey },
      select: { id: true, key: true, name: true, lifecycle: true, retiredAt: true, criticality: true, kindId: true, kind: { select: { key: true } } },
    }),
    db.concern.findUnique({
      where: { key: concernKey },
      select: { id: true, key: true, name: true, home: true, appliesTo: { select: { kindId: true } } },
    }),
    readRuleSettings(db),
  ]);
  if (!asset || !concern) throw new AppError("not-found", "There is no such asset or concern.");
  if (!concern.appliesTo.some((applicability) => applicability.kindId === asset.kindId)) {
    throw new AppError("invalid", `${concern.name} does not apply to ${asset.name}: this cell does not exist.`);
  }
  const assignments = await db.assignment.findMany({
    where: { assetId: asset.id, concernId: concern.id, endedAt: null },
    orderBy: [{ role: "asc" }, { startedAt: "asc" }],
    select: {
      id: true,
      role: true,
      startedAt: true,
      confirmedAt: true,
      person: { select: { id: true, name: true, email: true, teamId: true, deactivatedAt: true, team: { select: { name: true, function: true } } } },
    },
  });
  const latestDecision = await db.reviewItem.findFirst({
    where: { assetId: asset.id, concernId: concern.id, review: { status: "submitted" } },
    orderBy: [{ review: { submittedAt: "desc" } }, { id: "desc" }],
    select: { decision: true },
  });
  const people = new Map<number, RulePerson>(
    assignments.map(({ person }) => [
      person.id,
      {
        id: person.id,
        email: person.email,
        teamId: person.teamId,
        function: person.team?.function ?? null,
        active: person.deactivatedAt === null || person.deactivatedAt > now,
      },
    ]),
  );
  const evaluated = evaluateCell(
    cellInput(
      { ...asset, kindKey: asset.kind.key },
      concern,
      assignments.map((a) => ({ personId: a.person.id, role: a.role, confirmedAt: a.confirmedAt })),
      latestDecision?.decision ?? null,
      now,
    ),
    people,
    now,
    settings,
  );
  return {
    asset: { id: asset.id, key: asset.key, name: asset.name, lifecycle: asset.lifecycle, criticality: asset.criticality, kindKey: asset.kind.key },
    concern: { id: concern.id, key: concern.key, name: concern.name, home: concern.home },
    holders: assignments.map((a) => ({
      assignmentId: a.id,
      personId: a.person.id,
      personName: a.person.name,
      personEmail: a.person.email,
      teamName: a.person.team?.name ?? null,
      active: people.get(a.person.id)?.active ?? false,
      role: a.role,
      startedAt: a.startedAt,
      confirmedAt: a.confirmedAt,
    })),
    evaluated,
    people,
    version: cellVersion(assignments.map((a) => a.id)),
    settings,
  };
}
