import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * The layers of the code base (README, "Project layout") and which may import which. Dependencies point
 * down only: screens -> the API wrapper -> domain areas -> rules and infrastructure. Tooling sits beside
 * the product, never inside it: nothing in the product imports tools/ or scripts/.
 */
export type Layer = "app" | "components" | "api" | "commands" | "domain" | "infrastructure" | "rules" | "scripts" | "tools" | "e2e" | "root";

/** Infrastructure: configuration, the database, authentication and authorization, audit, mail, errors, security headers, input limits. */
const INFRASTRUCTURE = ["lib/cache", "lib/config", "lib/db", "lib/auth", "lib/audit", "lib/mail", "lib/security", "lib/validation", "lib/errors.ts"];

/** The test runners' configurations at the root belong with the tools, not with the product beside them. */
const TEST_RUNNER_CONFIG = new Set(["playwright.config.ts", "vitest.config.ts"]);

export const ALLOWED: Record<Layer, readonly Layer[]> = {
  rules: [],
  infrastructure: ["rules"],
  domain: ["infrastructure", "rules"],
  api: ["domain", "infrastructure", "rules"],
  commands: ["domain", "infrastructure", "rules"],
  components: ["api", "domain", "infrastructure", "rules"],
  app: ["components", "api", "domain", "infrastructure", "rules"],
  root: ["api", "domain", "infrastructure", "rules"],
  tools: ["e2e", "commands", "api", "domain", "infrastructure", "rules"],
  scripts: ["tools", "commands", "domain", "infrastructure", "rules"],
  e2e: ["tools", "commands", "domain", "infrastructure", "rules"],
};

/** The layer of a file, or of an import specifier (`lib/rules`, a folder's index; `lib/errors`, without its extension). */
/** Screens and route handlers call their area's queries and writes: they never reach the database themselves. */
const DATABASE_MODULES = ["lib/db/client", "lib/db/generated"];

export function layerOf(file: string): Layer {
  const top = file.split("/")[0]!;
  if (TEST_RUNNER_CONFIG.has(file)) return "tools";
  if (top === "app" || top === "components" || top === "scripts" || top === "tools" || top === "e2e") return top;
  if (top !== "lib") return "root";
  const within = (folder: string) => `${file}/`.startsWith(`${folder}/`);
  if (within("lib/rules")) return "rules";
  if (within("lib/api")) return "api";
  if (within("lib/commands")) return "commands";
  if (INFRASTRUCTURE.some((place) => within(place) || file === place || `${file}.ts` === place)) return "infrastructure";
  return "domain";
}

/** Tests sit above everything they test: a test may import helpers from tools/ and the routes it drives. */
export const isTestFile = (file: string) => /\.test\.tsx?$/.test(file);

const SOURCE = /\.(ts|tsx|mts)$/;
const SKIPPED = new Set(["node_modules", ".next", "generated", ".data", "test-results", "playwright-report"]);

/** Every TypeScript file of the tree, relative to `root`, with `/` separators. */
export function listSourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || SKIPPED.has(entry.name)) continue;
      const absolute = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(absolute);
      else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) files.push(path.relative(root, absolute).split(path.sep).join("/"));
    }
  };
  walk(root);
  return files.sort();
}

/** The project files `file` imports (`@/...` and relative specifiers), without their extension. */
export function importsOf(root: string, file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(path.join(root, file), "utf8"), true, true);
  return importedFiles.flatMap(({ fileName }) => {
    if (fileName.startsWith("@/")) return [fileName.slice(2)];
    if (fileName.startsWith(".")) return [path.posix.normalize(path.posix.join(path.posix.dirname(file), fileName))];
    return [];
  });
}

export interface Violation {
  file: string;
  imports: string;
  rule: string;
}

/** Every import that points against the layers, and every product module that imports a test file. */
export function findViolations(root: string): Violation[] {
  const violations: Violation[] = [];
  for (const file of listSourceFiles(root)) {
    const from = layerOf(file);
    for (const target of importsOf(root, file)) {
      const to = layerOf(target);
      if (isTestFile(target) || /\.test$/.test(target)) {
        violations.push({ file, imports: target, rule: "only tests run tests" });
      } else if (!isTestFile(file) && to !== from && !ALLOWED[from].includes(to)) {
        violations.push({ file, imports: target, rule: `${from} may not import ${to}` });
      } else if (!isTestFile(file) && (from === "app" || from === "components") && DATABASE_MODULES.some((module) => `${target}/`.startsWith(`${module}/`))) {
        violations.push({ file, imports: target, rule: `${from} may not reach the database itself` });
      }
    }
  }
  return violations;
}
