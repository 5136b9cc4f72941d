import { describe, expect, it } from "vitest";
import { ScimError } from "./errors";
import { applyGroupPatch, applyUserPatch, booleanOf, splitName, type ScimUserFields } from "./patch";

const maya: ScimUserFields = {
  userName: "maya@acme.example",
  externalId: "00u1",
  active: true,
  displayName: "Maya Manager",
  givenName: "Maya",
  familyName: "Manager",
};

describe("applyUserPatch", () => {
  it("active false with a path (Entra ID: Replace, string booleans) and without one (Okta)", () => {
    expect(applyUserPatch(maya, [{ op: "Replace", path: "active", value: "False" }]).active).toBe(false);
    expect(applyUserPatch(maya, [{ op: "replace", value: { active: false } }]).active).toBe(false);
    expect(
      applyUserPatch({ ...maya, active: false }, [{ op: "replace", value: { active: "True" } }]).active,
    ).toBe(true);
  });

  it("name.givenName and name.familyName make the name; displayName and name.formatted replace it", () => {
    expect(applyUserPatch(maya, [{ op: "replace", path: "name.givenName", value: "Maja" }])).toMatchObject({
      displayName: "Maja Manager",
      givenName: "Maja",
    });
    expect(
      applyUserPatch(maya, [{ op: "Replace", path: "name.familyName", value: "Meyer" }]).displayName,
    ).toBe("Maya Meyer");
    expect(
      applyUserPatch(maya, [{ op: "replace", path: "displayName", value: "Maya M. Manager" }]),
    ).toMatchObject({ displayName: "Maya M. Manager", givenName: "Maya", familyName: "M. Manager" });
    expect(
      applyUserPatch(maya, [{ op: "replace", value: { name: { givenName: "Mia", familyName: "Moss" } } }])
        .displayName,
    ).toBe("Mia Moss");
    expect(applyUserPatch(maya, [{ op: "replace", value: { "name.givenName": "Mia" } }]).displayName).toBe(
      "Mia Manager",
    );
  });

  it("several no-path attributes at once, as Entra ID sends them, with the userName lower-cased", () => {
    const patched = applyUserPatch(maya, [
      {
        op: "Add",
        value: {
          userName: "Maya.M@Acme.example",
          externalId: "aad-9",
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department": "Web",
        },
      },
    ]);
    expect(patched).toMatchObject({ userName: "maya.m@acme.example", externalId: "aad-9" });
  });

  it('emails[type eq "work"].value is read and left to the userName (Tandem keeps one address)', () => {
    expect(
      applyUserPatch(maya, [
        { op: "replace", path: 'emails[type eq "work"].value', value: "other@acme.example" },
      ]),
    ).toEqual(maya);
    expect(applyUserPatch(maya, [{ op: "replace", path: "title", value: "Head of web" }])).toEqual(maya);
  });

  it("removes externalId, and refuses to remove the userName or an unknown verb", () => {
    expect(applyUserPatch(maya, [{ op: "remove", path: "externalId" }]).externalId).toBeNull();
    expect(() => applyUserPatch(maya, [{ op: "remove", path: "userName" }])).toThrow(ScimError);
    expect(() => applyUserPatch(maya, [{ op: "move", path: "active", value: true }])).toThrow(ScimError);
    expect(() => applyUserPatch(maya, [{ op: "replace", path: "active", value: "maybe" }])).toThrow(
      ScimError,
    );
    expect(() => applyUserPatch(maya, [{ op: "replace", value: "active" }])).toThrow(ScimError);
  });
});

describe("applyGroupPatch", () => {
  const web = { displayName: "Web Platform", externalId: null, memberIds: ["1", "2"] };

  it("adds members (once each), removes them by filter or by list, and replaces them all", () => {
    expect(
      applyGroupPatch(web, [{ op: "add", path: "members", value: [{ value: "2" }, { value: "3" }] }])
        .memberIds,
    ).toEqual(["1", "2", "3"]);
    expect(applyGroupPatch(web, [{ op: "remove", path: 'members[value eq "1"]' }]).memberIds).toEqual(["2"]);
    expect(
      applyGroupPatch(web, [{ op: "Remove", path: "members", value: [{ value: "2" }] }]).memberIds,
    ).toEqual(["1"]);
    expect(
      applyGroupPatch(web, [{ op: "replace", path: "members", value: [{ value: "4" }] }]).memberIds,
    ).toEqual(["4"]);
    expect(applyGroupPatch(web, [{ op: "remove", path: "members" }]).memberIds).toEqual([]);
  });

  it("renames by path or by a value object, and keeps externalId", () => {
    expect(
      applyGroupPatch(web, [{ op: "replace", value: { id: "5", displayName: "Web" } }]).displayName,
    ).toBe("Web");
    expect(applyGroupPatch(web, [{ op: "replace", path: "externalId", value: "okta-g1" }]).externalId).toBe(
      "okta-g1",
    );
    expect(() => applyGroupPatch(web, [{ op: "add", path: 'members[value eq "1"]', value: [] }])).toThrow(
      ScimError,
    );
    expect(() => applyGroupPatch(web, [{ op: "add", path: "members", value: [{ id: 1 }] }])).toThrow(
      ScimError,
    );
  });
});

describe("booleanOf and splitName", () => {
  it("reads booleans and strings of them; splits a name at its first space", () => {
    expect([true, "TRUE", "false", false].map(booleanOf)).toEqual([true, true, false, false]);
    expect(splitName("Ana María de la Cruz")).toEqual({ givenName: "Ana", familyName: "María de la Cruz" });
    expect(splitName("Cher")).toEqual({ givenName: "Cher", familyName: "" });
  });
});
