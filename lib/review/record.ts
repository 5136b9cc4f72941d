import type { PolicyUser } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Criticality, ReviewDecision } from "@/lib/rules";
import { getReviewHeader, type StoredReviewHeader } from "./header";
import { itemViewSelect, toItemView, type ItemView } from "./item-view";
import { compareReviewOrder, groupByAsset } from "./review-cells";

/** A review as it was decided: read-only, for submitted reviews, past weeks and other teams' drafts. */

export interface RecordItem extends ItemView {
  assetName: string;
  criticality: Criticality;
  concernName: string;
}

export interface ReviewRecord {
  header: StoredReviewHeader;
  groups: { assetId: number; assetKey: string; assetName: string; criticality: Criticality; items: RecordItem[] }[];
  counts: Record<ReviewDecision, number>;
}

export async function getReviewRecord(prisma: Db, reviewId: number, viewer: Pick<PolicyUser, "id" | "role" | "teamId">, now: Date): Promise<ReviewRecord | null> {
  const header = await getReviewHeader(prisma, reviewId, viewer, now);
  if (!header) return null;
  const rows = await prisma.reviewItem.findMany({
    where: { reviewId },
    select: {
      ...itemViewSelect,
      asset: { select: { key: true, name: true, criticality: true } },
      concern: { select: { key: true, name: true } },
    },
  });
  const items = rows
    .map((row): RecordItem => ({ ...toItemView(row), assetName: row.asset.name, criticality: row.asset.criticality, concernName: row.concern.name }))
    .sort((a, b) =>
      compareReviewOrder(
        { assetCriticality: a.criticality, assetKey: a.assetKey, concernKey: a.concernKey },
        { assetCriticality: b.criticality, assetKey: b.assetKey, concernKey: b.concernKey },
      ),
    );
  const counts: Record<ReviewDecision, number> = { confirm: 0, change: 0, flag: 0, handoff: 0 };
  for (const item of items) counts[item.decision]++;
  return {
    header,
    groups: groupByAsset(items).map((group) => ({
      assetId: group.assetId,
      assetKey: group.cells[0]!.assetKey,
      assetName: group.cells[0]!.assetName,
      criticality: group.cells[0]!.criticality,
      items: group.cells,
    })),
    counts,
  };
}
