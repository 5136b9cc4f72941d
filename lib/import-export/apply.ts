import { notifyHolderLeft } from "@/lib/notifications/people-events";
import { revokeTokensOfPerson } from "@/lib/tokens/tokens";
import type { AuditEntry } from "@/lib/audit/record";
import { endEarlierSessions } from "@/lib/auth/session-validity";
import type { Prisma } from "@/lib/db/generated/client";
import { watchCells } from "@/lib/webhooks/cell-watch";
import { emitPeopleDeactivated } from "@/lib/webhooks/domain-events";
import {
  chunksOf,
  insertAssets,
  insertAssignments,
  insertAuditEvents,
  insertConfirmations,
  insertPeople,
  updateAssets,
  updateConfirmedAt,
  updatePeople,
} from "./bulk-writes";
import type { ImportPlan, PersonSnapshot, PlannedWrites } from "./plan-types";

type Tx = Prisma.TransactionClient;

export interface ApplyContext {
  importId: string;
  actorId: number | null;
  now: Date;
}

/**
 * Performs a valid plan's writes inside the caller's transaction, with one audit event per entity
 * created, updated or ended and one `import.applied` event. Assignments are ended, never deleted.
 */
export async function applyWrites(tx: Tx, plan: ImportPlan, writes: PlannedWrites, context: ApplyContext): Promise<void> {
  const { actorId, now } = context;
  const audit: AuditEntry[] = [];
  const event = (entry: Omit<AuditEntry, "actorId">) => audit.push({ ...entry, actorId });
  const deactivated = writes.peopleUpdated.filter(({ before, after }) => before.active && !after.active).map(({ id }) => id);
  const reactivated = writes.peopleUpdated.filter(({ before, after }) => !before.active && after.active).map(({ id }) => id);
  const watch = await watchCells(
    tx,
    { keys: [...writes.assignmentsEnded, ...writes.assignmentsConfirmed, ...writes.assignmentsStarted], heldBy: [...deactivated, ...reactivated] },
    now,
  );

  if (writes.teams.length) {
    const created = await tx.team.createManyAndReturn({ data: writes.teams, select: { id: true, name: true, function: true } });
    for (const team of created) event({ action: "team.created", entityType: "team", entityId: team.id, after: team });
  }
  const teamId = new Map((await tx.team.findMany({ select: { id: true, name: true } })).map((team) => [team.name, team.id]));
  const personData = (person: PersonSnapshot) => ({
    name: person.name,
    teamId: person.team === null ? null : teamId.get(person.team)!,
    role: person.role,
    deactivatedAt: person.deactivatedAt,
  });
  await insertPeople(tx, writes.peopleCreated.map((person) => ({ email: person.email, ...personData(person) })), now);
  for (const person of writes.peopleCreated) event({ action: "person.created", entityType: "person", entityId: person.email, after: person });
  await updatePeople(tx, writes.peopleUpdated.map(({ id, after }) => ({ id, ...personData(after) })), now);
  // A person reactivated or given another role by the import loses the sessions they had before, as in the app.
  const sessionsEnded = writes.peopleUpdated.filter(({ before, after }) => (!before.active && after.active) || before.role !== after.role);
  await endEarlierSessions(tx, sessionsEnded.map(({ id }) => id), now);
  for (const { before, after } of writes.peopleUpdated) {
    const action = before.active && !after.active ? "person.deactivated" : !before.active && after.active ? "person.reactivated" : "person.updated";
    event({ action, entityType: "person", entityId: after.email, before, after });
  }

  const kindId = new Map((await tx.assetKind.findMany({ select: { id: true, key: true } })).map((kind) => [kind.key, kind.id]));
  const assetData = ({ kind, ...asset }: PlannedWrites["assetsCreated"][number]) => ({ ...asset, kindId: kindId.get(kind)! });
  await insertAssets(tx, writes.assetsCreated.map(assetData), now);
  for (const asset of writes.assetsCreated) event({ action: "asset.created", entityType: "asset", entityId: asset.key, after: asset });
  await updateAssets(tx, writes.assetsUpdated.map(({ id, after }) => ({ id, ...assetData(after) })), now);
  for (const { before, after } of writes.assetsUpdated) {
    const action = before.lifecycle !== "retired" && after.lifecycle === "retired" ? "asset.retired" : "asset.updated";
    event({ action, entityType: "asset", entityId: after.key, before, after });
  }

  await applyAssignmentWrites(tx, writes, context, event);
  // People the import marks as left are announced as in the app, on the cells they still hold after it, and
  // their API tokens end as in the app.
  for (const id of deactivated) {
    await notifyHolderLeft(tx, id, now);
    await revokeTokensOfPerson(tx, id, now);
  }
  await watch?.emit(now);
  await emitPeopleDeactivated(tx, deactivated, now);

  event({
    action: "import.applied",
    entityType: "import",
    entityId: context.importId,
    after: {
      files: plan.files.map(({ errors: _errors, ...counts }) => counts),
      teamsCreated: plan.teamsCreated,
    },
  });
  await insertAuditEvents(tx, audit);
}

