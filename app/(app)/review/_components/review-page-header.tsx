import type { Route } from "next";
import Link from "next/link";
import { formatWeekRange } from "@/lib/review/due";
import type { ReviewHeader } from "@/lib/review/header";
import { parseIsoWeek } from "@/lib/review/iso-week";
import styles from "../review.module.css";

interface Props {
  header: ReviewHeader;
  /** Admins switch teams here; empty for everyone else. */
  teamChoices?: { id: number; name: string }[];
  currentWeek: string;
}

export function ReviewPageHeader({ header, teamChoices = [], currentWeek }: Props) {
  const week = parseIsoWeek(header.isoWeek)?.weekNumber;
  const when = header.isoWeek === currentWeek ? "this week" : null;
  return (
    <header className="page-header page-header-row">
      <div>
        <h1>Weekly review · {header.team.name}</h1>
        <p className={styles.headerMeta}>
          <span>
            Week {week} ({header.isoWeek}) · {formatWeekRange(header.opensAt, header.timeZone)}
            {when ? ` · ${when}` : ""}
          </span>
          {header.managerName ? <span>Manager: {header.managerName}</span> : null}
          {header.reopenedAt && header.status === "draft" ? <span>Reopened by an admin</span> : null}
        </p>
      </div>
      <div className="page-actions">
        {teamChoices.length > 0 ? (
          <form method="get" action="/review" className={styles.teamPicker}>
            <label className="field">
              <span>Team</span>
              <select name="team" defaultValue={String(header.team.id)}>
                {teamChoices.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button button-secondary">
              Show
            </button>
          </form>
        ) : null}
        <Link href={"/review/history" as Route} className="button button-quiet">
          History
        </Link>
      </div>
    </header>
  );
}
