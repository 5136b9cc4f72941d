import { PeopleTable } from "@/components/people/people-table";
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
        <PeopleTable people={members} loads={loads} timeZone={timeZone} testId="team-members" />
      )}
    </section>
  );
}
