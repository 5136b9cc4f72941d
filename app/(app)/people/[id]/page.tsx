import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditHistory } from "@/components/history/audit-history";
import { FunctionBadge, LeftBadge, ROLE_LABEL } from "@/components/people/markers";
import { PeopleCrumbs } from "@/components/people/people-crumbs";
import styles from "@/components/people/people.module.css";
import { getInvitationState } from "@/lib/accounts/invitations";
import { canEditCatalog, canHandOverCells, canInvite } from "@/lib/auth/policy";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { formatDay } from "@/lib/catalog/format";
import {
  explainOverload,
  groupPersonCells,
  loadOwnershipFigures,
  RACI_ROLES,
  sortPersonCells,
} from "@/lib/people/figures";
import {
  getCellLabels,
  getEntityName,
  getPersonDetail,
  listAuditEvents,
} from "@/lib/people/queries";
import { parseId } from "@/lib/people/schemas";
import { getSuccession } from "@/lib/people/succession-queries";
import { EndedAssignments } from "../_components/ended-assignments";
import { InvitationState } from "../_components/invitation-state";
import { PersonCells } from "../_components/person-cells";
import { PersonLoadPanel } from "../_components/person-load";
import { StatusActions } from "../_components/status-actions";
import { SuccessionSection } from "../_components/succession-section";
import { readTimeZone } from "@/lib/settings/queries";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [user, { id }] = await Promise.all([getCurrentUser(), params]);
  return { title: (user && (await getEntityName("person", parseId(id)))) || "Person" };
}

export default async function PersonPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ handover?: string | string[] }>;
}) {
  const [user, { id: rawId }, { handover }] = await Promise.all([requireUser(), params, searchParams]);
  const id = parseId(rawId);
  if (id === null) notFound();
  const [detail, figures, timeZone, invitation] = await Promise.all([
    getPersonDetail(id),
    loadOwnershipFigures(),
    readTimeZone(),
    canInvite(user) ? getInvitationState(id) : null,
  ]);
  if (!detail) notFound();
  const { person } = detail;
  const held = groupPersonCells(figures.snapshot.cells, person.id);
  const [labels, audit] = await Promise.all([
    getCellLabels(RACI_ROLES.flatMap((role) => held[role].map((cell) => cell.assetId))),
    listAuditEvents("person", person.email),
  ]);
  const groups = sortPersonCells(held, labels);
  const load = figures.loads.get(person.id);
  const reasons = (load?.overloadReasons ?? []).map((reason) =>
    explainOverload(reason, load!, figures.snapshot, labels.concernNames),
  );
  const departedGaps = [...groups.A, ...groups.R].filter((cell) =>
    cell.gaps.some((gap) => gap.type === "inactive-owner"),
  );
  const departedCells = new Set(departedGaps.map((cell) => `${cell.assetId}:${cell.concernId}`)).size;
  const left = person.deactivatedAt !== null;
  const mayHandOver = canHandOverCells(user, person.team?.id ?? null);
  // Someone still active who is leaving: an admin or their manager opens the same section from the header.
  const holdsAOrR = groups.A.length + groups.R.length > 0;
  const succession = left || (handover !== undefined && mayHandOver) ? await getSuccession(person.id) : null;
  const offerHandOver = !left && holdsAOrR && mayHandOver && !succession && person.id !== user.id;

  return (
    <>
      <header className="page-header page-header-row">
        <div>
          <PeopleCrumbs />
          <h1 className={styles.title}>
            {person.name}{" "}
            {person.deactivatedAt ? <LeftBadge on={formatDay(person.deactivatedAt, timeZone)} /> : null}
          </h1>
          <p className="page-lede">
            {person.email}
            {person.team ? ` · ${person.team.name}` : " · no team"}
          </p>
        </div>
        {canEditCatalog(user) || offerHandOver ? (
          <div className={styles.headerActions}>
            {offerHandOver ? (
              <Link href={`/people/${person.id}?handover#succession` as Route} className={`button button-secondary ${styles.buttonLink}`}>
                Hand over their cells
              </Link>
            ) : null}
            {canEditCatalog(user) ? (
              <div className={styles.headerActions} data-testid="admin-actions">
                <Link href={`/people/${person.id}/edit` as Route} className={`button button-secondary ${styles.buttonLink}`}>
                  Edit
                </Link>
                {person.id !== user.id ? <StatusActions personId={person.id} name={person.name} left={left} /> : null}
              </div>
            ) : null}
          </div>
        ) : null}
      </header>
      {left ? (
        <div className="notice notice-warning" role="note" data-testid="left-notice">
          {person.name} left on {formatDay(person.deactivatedAt, timeZone)} and can no longer sign in. Nothing
          was deleted:{" "}
          {departedCells > 0
            ? `the ${departedCells} ${departedCells === 1 ? "cell" : "cells"} where they still hold A or R show a departed-owner gap until someone takes them over.`
            : "they hold no A or R role on any cell any more."}
        </div>
      ) : null}
      <div className={styles.twoColumns}>
        <section className="panel" aria-labelledby="details-heading">
          <h2 id="details-heading">Details</h2>
          <dl className={styles.details}>
            <dt>Email</dt>
            <dd>{person.email}</dd>
            <dt>Team</dt>
            <dd>
              {person.team ? (
                <>
                  <Link href={`/teams/${person.team.id}` as Route}>{person.team.name}</Link>{" "}
                  <FunctionBadge fn={person.team.function} />
                </>
              ) : (
                <span className="muted">No team</span>
              )}
            </dd>
            <dt>Role</dt>
            <dd data-testid="person-role">{ROLE_LABEL[person.role]}</dd>
            <dt>Status</dt>
            <dd>{left ? `Left on ${formatDay(person.deactivatedAt, timeZone)}` : "Active"}</dd>
            {person.role !== "none" ? (
              <>
                <dt>Password</dt>
                <dd>
                  {detail.hasPassword ? "Set" : <span className="muted">Not set: cannot sign in yet</span>}
                  {invitation ? <InvitationState invitation={invitation} name={person.name} personId={person.id} timeZone={timeZone} /> : null}
                </dd>
              </>
            ) : null}
            <dt>In Tandem since</dt>
            <dd>{formatDay(person.createdAt, timeZone)}</dd>
          </dl>
        </section>
        <PersonLoadPanel load={load} left={left} reasons={reasons} />
      </div>
      {succession ? (
        <SuccessionSection personId={person.id} name={person.name} left={left} view={succession} editable={mayHandOver} />
      ) : null}
      <PersonCells groups={groups} labels={labels} />
      <EndedAssignments detail={detail} timeZone={timeZone} />
      <AuditHistory audit={audit} timeZone={timeZone} headingId="history-heading" />
    </>
  );
}
