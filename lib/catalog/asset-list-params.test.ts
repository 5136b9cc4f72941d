import { describe, expect, it } from "vitest";
import { assetListHref, DEFAULT_PAGE_SIZE, parseAssetListParams, sortHref, toAssetListQuery, withKnownOptions } from "./asset-list-params";

const DEFAULTS = { q: "", kind: null, criticality: null, lifecycle: null, team: null, sort: "name", dir: "asc", page: 1, size: DEFAULT_PAGE_SIZE };

describe("parseAssetListParams", () => {
  it("gives the defaults for an empty query", () => {
    expect(parseAssetListParams({})).toEqual(DEFAULTS);
  });

  it("reads every filter, the sort and the page", () => {
    expect(
      parseAssetListParams({ q: " shop ", kind: "website", criticality: "high", lifecycle: "retired", team: "4", sort: "coverage", dir: "desc", page: "3", size: "10" }),
    ).toEqual({ q: "shop", kind: "website", criticality: "high", lifecycle: "retired", team: 4, sort: "coverage", dir: "desc", page: 3, size: 10 });
  });

  it("falls back to the default for each bad value", () => {
    expect(
      parseAssetListParams({
        kind: "Not A Slug!",
        criticality: "extreme",
        lifecycle: "dead",
        team: "-2",
        sort: "password",
        dir: "sideways",
        page: "0",
        size: "7",
      }),
    ).toEqual(DEFAULTS);
    expect(parseAssetListParams({ team: "1.5", page: "abc", size: "1e9" })).toEqual(DEFAULTS);
    expect(parseAssetListParams({ team: "99999999999" }).team).toBeNull();
  });

  it("takes the first of repeated parameters and caps the search text", () => {
    const params = parseAssetListParams({ kind: ["crm", "cms"], q: "x".repeat(500) });
    expect(params.kind).toBe("crm");
    expect(params.q).toHaveLength(100);
  });

  it("starts each sort in its natural direction: most critical and least covered first", () => {
    expect(parseAssetListParams({ sort: "criticality" }).dir).toBe("desc");
    expect(parseAssetListParams({ sort: "coverage" }).dir).toBe("asc");
    expect(parseAssetListParams({ sort: "kind" }).dir).toBe("asc");
  });
});

describe("list links", () => {
  it("leave defaults out, so the plain list is /assets", () => {
    expect(assetListHref(parseAssetListParams({}))).toBe("/assets");
    expect(toAssetListQuery(parseAssetListParams({ sort: "criticality" }))).toEqual(
      expect.objectContaining({ sort: "criticality", dir: undefined, page: undefined, size: undefined }),
    );
  });

  it("keep the filters and go back to page 1 when the sort changes", () => {
    const params = parseAssetListParams({ kind: "crm", page: "2" });
    expect(sortHref(params, "key")).toBe("/assets?kind=crm&sort=key");
    expect(sortHref(params, "name")).toBe("/assets?kind=crm&dir=desc");
    expect(sortHref({ ...params, sort: "criticality", dir: "desc" }, "criticality")).toBe("/assets?kind=crm&sort=criticality&dir=asc");
  });

  it("round-trip through the parser", () => {
    const params = parseAssetListParams({ q: "hub", team: "2", lifecycle: "active", sort: "coverage", dir: "desc", page: "2", size: "25" });
    const href = assetListHref(params);
    const query = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseAssetListParams(query)).toEqual(params);
  });
});

describe("withKnownOptions", () => {
  it("drops a kind or team that does not exist", () => {
    const params = parseAssetListParams({ kind: "spaceship", team: "42" });
    expect(withKnownOptions(params, { kindKeys: ["crm"], teamIds: [1] })).toMatchObject({ kind: null, team: null });
    expect(withKnownOptions({ ...params, kind: "crm", team: 1 }, { kindKeys: ["crm"], teamIds: [1] })).toMatchObject({ kind: "crm", team: 1 });
  });
});
