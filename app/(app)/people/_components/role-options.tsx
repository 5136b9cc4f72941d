import { PERSON_ROLES, type PersonRole } from "@/lib/people/schemas";

const ROLE_OPTION: Record<PersonRole, string> = {
  admin: "Admin: keeps the catalog, people and settings",
  manager: "Manager: reviews their team's cells every week",
  viewer: "Viewer: reads everything, changes nothing",
  none: "None: can own cells, never signs in",
};

export function RoleOptions() {
  return PERSON_ROLES.map((role) => (
    <option key={role} value={role}>
      {ROLE_OPTION[role]}
    </option>
  ));
}
