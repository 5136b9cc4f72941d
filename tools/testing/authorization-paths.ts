import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * Finds every entry point of the app that answers a request (the HTTP methods of `app/**\/route.ts`, the
 * exports of "use server" modules) and checks from the source that each is built with its wrapper,
 * declaring a policy and an input schema. Read by lib/api/authorization-paths.test.ts, which fails on any
 * bypass, and by the authorization matrix, which must try every write it finds.
 */

export type EntryKind = "route" | "action";
export type WrapperName = "writeRoute" | "readRoute" | "serverAction";

export interface EntryPoint {
  file: string;
  /** The HTTP method of a route, the function name of an action. */
  name: string;
  kind: EntryKind;
  /** The wrapper it is built with, or null when it bypasses them (see `problem`). */
  wrapper: WrapperName | null;
  problem: string | null;
}

const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** Each wrapper, the module it must be imported from, and the keys its declaration must give. */
const WRAPPERS: Record<WrapperName, { module: string; keys: string[] }> = {
  writeRoute: { module: "@/lib/api/write-route", keys: ["schema", "policy", "handle"] },
  readRoute: { module: "@/lib/api/read-route", keys: ["query", "policy", "handle"] },
  serverAction: { module: "@/lib/api/server-action", keys: ["schema", "policy", "handle"] },
};

/** Reads must not write and writes need the same-origin check, the transaction and the audit of writeRoute. */
function wrapperFor(kind: EntryKind, name: string): WrapperName {
  if (kind === "action") return "serverAction";
  return name === "GET" || name === "HEAD" ? "readRoute" : "writeRoute";
}

const isRouteFile = (file: string) => /^app\/(.+\/)?route\.(ts|js)$/.test(file);

/** The source files under `folders` of `root` that may answer requests: route handlers and files saying "use server". */
export function listRequestSources(root: string, folders = ["app", "lib", "components"]): { file: string; text: string }[] {
  const sources: { file: string; text: string }[] = [];
  for (const folder of folders) {
    for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !/\.(ts|tsx|js|jsx|mjs)$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) continue;
      const absolute = path.join(entry.parentPath, entry.name);
      if (absolute.includes(`${path.sep}generated${path.sep}`)) continue;
      const file = path.relative(root, absolute).split(path.sep).join("/");
      const text = readFileSync(absolute, "utf8");
      if (isRouteFile(file) || /["']use server["']/.test(text)) sources.push({ file, text });
    }
  }
  return sources.sort((a, b) => a.file.localeCompare(b.file));
}

/** The entry points one source file declares, each with its wrapper or what is wrong with it. */
export function checkSource(file: string, text: string): EntryPoint[] {
  const source = parse(file, text);
  const kind: EntryKind | null = isRouteFile(file) ? "route" : hasDirective(source.statements) ? "action" : null;
  if (kind === null) {
    if (!declaresInlineAction(source)) return [];
    return [{ file, name: "(inline)", kind: "action", wrapper: null, problem: 'declares a server action inside a function: put it in a "use server" module, built with serverAction' }];
  }
  const imports = importedNames(source);
  const entries: EntryPoint[] = [];
  const add = (name: string, wrapper: WrapperName | null, problem: string | null) => {
    if (kind === "route" && !HTTP_METHODS.has(name) && problem === null) return;
    entries.push({ file, name, kind, wrapper, problem });
  };

  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      const names = statement.exportClause && ts.isNamedExports(statement.exportClause) ? statement.exportClause.elements.map((element) => element.name.text) : ["*"];
      for (const name of names) {
        if (kind === "action" || name === "*" || HTTP_METHODS.has(name)) add(name, null, "is re-exported: build it here with its wrapper");
      }
      continue;
    }
    if (ts.isExportAssignment(statement)) {
      add("default", null, "is a default export: export it by name, built with its wrapper");
      continue;
    }
    if (!hasModifier(statement, ts.SyntaxKind.ExportKeyword)) continue;
    if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) {
      if (hasModifier(statement, ts.SyntaxKind.DefaultKeyword)) {
        add("default", null, "is a default export: export it by name, built with its wrapper");
        continue;
      }
      const name = statement.name?.text ?? "default";
      if (kind === "action" || HTTP_METHODS.has(name)) add(name, null, "is a plain function: build it with its wrapper");
      continue;
    }
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name)) {
        for (const name of boundNames(declaration.name)) {
          if (kind === "action" || HTTP_METHODS.has(name)) add(name, null, "is destructured from another object: build it with its wrapper");
        }
        continue;
      }
      const name = declaration.name.text;
      if (kind === "route" && !HTTP_METHODS.has(name)) continue;
      const { wrapper, problem } = checkWrapperCall(declaration.initializer, wrapperFor(kind, name), imports);
      add(name, wrapper, problem);
    }
  }
  return entries;
}

function checkWrapperCall(initializer: ts.Expression | undefined, expected: WrapperName, imports: Map<string, string>): { wrapper: WrapperName | null; problem: string | null } {
  if (!initializer || !ts.isCallExpression(initializer) || !ts.isIdentifier(initializer.expression)) {
    return { wrapper: null, problem: `is not built with ${expected}` };
  }
  const callee = initializer.expression.text;
  if (callee !== expected) return { wrapper: null, problem: `is built with ${callee}, not ${expected}` };
  if (imports.get(callee) !== WRAPPERS[callee].module) {
    return { wrapper: null, problem: `calls a ${callee} that is not imported from ${WRAPPERS[callee].module}` };
  }
  const [declaration, ...rest] = initializer.arguments;
  if (!declaration || rest.length > 0 || !ts.isObjectLiteralExpression(declaration)) {
    return { wrapper: null, problem: `must pass ${callee} one object literal: { ${WRAPPERS[callee].keys.join(", ")} }` };
  }
  if (declaration.properties.some((property) => ts.isSpreadAssignment(property))) {
    return { wrapper: null, problem: `spreads into the declaration of ${callee}: name each of ${WRAPPERS[callee].keys.join(", ")} in place` };
  }
  const keys = new Set(declaration.properties.map((property) => (property.name && ts.isIdentifier(property.name) ? property.name.text : "")));
  const missing = WRAPPERS[callee].keys.filter((key) => !keys.has(key));
  if (missing.length > 0) return { wrapper: null, problem: `declares no ${missing.join(" and no ")} in ${callee}` };
  return { wrapper: callee, problem: null };
}

function parse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

/** Whether the prologue of a module or a function body holds the "use server" directive. */
function hasDirective(statements: ts.NodeArray<ts.Statement>): boolean {
  for (const statement of statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === "use server") return true;
  }
  return false;
}

function declaresInlineAction(node: ts.Node): boolean {
  if (ts.isFunctionLike(node) && "body" in node && node.body && ts.isBlock(node.body) && hasDirective(node.body.statements)) return true;
  return ts.forEachChild(node, (child) => declaresInlineAction(child) || undefined) ?? false;
}

function hasModifier(statement: ts.Statement, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === kind);
}

/** Local name -> module, for the named imports of a file (an import under another name maps that name). */
function importedNames(source: ts.SourceFile): Map<string, string> {
  const names = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      // `import { x as writeRoute }` is not the wrapper, whatever its module.
      if (element.propertyName && element.propertyName.text !== element.name.text) continue;
      names.set(element.name.text, statement.moduleSpecifier.text);
    }
  }
  return names;
}

function boundNames(pattern: ts.BindingName): string[] {
  if (ts.isIdentifier(pattern)) return [pattern.text];
  return pattern.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : boundNames(element.name)));
}
