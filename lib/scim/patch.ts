import { scimError } from "./errors";
import { normaliseAttribute, parsePath, type AttributePath, type Literal } from "./filter";

/**
 * PATCH (RFC 7644 section 3.5.2) as pure functions over the few fields Tandem keeps of a user and a group.
 * Providers differ in what they send, and both forms are taken: Okta sends `{ op: "replace", value: { active:
 * false } }` without a path; Entra ID sends `{ op: "Replace", path: "active", value: "False" }`, capitalised
 * and with booleans as strings. Attributes Tandem does not keep (title, the enterprise extension...) are
 * accepted and ignored, so provisioning a richer profile does not fail.
 */

export type PatchOperation = { op: string; path?: string; value?: unknown };

export interface ScimUserFields {
  userName: string;
  externalId: string | null;
  active: boolean;
  /** Tandem keeps one name; given and family names are its first word and the rest. */
  displayName: string;
  givenName: string;
  familyName: string;
}

export interface ScimGroupFields {
  displayName: string;
  externalId: string | null;
  memberIds: string[];
}

type Verb = "add" | "replace" | "remove";

function verbOf(operation: PatchOperation): Verb {
  const verb = String(operation.op ?? "").toLowerCase();
  if (verb !== "add" && verb !== "replace" && verb !== "remove")
    throw scimError(
      "invalidSyntax",
      `"${operation.op}" is not a PATCH operation: use add, replace or remove.`,
    );
  return verb;
}

/** Entra ID sends "True" and "False" as strings. */
export function booleanOf(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
  throw scimError("invalidValue", `"${String(value)}" is not true or false.`);
}

function textOf(value: unknown, attribute: string): string {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  throw scimError("invalidValue", `${attribute} must be a non-empty string.`);
}

/** A no-path operation's value object, as one (path, value) pair per attribute; `name: {...}` is opened up. */
function pairsOf(value: unknown): [AttributePath, unknown][] {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw scimError(
      "invalidValue",
      "An operation without a path needs an object of attributes as its value.",
    );
  return Object.entries(value).flatMap(([key, inner]): [AttributePath, unknown][] => {
    const attribute = normaliseAttribute(key);
    if (attribute === "name" && inner !== null && typeof inner === "object") {
      return Object.entries(inner).map(([sub, subValue]) => [
        { attribute: `name.${sub.toLowerCase()}` },
        subValue,
      ]);
    }
    return [[key.includes("[") ? parsePath(key) : { attribute }, inner]];
  });
}

const targetsOf = (operation: PatchOperation): [AttributePath, unknown][] =>
  operation.path === undefined || operation.path === ""
    ? pairsOf(operation.value)
    : [[parsePath(operation.path), operation.value]];

const joinName = (givenName: string, familyName: string) => [givenName, familyName].filter(Boolean).join(" ");

export function splitName(name: string): { givenName: string; familyName: string } {
  const [givenName = "", ...rest] = name.trim().split(/\s+/);
  return { givenName, familyName: rest.join(" ") };
}

function applyToUser(user: ScimUserFields, verb: Verb, path: AttributePath, value: unknown): ScimUserFields {
  const removing = verb === "remove";
  switch (path.valueFilter ? "" : path.attribute) {
    case "active":
      return { ...user, active: removing ? user.active : booleanOf(value) };
    case "username":
      if (removing) throw scimError("mutability", "userName is required: it cannot be removed.");
      return { ...user, userName: textOf(value, "userName").toLowerCase() };
    case "externalid":
      return { ...user, externalId: removing || value === null ? null : textOf(value, "externalId") };
    case "displayname":
    case "name.formatted":
      if (removing) return user;
      return { ...user, displayName: textOf(value, "name"), ...splitName(textOf(value, "name")) };
    case "name.givenname":
    case "name.familyname": {
      if (removing) return user;
      const next = {
        ...user,
        [path.attribute === "name.givenname" ? "givenName" : "familyName"]: textOf(value, path.attribute),
      };
      return { ...next, displayName: joinName(next.givenName, next.familyName) };
    }
    case "name":
      return removing
        ? user
        : pairsOf(value).reduce(
            (current, [subPath, subValue]) =>
              applyToUser(current, verb, { attribute: `name.${subPath.attribute}` }, subValue),
            user,
          );
    default:
      // emails, phone numbers, the enterprise extension: Tandem's one address is the userName (README).
      return user;
  }
}

export function applyUserPatch(user: ScimUserFields, operations: PatchOperation[]): ScimUserFields {
  return operations.reduce((current, operation) => {
    const verb = verbOf(operation);
    return targetsOf(operation).reduce(
      (inner, [path, value]) => applyToUser(inner, verb, path, value),
      current,
    );
  }, user);
}

/** `[{ value: "12" }, ...]` (or one such object) as member ids. */
function memberIdsOf(value: unknown): string[] {
  const members = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return members.map((member) => {
    const id = (member as { value?: unknown })?.value;
    if (typeof id !== "string" && typeof id !== "number")
      throw scimError("invalidValue", 'Each member is an object with a "value": the user\'s id.');
    return String(id);
  });
}

/** The member id a `members[value eq "12"]` path names. */
function memberIdOfFilter(path: AttributePath): Literal {
  const filter = path.valueFilter!;
  if (filter.kind === "compare" && filter.operator === "eq" && filter.path.attribute === "value")
    return filter.value;
  throw scimError("invalidFilter", 'Name a member as members[value eq "<user id>"].');
}

function applyToGroup(
  group: ScimGroupFields,
  verb: Verb,
  path: AttributePath,
  value: unknown,
): ScimGroupFields {
  switch (path.attribute) {
    case "members": {
      if (path.valueFilter) {
        if (verb !== "remove")
          throw scimError("invalidPath", "Add members with the path members and a list of values.");
        const id = String(memberIdOfFilter(path));
        return { ...group, memberIds: group.memberIds.filter((member) => member !== id) };
      }
      const ids = memberIdsOf(value);
      if (verb === "replace") return { ...group, memberIds: [...new Set(ids)] };
      if (verb === "add") return { ...group, memberIds: [...new Set([...group.memberIds, ...ids])] };
      // Entra ID removes with a list of values; without one, every member goes (RFC 7644 section 3.5.2.2).
      return {
        ...group,
        memberIds: ids.length === 0 ? [] : group.memberIds.filter((member) => !ids.includes(member)),
      };
    }
    case "displayname":
      if (verb === "remove") throw scimError("mutability", "displayName is required: it cannot be removed.");
      return { ...group, displayName: textOf(value, "displayName") };
    case "externalid":
      return {
        ...group,
        externalId: verb === "remove" || value === null ? null : textOf(value, "externalId"),
      };
    default:
      return group;
  }
}

export function applyGroupPatch(group: ScimGroupFields, operations: PatchOperation[]): ScimGroupFields {
  return operations.reduce((current, operation) => {
    const verb = verbOf(operation);
    return targetsOf(operation).reduce(
      (inner, [path, value]) => applyToGroup(inner, verb, path, value),
      current,
    );
  }, group);
}
