import { describe, expect, it } from "vitest";
import { isFiltered, parsePeopleFilters, peopleFilterParams } from "./filters";

describe("parsePeopleFilters", () => {
  it("reads every filter from the query string", () => {
    const filters = parsePeopleFilters({
      q: "  felix ",
      team: "3",
      role: "manager",
      status: "left",
      page: "2",
    });
    expect(filters).toEqual({ q: "felix", team: 3, role: "manager", status: "left", page: 2 });
    expect(isFiltered(filters)).toBe(true);
    expect(peopleFilterParams(filters)).toEqual({ q: "felix", team: "3", role: "manager", status: "left" });
  });

  it("treats unknown or malformed values as no filter", () => {
    const filters = parsePeopleFilters({ team: "drop table", role: "owner", status: "gone", page: "-1" });
    expect(filters).toEqual({ q: "", team: null, role: null, status: null, page: 1 });
    expect(isFiltered(filters)).toBe(false);
    expect(peopleFilterParams(filters)).toEqual({
      q: undefined,
      team: undefined,
      role: undefined,
      status: undefined,
    });
  });

  it("knows people without a team and takes the first of repeated parameters", () => {
    expect(parsePeopleFilters({ team: "none", q: ["a", "b"] })).toMatchObject({ team: "none", q: "a" });
  });
});