async function applyAssignmentWrites(
  tx: Tx,
  writes: PlannedWrites,
  { actorId, now }: ApplyContext,
  event: (entry: Omit<AuditEntry, "actorId">) => void,
): Promise<void> {
  const { assignmentsEnded: ended, assignmentsConfirmed: confirmed, assignmentsStarted: started } = writes;
  if (!ended.length && !confirmed.length && !started.length) return;
  const cell = (ref: { assetKey: string; concernKey: string }) => `${ref.assetKey}/${ref.concernKey}`;

  for (const chunk of chunksOf(ended)) {
    await tx.assignment.updateMany({ where: { id: { in: chunk.map((a) => a.id) }, endedAt: null }, data: { endedAt: now, endedById: actorId } });
  }
  for (const a of ended) {
    event({
      action: "assignment.ended",
      entityType: "cell",
      entityId: cell(a),
      before: { person: a.email, role: a.role, startedAt: a.startedAt, confirmedAt: a.confirmedAt },
      after: { person: a.email, role: a.role, endedAt: now, source: "import" },
    });
  }

  await updateConfirmedAt(tx, confirmed);
  const confirmations = confirmed.map((a) => ({ assignmentId: a.id, confirmedAt: a.confirmedAt }));
  for (const a of confirmed) {
    event({
      action: "assignment.confirmed",
      entityType: "cell",
      entityId: cell(a),
      before: { person: a.email, role: a.role, confirmedAt: a.previous },
      after: { person: a.email, role: a.role, confirmedAt: a.confirmedAt, source: "import" },
    });
  }

  if (started.length) {
    const [people, assets, concerns] = await Promise.all([
      tx.person.findMany({ select: { id: true, email: true } }),
      tx.asset.findMany({ select: { id: true, key: true } }),
      tx.concern.findMany({ select: { id: true, key: true } }),
    ]);
    const personId = new Map(people.map((p) => [p.email, p.id]));
    const assetId = new Map(assets.map((a) => [a.key, a.id]));
    const concernId = new Map(concerns.map((c) => [c.key, c.id]));
    const created = await insertAssignments(
      tx,
      started.map((a) => ({
        assetId: assetId.get(a.assetKey)!,
        concernId: concernId.get(a.concernKey)!,
        personId: personId.get(a.email)!,
        role: a.role,
        confirmedAt: a.confirmedAt,
      })),
      { now, actorId },
    );
    for (const a of created) if (a.confirmedAt) confirmations.push({ assignmentId: a.id, confirmedAt: a.confirmedAt });
    for (const a of started) {
      event({
        action: "assignment.added",
        entityType: "cell",
        entityId: cell(a),
        after: { person: a.email, role: a.role, confirmedAt: a.confirmedAt, source: "import" },
      });
    }
  }

  await insertConfirmations(tx, confirmations, actorId);
}
