import { expect, it } from "vitest";
import type { ImportPlan } from "./plan-types";
import { limitErrors } from "./run-import";

it("keeps the first errors of each file in a response, and says how many were left out", () => {
  const errors = Array.from({ length: 7 }, (_, index) => ({ file: "assets.csv", line: index + 2, column: "kind", message: "no asset kind x" }));
  const plan: ImportPlan = {
    files: [
      { file: "people.csv", uploadedName: "people.csv", rows: 1, created: 1, updated: 0, unchanged: 0, errors: [] },
      { file: "assets.csv", uploadedName: "assets.csv", rows: 7, created: 0, updated: 0, unchanged: 0, errors },
    ],
    teamsCreated: [],
    errorCount: 7,
    changeCount: 1,
  };
  const limited = limitErrors(plan, 5);
  expect(limited.errorCount).toBe(7);
  expect(limited.files[0]).toEqual(plan.files[0]);
  expect(limited.files[1]?.errors.map((error) => error.line)).toEqual([2, 3, 4, 5, 6]);
  expect(limited.files[1]?.errorsNotShown).toBe(2);
});
