import type { Prisma } from "@/lib/db/generated/client";
import { emitWebhookEvents, emitWhenSubscribed, findSubscribers } from "./emit";

type Tx = Prisma.TransactionClient;

/**
 * The webhook events of a submitted review and of people leaving, built from what the write knows; each reads
 * nothing more unless an enabled endpoint subscribes to its type. Cells' holders and gaps are ./cell-watch.ts's.
 */

export interface SubmittedReview {
  id: number;
  isoWeek: string;
  teamName: string;
  submittedById: number;
  submittedAt: Date;
  applied: { confirmed: number; changed: number; flagged: number; handedOff: number };
  handoffs: readonly { assetKey: string; concernKey: string; toTeamId: number }[];
}

/** `review.submitted` for the review, and one `handoff.created` per cell it hands to another team. */
export async function emitReviewSubmitted(tx: Tx, review: SubmittedReview): Promise<void> {
  const subscribers = await findSubscribers(tx, ["review.submitted", "handoff.created"]);
  if (!subscribers.wantsAny()) return;
  const [submitter, teams] = await Promise.all([
    tx.person.findUnique({ where: { id: review.submittedById }, select: { email: true } }),
    subscribers.wants("handoff.created") && review.handoffs.length > 0
      ? tx.team.findMany({
          where: { id: { in: [...new Set(review.handoffs.map((cell) => cell.toTeamId))] } },
          select: { id: true, name: true },
        })
      : [],
  ]);
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  const common = { review_id: review.id, iso_week: review.isoWeek, team: review.teamName };
  await emitWebhookEvents(
    tx,
    subscribers,
    [
      {
        type: "review.submitted",
        data: {
          ...common,
          submitted_by: submitter?.email ?? null,
          submitted_at: review.submittedAt.toISOString(),
          confirmed: review.applied.confirmed,
          changed: review.applied.changed,
          flagged: review.applied.flagged,
          handed_off: review.applied.handedOff,
        },
      },
      ...review.handoffs.map((cell) => ({
        type: "handoff.created" as const,
        data: {
          ...common,
          asset_key: cell.assetKey,
          concern_key: cell.concernKey,
          from_team: review.teamName,
          to_team: teamName.get(cell.toTeamId) ?? null,
        },
      })),
    ],
    review.submittedAt,
  );
}

/** `person.deactivated` for each person marked as left (in the app or by an import), with the cells they hold A or R on. */
export async function emitPeopleDeactivated(
  tx: Tx,
  personIds: readonly number[],
  leftAt: Date,
): Promise<void> {
  if (personIds.length === 0) return;
  await emitWhenSubscribed(
    tx,
    "person.deactivated",
    async () => {
      const [people, held] = await Promise.all([
        tx.person.findMany({
          where: { id: { in: [...personIds] } },
          orderBy: { email: "asc" },
          select: {
            id: true,
            email: true,
            name: true,
            role: true,
            deactivatedAt: true,
            team: { select: { name: true, function: true } },
          },
        }),
        tx.assignment.findMany({
          where: { personId: { in: [...personIds] }, endedAt: null, role: { in: ["A", "R"] } },
          orderBy: [{ asset: { key: "asc" } }, { concern: { key: "asc" } }, { role: "asc" }],
          select: {
            personId: true,
            role: true,
            asset: { select: { key: true } },
            concern: { select: { key: true } },
          },
        }),
      ]);
      const heldBy = new Map<number, { asset_key: string; concern_key: string; role: string }[]>();
      for (const cell of held)
        heldBy.set(cell.personId, [
          ...(heldBy.get(cell.personId) ?? []),
          { asset_key: cell.asset.key, concern_key: cell.concern.key, role: cell.role },
        ]);
      return people.map((person) => ({
        email: person.email,
        name: person.name,
        team: person.team?.name ?? null,
        function: person.team?.function ?? null,
        role: person.role,
        active: false,
        deactivated_at: (person.deactivatedAt ?? leftAt).toISOString(),
        held_cells: heldBy.get(person.id) ?? [],
      }));
    },
    leftAt,
  );
}
