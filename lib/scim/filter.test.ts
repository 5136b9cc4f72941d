import { describe, expect, it } from "vitest";
import { ScimError } from "./errors";
import { parseFilter, parsePath } from "./filter";
import { matchesFilter, requiredEquality } from "./filter-match";

const maya = {
  id: "7",
  userName: "maya@acme.example",
  externalId: "00u1AbC",
  active: true,
  name: { givenName: "Maya", familyName: "Manager" },
  emails: [{ value: "maya@acme.example", type: "work", primary: true }],
};

const matches = (filter: string, resource: unknown = maya) => matchesFilter(parseFilter(filter), resource);

describe("parseFilter and matchesFilter: the forms providers send", () => {
  it("userName eq, as Okta and Entra ID look a user up, regardless of case in name, operator and value", () => {
    expect(parseFilter('userName eq "maya@acme.example"')).toEqual({
      kind: "compare",
      path: { attribute: "username" },
      operator: "eq",
      value: "maya@acme.example",
    });
    expect(matches('userName eq "maya@acme.example"')).toBe(true);
    expect(matches('USERNAME EQ "Maya@Acme.Example"')).toBe(true);
    expect(matches('userName eq "leo@acme.example"')).toBe(false);
  });

  it('emails[type eq "work"].value eq: a value filter, then a sub-attribute', () => {
    expect(parseFilter('emails[type eq "work"].value eq "maya@acme.example"')).toMatchObject({
      path: {
        attribute: "emails",
        valueFilter: { kind: "compare", path: { attribute: "type" }, value: "work" },
        subAttribute: "value",
      },
    });
    expect(matches('emails[type eq "work"].value eq "maya@acme.example"')).toBe(true);
    expect(matches('emails[type eq "home"].value eq "maya@acme.example"')).toBe(false);
    expect(matches('emails.value eq "maya@acme.example"')).toBe(true);
  });

  it("externalId is case-exact; displayName is not", () => {
    expect(matches('externalId eq "00u1AbC"')).toBe(true);
    expect(matches('externalId eq "00U1ABC"')).toBe(false);
    expect(matches('displayName eq "web platform"', { displayName: "Web Platform" })).toBe(true);
  });

  it("and, or, not, parentheses, pr, booleans and the other operators", () => {
    expect(matches('userName eq "maya@acme.example" and active eq true')).toBe(true);
    expect(matches('userName eq "maya@acme.example" AND active eq false')).toBe(false);
    expect(matches('userName eq "x" or (externalId pr and not (active eq false))')).toBe(true);
    expect(matches('userName sw "MAYA" and userName co "@acme" and userName ew ".example"')).toBe(true);
    expect(matches('userName ne "maya@acme.example"')).toBe(false);
    expect(matches("title pr")).toBe(false);
  });

  it("a schema URN in front of an attribute is dropped", () => {
    expect(matches('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "maya@acme.example"')).toBe(true);
  });

  it("strings with quotes and escapes", () => {
    expect(matches('name.familyName eq "Man\\"ager"', { name: { familyName: 'Man"ager' } })).toBe(true);
  });

  it("refuses what it cannot read, with scimType invalidFilter", () => {
    for (const filter of [
      "userName eq maya",
      "userName",
      'userName like "x"',
      'userName eq "x" extra',
      '(userName eq "x"',
    ]) {
      expect(() => parseFilter(filter), filter).toThrow(ScimError);
      try {
        parseFilter(filter);
      } catch (error) {
        expect((error as ScimError).scimType).toBe("invalidFilter");
      }
    }
  });

  it("requiredEquality finds the value a list can narrow its query with", () => {
    expect(requiredEquality(parseFilter('userName eq "a@b.c"'), "username")).toBe("a@b.c");
    expect(requiredEquality(parseFilter('active eq true and externalId eq "x"'), "externalid")).toBe("x");
    expect(requiredEquality(parseFilter('userName eq "a" or userName eq "b"'), "username")).toBeUndefined();
  });
});

describe("parsePath", () => {
  it("reads the paths PATCH operations name", () => {
    expect(parsePath("active")).toEqual({ attribute: "active" });
    expect(parsePath("name.givenName")).toEqual({ attribute: "name.givenname" });
    expect(parsePath('members[value eq "12"]')).toMatchObject({
      attribute: "members",
      valueFilter: { value: "12" },
    });
    expect(parsePath('emails[type eq "work"].value')).toMatchObject({
      attribute: "emails",
      subAttribute: "value",
    });
    expect(() => parsePath('"active"')).toThrow(ScimError);
  });
});
