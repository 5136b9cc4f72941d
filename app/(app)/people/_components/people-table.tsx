import type { Route } from "next";
import Link from "next/link";
import { formatDay } from "@/lib/catalog/format";
import type { PersonListRow } from "@/lib/people/queries";
import type { PersonLoad } from "@/lib/rules";
import { LeftBadge, LoadFigure } from "@/components/people/markers";
import styles from "@/components/people/people.module.css";

const ROLE_WORD = { admin: "Admin", manager: "Manager", viewer: "Viewer", none: "None" } as const;

export function PeopleTable({
  people,
  loads,
  timeZone,
}: {
  people: PersonListRow[];
  loads: Map<number, PersonLoad>;
  timeZone: string;
}) {
  return (
    <div className="table-wrap">
      <table className={`data-table ${styles.peopleTable}`} data-testid="people-table">
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Team</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col" className="numeric">
              Accountable cells
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => {
            const load = loads.get(person.id);
            return (
              <tr key={person.id}>
                <td>
                  <Link href={`/people/${person.id}` as Route} className={styles.personName}>
                    {person.name}
                  </Link>
                  <div className={styles.email}>{person.email}</div>
                </td>
                <td>
                  {person.team ? (
                    <Link href={`/teams/${person.team.id}` as Route}>{person.team.name}</Link>
                  ) : (
                    <span className="muted">No team</span>
                  )}
                </td>
                <td>{ROLE_WORD[person.role]}</td>
                <td>
                  {person.deactivatedAt ? (
                    <LeftBadge on={formatDay(person.deactivatedAt, timeZone)} />
                  ) : (
                    "Active"
                  )}
                </td>
                <td className="numeric">
                  <LoadFigure load={load} left={person.deactivatedAt !== null} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
