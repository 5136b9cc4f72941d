import { parsePage } from "@/lib/validation/page-number";
import { PERSON_ROLES, type PersonRole } from "./schemas";

/** The people list's state, all of it in the URL so a filtered page can be shared and paged. */
export interface PeopleFilters {
  /** Part of a name or an email, as typed; empty for everyone. */
  q: string;
  /** A team id, "none" for people without a team, or null for every team. */
  team: number | "none" | null;
  role: PersonRole | null;
  status: "active" | "left" | null;
  page: number;
}

export const PEOPLE_PAGE_SIZE = 25;

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/** Reads the query string leniently: an unknown value means "no filter", never an error page. */
export function parsePeopleFilters(searchParams: SearchParams): PeopleFilters {
  const team = first(searchParams.team);
  const role = first(searchParams.role);
  const status = first(searchParams.status);
  const teamId = Number(team);
  return {
    q: first(searchParams.q).trim().slice(0, 200),
    team: team === "none" ? "none" : Number.isSafeInteger(teamId) && teamId > 0 ? teamId : null,
    role: (PERSON_ROLES as readonly string[]).includes(role) ? (role as PersonRole) : null,
    status: status === "active" || status === "left" ? status : null,
    page: parsePage(searchParams.page),
  };
}

/** The filters as query parameters (without the page), for pagination links. */
export function peopleFilterParams(filters: PeopleFilters): Record<string, string | undefined> {
  return {
    q: filters.q || undefined,
    team: filters.team === null ? undefined : String(filters.team),
    role: filters.role ?? undefined,
    status: filters.status ?? undefined,
  };
}

export const isFiltered = (filters: PeopleFilters) =>
  filters.q !== "" || filters.team !== null || filters.role !== null || filters.status !== null;
