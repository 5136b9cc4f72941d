import type { Route } from "next";
import Link from "next/link";
import { LeftBadge, LoadFigure, ROLE_LABEL } from "@/components/people/markers";
import { formatDay } from "@/lib/catalog/format";
import type { TeamDetail } from "@/lib/people/team-queries";
import type { PersonLoad } from "@/lib/rules";

export function TeamMembers({
  members,
  loads,
  timeZone,
}: {
  members: TeamDetail["members"];
  loads: Map<number, PersonLoad>;
  timeZone: string;
}) {
  return (
    <section className="panel" aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      {members.length === 0 ? (
        <p className="muted">Nobody is in this team yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="team-members">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col" className="numeric">
                  Accountable cells
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => {
                const load = loads.get(member.id);
                return (
                  <tr key={member.id}>
                    <td>
                      <Link href={`/people/${member.id}` as Route}>{member.name}</Link>
                      <div className="muted">{member.email}</div>
                    </td>
                    <td>{ROLE_LABEL[member.role]}</td>
                    <td>
                      {member.deactivatedAt ? (
                        <LeftBadge on={formatDay(member.deactivatedAt, timeZone)} />
                      ) : (
                        "Active"
                      )}
                    </td>
                    <td className="numeric">
                      <LoadFigure load={load} left={member.deactivatedAt !== null} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
