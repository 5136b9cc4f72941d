import bcrypt from "bcryptjs";
import { recordAudit } from "@/lib/audit/record";
import { ensureDefaultCatalog } from "@/lib/catalog/default-catalog";
import type { Db } from "@/lib/db/client";
import { cycleWindow } from "@/lib/review/iso-week";
import { buildDemoOrganisation } from "./build-demo-organisation";
import { DEMO_PASSWORD } from "./demo-catalog";

export interface SeedResult {
  seeded: boolean;
  reason?: string;
  counts?: { teams: number; people: number; assets: number; assignments: number; reviews: number };
}

const FLAG_REASON = {
  "owner-unclear": "owner_unclear",
  "owner-leaving": "owner_leaving",
  "needs-other-team": "needs_other_team",
  other: "other",
} as const;

/**
 * Seeds the demo organisation into a database that has no people yet; never touches one that has.
 * Everything is written in one transaction, so an interrupted seed leaves the database empty.
 */
export async function seedDemoOrganisation(prisma: Db, now = new Date()): Promise<SeedResult> {
  await ensureDefaultCatalog(prisma);
  if ((await prisma.person.count()) > 0) return { seeded: false, reason: "the database already has people" };

  const demo = buildDemoOrganisation(now);
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);

  return prisma.$transaction(
    async (tx) => {
      await tx.organisationSettings.update({ where: { id: 1 }, data: { name: demo.name, timeZone: demo.timeZone } });
      await tx.team.createMany({ data: demo.teams.map((team) => ({ ...team, createdAt: demo.since })) });
      const teamId = new Map((await tx.team.findMany()).map((team) => [team.name, team.id]));
      await tx.person.createMany({
        data: demo.people.map((person) => ({
          email: person.email,
          name: person.name,
          teamId: person.team ? teamId.get(person.team)! : null,
          role: person.role as "admin" | "manager" | "viewer" | "none",
          passwordHash: person.role === "none" ? null : passwordHash,
          deactivatedAt: person.deactivatedAt,
          createdAt: demo.since,
        })),
      });
      const personId = new Map((await tx.person.findMany()).map((person) => [person.email, person.id]));
      const kindId = new Map((await tx.assetKind.findMany()).map((kind) => [kind.key, kind.id]));
      const concernId = new Map((await tx.concern.findMany()).map((concern) => [concern.key, concern.id]));

      await tx.asset.createMany({
        data: demo.assets.map((asset) => ({
          key: asset.key,
          name: asset.name,
          kindId: kindId.get(asset.kind)!,
          criticality: asset.criticality,
          lifecycle: asset.lifecycle,
          url: asset.url ?? null,
          vendor: asset.vendor,
          description: asset.description,
          createdAt: asset.createdAt,
          retiredAt: asset.retiredAt,
        })),
      });
      const assetId = new Map((await tx.asset.findMany()).map((asset) => [asset.key, asset.id]));

      const latest = (dates: Date[]) => (dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null);
      const createdAssignments = await tx.assignment.createManyAndReturn({
        data: demo.assignments.map((a) => ({
          assetId: assetId.get(a.assetKey)!,
          concernId: concernId.get(a.concernKey)!,
          personId: personId.get(a.email)!,
          role: a.role,
          startedAt: a.startedAt,
          endedAt: a.endedAt,
          confirmedAt: latest(a.confirmations.map((c) => c.at)),
          source: a.source,
          createdById: personId.get("admin@example.org")!,
        })),
        select: { id: true, assetId: true, concernId: true, personId: true, role: true, startedAt: true },
      });
      const assignmentKey = (a: { assetId: number; concernId: number; personId: number; role: string; startedAt: Date }) =>
        `${a.assetId}/${a.concernId}/${a.personId}/${a.role}/${a.startedAt.getTime()}`;
      const assignmentId = new Map(createdAssignments.map((a) => [assignmentKey(a), a.id]));

      const weeks = [...new Set(demo.reviews.map((review) => review.isoWeek))].sort();
      await tx.reviewCycle.createMany({
        data: weeks.map((isoWeek) => ({ ...cycleWindow(isoWeek, demo.timeZone), timeZone: demo.timeZone })),
      });
      const cycleId = new Map((await tx.reviewCycle.findMany()).map((cycle) => [cycle.isoWeek, cycle.id]));

      const reviewId = new Map<string, number>();
      for (const review of demo.reviews) {
        const created = await tx.review.create({
          data: {
            cycleId: cycleId.get(review.isoWeek)!,
            teamId: teamId.get(review.team)!,
            managerId: personId.get(review.managerEmail)!,
            status: review.status,
            submittedAt: review.submittedAt,
            submittedById: review.submittedAt ? personId.get(review.managerEmail)! : null,
            createdAt: review.items[0]?.decidedAt ?? cycleWindow(review.isoWeek, demo.timeZone).opensAt,
          },
        });
        reviewId.set(`${review.isoWeek}/${review.team}`, created.id);
        const items = await tx.reviewItem.createManyAndReturn({
          data: review.items.map((item) => ({
            reviewId: created.id,
            assetId: assetId.get(item.assetKey)!,
            concernId: concernId.get(item.concernKey)!,
            decision: item.decision,
            note: item.note,
            flagReason: item.flagReason ? FLAG_REASON[item.flagReason] : null,
            handoffTeamId: item.handoffTeam ? teamId.get(item.handoffTeam)! : null,
            decidedById: personId.get(item.decidedByEmail)!,
            decidedAt: item.decidedAt,
          })),
          select: { id: true, assetId: true, concernId: true },
        });
        const itemId = new Map(items.map((item) => [`${item.assetId}/${item.concernId}`, item.id]));
        const newOwners = review.items.flatMap((item) =>
          item.newOwners.map((owner) => ({
            reviewItemId: itemId.get(`${assetId.get(item.assetKey)}/${concernId.get(item.concernKey)}`)!,
            personId: personId.get(owner.email)!,
            role: owner.role,
          })),
        );
        if (newOwners.length) await tx.reviewItemNewOwner.createMany({ data: newOwners });
      }

      await tx.assignmentConfirmation.createMany({
        data: demo.assignments.flatMap((a) => {
          const id = assignmentId.get(
            assignmentKey({
              assetId: assetId.get(a.assetKey)!,
              concernId: concernId.get(a.concernKey)!,
              personId: personId.get(a.email)!,
              role: a.role,
              startedAt: a.startedAt,
            }),
          )!;
          return a.confirmations.map((confirmation) => ({
            assignmentId: id,
            confirmedAt: confirmation.at,
            confirmedById: personId.get(confirmation.byEmail)!,
            reviewId: reviewId.get(`${confirmation.isoWeek}/${demo.people.find((p) => p.email === confirmation.byEmail)?.team}`) ?? null,
            source: "review" as const,
          }));
        }),
      });

      const counts = {
        teams: demo.teams.length,
        people: demo.people.length,
        assets: demo.assets.length,
        assignments: demo.assignments.length,
        reviews: demo.reviews.length,
      };
      await recordAudit(tx, { actorId: null, action: "demo.seeded", entityType: "organisation", entityId: 1, after: { name: demo.name, ...counts } });
      return { seeded: true, counts };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
