import type { Route } from "next";
import Link from "next/link";
import { formatDay } from "@/lib/catalog/format";
import type { PersonRole } from "@/lib/people/schemas";
import type { PersonLoad } from "@/lib/rules";
import { LeftBadge, LoadFigure } from "./markers";
import styles from "./people.module.css";

const ROLE_WORD = { admin: "Admin", manager: "Manager", viewer: "Viewer", none: "None" } as const;

interface PersonRow {
  id: number;
  name: string;
  email: string;
  role: PersonRole;
  deactivatedAt: Date | null;
  team?: { id: number; name: string } | null;
}

/** People with their role, whether they left and the cells they are accountable for; their team too, outside a team's page. */
export function PeopleTable({
  people,
  loads,
  timeZone,
  withTeam = false,
  testId,
}: {
  people: PersonRow[];
  loads: Map<number, PersonLoad>;
  timeZone: string;
  withTeam?: boolean;
  testId: string;
}) {
  return (
    <div className="table-wrap">
      {/* Its fixed column widths are for the five columns with the team. */}
      <table className={withTeam ? `data-table ${styles.peopleTable}` : "data-table"} data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">Person</th>
            {withTeam ? <th scope="col">Team</th> : null}
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col" className="numeric">
              Accountable cells
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <td>
                <Link href={`/people/${person.id}` as Route} className={styles.personName}>
                  {person.name}
                </Link>
                <div className={styles.email}>{person.email}</div>
              </td>
              {withTeam ? (
                <td>
                  {person.team ? (
                    <Link href={`/teams/${person.team.id}` as Route}>{person.team.name}</Link>
                  ) : (
                    <span className="muted">No team</span>
                  )}
                </td>
              ) : null}
              <td>{ROLE_WORD[person.role]}</td>
              <td>
                {person.deactivatedAt ? (
                  <LeftBadge on={formatDay(person.deactivatedAt, timeZone)} />
                ) : (
                  "Active"
                )}
              </td>
              <td className="numeric">
                <LoadFigure load={loads.get(person.id)} left={person.deactivatedAt !== null} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
