import { FUNCTION_LABEL } from "@/components/people/markers";
import type { TeamOption } from "@/lib/people/team-queries";

/** Team options grouped by function, so marketing and IT teams are told apart at a glance. */
export function TeamOptions({ teams }: { teams: TeamOption[] }) {
  return (["marketing", "it", "other"] as const).map((fn) => {
    const group = teams.filter((team) => team.function === fn);
    return group.length === 0 ? null : (
      <optgroup key={fn} label={FUNCTION_LABEL[fn]}>
        {group.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </optgroup>
    );
  });
}
