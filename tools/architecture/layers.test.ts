import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findViolations, isTestFile, layerOf, listSourceFiles } from "./layers";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("the layers of the code base", () => {
  it("has no import that points against them", () => {
    expect(findViolations(ROOT)).toEqual([]);
  });

  it("reads environment variables in lib/config/environment.ts only (start-up and tools may set them for the processes they start; test runners read their own)", () => {
    const readers = listSourceFiles(ROOT).filter((file) => {
      // The test runners' own variables (E2E_PORT, TEST_DATABASE_URL, CI) are theirs, not Tandem's.
      const testRunner = layerOf(file) === "e2e" || file.startsWith("tools/testing/") || file.endsWith(".config.ts");
      if (isTestFile(file) || testRunner || file === "lib/config/environment.ts") return false;
      return /process\.env\.[A-Z_]+\b(?!\s*=[^=])/.test(readFileSync(path.join(ROOT, file), "utf8"));
    });
    expect(readers).toEqual([]);
  });

  it("places each folder in its layer", () => {
    expect(layerOf("app/(app)/page.tsx")).toBe("app");
    expect(layerOf("lib/rules/evaluate-cell.ts")).toBe("rules");
    expect(layerOf("lib/db/client.ts")).toBe("infrastructure");
    expect(layerOf("lib/errors.ts")).toBe("infrastructure");
    expect(layerOf("lib/api/write-route.ts")).toBe("api");
    expect(layerOf("lib/report/load-report.ts")).toBe("domain");
    expect(layerOf("tools/bench/run-bench.ts")).toBe("tools");
  });

  describe("on a tree with back-edges", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "tandem-layers-"));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    };
    write("components/ui/pagination.tsx", "export const PAGE = 1;\n");
    write("lib/catalog/params.ts", 'import { PAGE } from "@/components/ui/pagination";\nexport const P = PAGE;\n');
    write("lib/db/prepare.ts", 'import { P } from "../catalog/params";\nexport const Q = P;\n');
    write("lib/ownership/access.ts", 'import type { X } from "@/lib/api/write-policy";\nexport type Y = X;\n');
    write("lib/api/write-policy.ts", "export type X = number;\n");
    write("lib/bench/server.ts", 'import "@/scripts/next-process";\n');
    write("scripts/next-process.ts", "export {};\n");
    write("lib/rules/rule.ts", 'export { P } from "@/lib/catalog/params";\n');
    write("lib/catalog/params.test.ts", 'import "@/tools/testing/kit";\nimport "@/app/api/route";\n');
    write("lib/catalog/uses-test.ts", 'import "./params.test";\n');
    write("app/(app)/settings/page.tsx", 'import { getPrisma } from "@/lib/db/client";\nexport const P = getPrisma;\n');

    it("finds each of them, and lets tests import what they test", () => {
      expect(findViolations(root).map(({ file, rule }) => `${file}: ${rule}`)).toEqual([
        "app/(app)/settings/page.tsx: app may not reach the database itself",
        "lib/bench/server.ts: domain may not import scripts",
        "lib/catalog/params.ts: domain may not import components",
        "lib/catalog/uses-test.ts: only tests run tests",
        "lib/db/prepare.ts: infrastructure may not import domain",
        "lib/ownership/access.ts: domain may not import api",
        "lib/rules/rule.ts: rules may not import domain",
      ]);
    });
  });
});
