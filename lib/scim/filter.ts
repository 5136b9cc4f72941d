import { scimError } from "./errors";

/**
 * SCIM filters and attribute paths (RFC 7644 section 3.4.2.2 and 3.5.2), as pure functions: a parser for the
 * forms identity providers send (`userName eq "a@b.c"`, `emails[type eq "work"].value eq "a@b.c"`,
 * `externalId eq "x" and active eq true`, `members[value eq "12"]`) and an evaluator over a resource as JSON.
 * Attribute names and operators are case-insensitive (RFC 7643 section 2.1); a schema URN in front of an
 * attribute (`urn:ietf:params:scim:schemas:core:2.0:User:userName`) is dropped.
 */

export type CompareOperator = "eq" | "ne" | "co" | "sw" | "ew" | "gt" | "ge" | "lt" | "le";
export type Literal = string | number | boolean | null;

/** `emails[type eq "work"].value`: attribute "emails", valueFilter `type eq "work"`, subAttribute "value". */
export interface AttributePath {
  /** Lower-cased, dotted for a sub-attribute written `name.givenName`: "name.givenname". */
  attribute: string;
  valueFilter?: Filter;
  subAttribute?: string;
}

export type Filter =
  | { kind: "compare"; path: AttributePath; operator: CompareOperator; value: Literal }
  | { kind: "present"; path: AttributePath }
  | { kind: "and" | "or"; left: Filter; right: Filter }
  | { kind: "not"; filter: Filter };

const COMPARE_OPERATORS = new Set<string>(["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"]);
const TOKEN = /\s*(?:("(?:[^"\\]|\\.)*")|([()[\]])|([^\s()[\]"]+))/y;

type Token = { text: string; quoted: boolean };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (!match) {
      if (source.slice(start).trim() === "") break;
      throw scimError(
        "invalidFilter",
        `The filter cannot be read near "${source.slice(start, start + 20)}".`,
      );
    }
    if (match[0].trim() === "") break;
    tokens.push(
      match[1] !== undefined
        ? { text: JSON.parse(match[1]) as string, quoted: true }
        : { text: match[2] ?? match[3]!, quoted: false },
    );
  }
  return tokens;
}

/** Drops a schema URN prefix and lower-cases: `urn:...:User:name.givenName` -> "name.givenname". */
export function normaliseAttribute(name: string): string {
  const urnEnd = name.toLowerCase().startsWith("urn:") ? name.lastIndexOf(":") : -1;
  return name.slice(urnEnd + 1).toLowerCase();
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }
  private next(): Token {
    const token = this.tokens[this.position++];
    if (!token) throw scimError("invalidFilter", "The filter ends too early.");
    return token;
  }
  private keyword(): string | undefined {
    const token = this.peek();
    return token && !token.quoted ? token.text.toLowerCase() : undefined;
  }
  private expect(text: string): void {
    const token = this.next();
    if (token.quoted || token.text !== text)
      throw scimError("invalidFilter", `Expected "${text}" in the filter, found "${token.text}".`);
  }
  done(): boolean {
    return this.position >= this.tokens.length;
  }

  /** or binds loosest, then and, then not and parentheses (RFC 7644 section 3.4.2.2). */
  filter(): Filter {
    let left = this.conjunction();
    while (this.keyword() === "or") {
      this.next();
      left = { kind: "or", left, right: this.conjunction() };
    }
    return left;
  }
  private conjunction(): Filter {
    let left = this.unary();
    while (this.keyword() === "and") {
      this.next();
      left = { kind: "and", left, right: this.unary() };
    }
    return left;
  }
  private unary(): Filter {
    if (this.keyword() === "not") {
      this.next();
      this.expect("(");
      const inner = this.filter();
      this.expect(")");
      return { kind: "not", filter: inner };
    }
    if (this.keyword() === "(") {
      this.next();
      const inner = this.filter();
      this.expect(")");
      return inner;
    }
    return this.comparison();
  }
  private comparison(): Filter {
    const path = this.path();
    const operator = this.next();
    const name = operator.text.toLowerCase();
    if (!operator.quoted && name === "pr") return { kind: "present", path };
    if (operator.quoted || !COMPARE_OPERATORS.has(name))
      throw scimError("invalidFilter", `"${operator.text}" is not a SCIM filter operator.`);
    return { kind: "compare", path, operator: name as CompareOperator, value: literalOf(this.next()) };
  }

  /** An attribute path, with an optional `[valueFilter]` and `.subAttribute` after it. */
  path(): AttributePath {
    const token = this.next();
    if (token.quoted) throw scimError("invalidPath", `Expected an attribute name, found "${token.text}".`);
    const path: AttributePath = { attribute: normaliseAttribute(token.text) };
    if (this.keyword() !== "[") return path;
    this.next();
    path.valueFilter = this.filter();
    this.expect("]");
    const rest = this.peek();
    if (rest && !rest.quoted && rest.text.startsWith(".")) {
      this.next();
      path.subAttribute = rest.text.slice(1).toLowerCase();
    }
    return path;
  }
}

function literalOf(token: Token): Literal {
  if (token.quoted) return token.text;
  const text = token.text.toLowerCase();
  if (text === "true" || text === "false") return text === "true";
  if (text === "null") return null;
  const number = Number(token.text);
  if (token.text !== "" && Number.isFinite(number)) return number;
  throw scimError("invalidFilter", `"${token.text}" is not a value: put strings in double quotes.`);
}

export function parseFilter(source: string): Filter {
  const parser = new Parser(tokenize(source));
  const filter = parser.filter();
  if (!parser.done())
    throw scimError("invalidFilter", "The filter has more after its end: join conditions with and / or.");
  return filter;
}

/** A PATCH operation's `path` (RFC 7644 section 3.5.2): `active`, `name.givenName`, `members[value eq "12"]`. */
export function parsePath(source: string): AttributePath {
  const parser = new Parser(tokenize(source));
  const path = parser.path();
  if (!parser.done()) throw scimError("invalidPath", `"${source}" is not an attribute path.`);
  return path;
}
