import { GAP_LABEL } from "@/lib/rules/gap-labels";
import type { ReportCatalog } from "./build-report";
import { isEmptySelection, parseTeamPair, type ReportSelection } from "./selection";

/**
 * The drill-down in words, for the chip above the table: "Stale gaps held by Web Platform",
 * "Collaboration hotspots of Privacy & compliance shared by Brand & Content and Web Platform".
 * Unknown keys and ids are shown as they are, so a hand-edited link still reads sensibly.
 */
export function describeSelection(selection: ReportSelection, catalog: ReportCatalog): string | null {
  if (isEmptySelection(selection)) return null;
  const team = (id: number) => catalog.teams.find((entry) => entry.id === id)?.name ?? `team ${id}`;
  const concern = (key: string) => catalog.concerns.find((entry) => entry.key === key)?.name ?? key;
  const kind = (key: string) => catalog.kinds.find((entry) => entry.key === key)?.label ?? key;
  const gap = selection.selGap ? GAP_LABEL[selection.selGap as keyof typeof GAP_LABEL] : undefined;

  const parts: string[] = [subjectOf(selection, gap, catalog)];
  if (gap && (selection.selCell || selection.selHotspots || selection.selPair || selection.selHandoff)) parts.push(`with ${gap.toLowerCase()} gaps`);
  if (selection.selConcern) parts.push(`of ${concern(selection.selConcern)}`);
  if (selection.selKind) parts.push(`on ${kind(selection.selKind)} assets`);
  if (selection.selTeam !== undefined) parts.push(`held by ${team(selection.selTeam)}`);
  if (selection.selPerson) {
    const person = catalog.people.find((entry) => entry.email.toLowerCase() === selection.selPerson!.toLowerCase());
    parts.push(`with ${person?.name ?? selection.selPerson} accountable`);
  }
  if (selection.selPair) {
    const [marketingTeamId, itTeamId] = parseTeamPair(selection.selPair);
    parts.push(`shared by ${team(marketingTeamId)} and ${team(itTeamId)}`);
  }
  if (selection.selHandoff) {
    const [fromTeamId, toTeamId] = parseTeamPair(selection.selHandoff);
    parts.push(`handed off by ${team(fromTeamId)} to ${team(toTeamId)}`);
  }
  return parts.join(" ");
}

function subjectOf(selection: ReportSelection, gap: string | undefined, catalog: ReportCatalog): string {
  if (selection.selCell) {
    const [assetKey = "", concernKey = ""] = selection.selCell.split("/");
    const asset = catalog.assets.find((entry) => entry.key === assetKey)?.name ?? assetKey;
    const concern = catalog.concerns.find((entry) => entry.key === concernKey)?.name ?? concernKey;
    return `${asset} · ${concern}`;
  }
  if (selection.selHotspots || selection.selPair) return "Collaboration hotspots";
  if (selection.selHandoff) return "Cells";
  if (gap) return `${gap} gaps`;
  return "Cells";
}
