import type { AttributePath, Filter, Literal } from "./filter";

/**
 * Whether a SCIM resource (as the JSON Tandem answers) matches a parsed filter. Strings compare regardless of
 * case except `id` and `externalId`, which RFC 7643 makes case-exact; a multi-valued attribute matches when
 * one of its values does (`emails[type eq "work"].value eq "a@b.c"`).
 */

type Json = Record<string, unknown>;

const CASE_EXACT = new Set(["id", "externalid"]);

/** The value of one attribute, its name matched regardless of case. */
function attributeOf(resource: unknown, name: string): unknown {
  if (resource === null || typeof resource !== "object") return undefined;
  const key = Object.keys(resource).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : (resource as Json)[key];
}

/** Every value a path names in a resource, flattened over multi-valued attributes. */
export function valuesAt(resource: unknown, path: AttributePath): unknown[] {
  let values: unknown[] = [resource];
  for (const part of path.attribute.split(".")) {
    values = values.flatMap((value) => {
      const found = attributeOf(value, part);
      return found === undefined ? [] : Array.isArray(found) ? found : [found];
    });
  }
  if (path.valueFilter) values = values.filter((value) => matchesFilter(path.valueFilter!, value));
  if (path.subAttribute)
    values = values.flatMap((value) => valuesAt(value, { attribute: path.subAttribute! }));
  return values;
}

function compare(actual: unknown, operator: string, expected: Literal, caseExact: boolean): boolean {
  if (expected === null)
    return operator === "eq" ? actual === null : operator === "ne" ? actual !== null : false;
  if (typeof actual === "string" && typeof expected === "string") {
    const [a, b] = caseExact ? [actual, expected] : [actual.toLowerCase(), expected.toLowerCase()];
    switch (operator) {
      case "eq":
        return a === b;
      case "ne":
        return a !== b;
      case "co":
        return a.includes(b);
      case "sw":
        return a.startsWith(b);
      case "ew":
        return a.endsWith(b);
      case "gt":
        return a > b;
      case "ge":
        return a >= b;
      case "lt":
        return a < b;
      case "le":
        return a <= b;
    }
  }
  if (operator === "eq") return actual === expected;
  if (operator === "ne") return actual !== expected;
  if (typeof actual === "number" && typeof expected === "number") {
    return operator === "gt"
      ? actual > expected
      : operator === "ge"
        ? actual >= expected
        : operator === "lt"
          ? actual < expected
          : operator === "le"
            ? actual <= expected
            : false;
  }
  return false;
}

export function matchesFilter(filter: Filter, resource: unknown): boolean {
  switch (filter.kind) {
    case "and":
      return matchesFilter(filter.left, resource) && matchesFilter(filter.right, resource);
    case "or":
      return matchesFilter(filter.left, resource) || matchesFilter(filter.right, resource);
    case "not":
      return !matchesFilter(filter.filter, resource);
    case "present":
      return valuesAt(resource, filter.path).some((value) => value !== null && value !== "");
    case "compare": {
      const values = valuesAt(resource, filter.path);
      const caseExact = CASE_EXACT.has(filter.path.subAttribute ?? filter.path.attribute);
      // "ne" holds when no value equals, including when the attribute is absent.
      if (filter.operator === "ne")
        return !values.some((value) => compare(value, "eq", filter.value, caseExact));
      return values.some((value) => compare(value, filter.operator, filter.value, caseExact));
    }
  }
}

/**
 * The value a filter requires an attribute to equal, when it does (`userName eq "x"`, alone or within an
 * `and`): lets a list narrow its query in the database before matching the rest in memory.
 */
export function requiredEquality(filter: Filter, attribute: string): Literal | undefined {
  if (
    filter.kind === "compare" &&
    filter.operator === "eq" &&
    !filter.path.valueFilter &&
    filter.path.attribute === attribute
  )
    return filter.value;
  if (filter.kind === "and")
    return requiredEquality(filter.left, attribute) ?? requiredEquality(filter.right, attribute);
  return undefined;
}
