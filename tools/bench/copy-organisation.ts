import type pg from "pg";
import { copyTable, CopyWriter } from "./copy-writer";
import type { BenchOrganisation } from "./organisation-types";
import { reviewRecords } from "./review-records";

/** The bench organisation's rows through COPY, with the ids the generator gave them. */

/** Teams, people, assets, review cycles and reviews: the rows everything else points to. */
export async function copyOrganisationRows(client: pg.Client, org: BenchOrganisation): Promise<void> {
  const since = org.since;
  await copyTable(client, "Team", ["id", "name", "function", "createdAt", "updatedAt"], org.teams.map((t) => [t.id, t.name, t.function, since, since]));
  await copyTable(
    client,
    "Person",
    ["id", "email", "name", "teamId", "role", "passwordHash", "deactivatedAt", "createdAt", "updatedAt"],
    org.people.map((p) => [p.id, p.email, p.name, p.teamId, p.role, p.passwordHash, p.deactivatedAt, since, p.deactivatedAt ?? since]),
  );
  await copyTable(
    client,
    "Asset",
    ["id", "key", "name", "kindId", "criticality", "lifecycle", "url", "vendor", "createdAt", "updatedAt", "retiredAt"],
    org.assets.map((a) => [a.id, a.key, a.name, a.kindId, a.criticality, a.lifecycle, a.url, a.vendor, a.createdAt, a.retiredAt ?? a.createdAt, a.retiredAt]),
  );
  await copyTable(
    client,
    "ReviewCycle",
    ["id", "isoWeek", "opensAt", "dueAt", "closesAt", "timeZone", "createdAt"],
    org.cycles.map((c) => [c.id, c.isoWeek, c.opensAt, c.dueAt, c.closesAt, org.timeZone, c.opensAt]),
  );
  await copyTable(
    client,
    "Review",
    ["id", "cycleId", "teamId", "managerId", "status", "submittedAt", "submittedById", "createdAt", "updatedAt"],
    org.reviews.map((r) => [r.id, r.cycleId, r.teamId, r.managerId, r.status, r.submittedAt, r.submittedAt ? r.managerId : null, r.createdAt, r.decidedAt]),
  );
}

/**
 * One pass over the streamed review history feeds three COPY streams, one per connection, and notes each
 * assignment's latest confirmation for its `confirmedAt`.
 */
export async function copyReviewHistory(clients: pg.Client[], org: BenchOrganisation) {
  const [first, second, third] = clients as [pg.Client, pg.Client, pg.Client];
  const items = new CopyWriter(first, "ReviewItem", [
    "id",
    "reviewId",
    "assetId",
    "concernId",
    "decision",
    "note",
    "flagReason",
    "handoffTeamId",
    "decidedById",
    "decidedAt",
  ]);
  const owners = new CopyWriter(second, "ReviewItemNewOwner", ["reviewItemId", "personId", "role"]);
  const confirmations = new CopyWriter(third, "AssignmentConfirmation", [
    "id",
    "assignmentId",
    "confirmedAt",
    "confirmedById",
    "reviewId",
    "source",
  ]);
  const latestConfirmation = new Float64Array(org.assignmentCount + 1);
  for (const record of reviewRecords(org)) {
    if (record.kind === "item") {
      const row = [
        record.id,
        record.reviewId,
        record.assetId,
        record.concernId,
        record.decision,
        record.note,
        record.flagReason,
        record.handoffTeamId,
        record.decidedById,
        record.decidedAt,
      ];
      if (items.add(row)) await items.flush();
    } else if (record.kind === "new-owner") {
      if (owners.add([record.reviewItemId, record.personId, record.role])) await owners.flush();
    } else {
      const at = record.confirmedAt.getTime();
      if (at > latestConfirmation[record.assignmentId]!) latestConfirmation[record.assignmentId] = at;
      if (
        confirmations.add([
          record.id,
          record.assignmentId,
          record.confirmedAt,
          record.confirmedById,
          record.reviewId,
          "review",
        ])
      )
        await confirmations.flush();
    }
  }
  const [reviewItems, , confirmationCount] = await Promise.all([
    items.end(),
    owners.end(),
    confirmations.end(),
  ]);
  return { reviewItems, confirmations: confirmationCount, latestConfirmation };
}

export async function copyAssignments(
  client: pg.Client,
  org: BenchOrganisation,
  latestConfirmation: Float64Array,
): Promise<void> {
  const writer = new CopyWriter(client, "Assignment", [
    "id",
    "assetId",
    "concernId",
    "personId",
    "role",
    "startedAt",
    "endedAt",
    "confirmedAt",
    "source",
    "createdById",
    "endedById",
  ]);
  for (const cell of org.cells) {
    for (const slot of cell.slots) {
      for (const spell of slot.spells) {
        const confirmed = latestConfirmation[spell.assignmentId]!;
        const row = [
          spell.assignmentId,
          cell.assetId,
          cell.concernId,
          spell.personId,
          slot.role,
          spell.startedAt,
          spell.endedAt,
          confirmed ? new Date(confirmed) : null,
          spell.source,
          spell.createdById,
          spell.endedById,
        ];
        if (writer.add(row)) await writer.flush();
      }
    }
  }
  await writer.end();
}
