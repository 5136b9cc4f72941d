import { parseArgs } from "node:util";
import { openCliDatabase } from "@/lib/db/cli-database";
import { createPrismaClient } from "@/lib/db/client";
import { parseReportFilters, reportFiltersSchema } from "@/lib/report/filters";
import { loadReport } from "@/lib/report/load-report";
import { loadedReportToCsv, reportToJson } from "@/lib/report/report-output";

/**
 * `npm run report -- --format json|csv [--as-of YYYY-MM-DD] [--team ID] [--function marketing|it|shared]
 *   [--kind KEY] [--concern KEY] [--criticality LEVEL] [--gap TYPE]`: the gap report, from the same code as the
 * screen. Returns the exit code: 1 with a message on stderr when an option is not valid.
 */
export async function reportCommand(args: string[], out: { write(text: string): void; error(message: string): void }): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      format: { type: "string", default: "json" },
      "as-of": { type: "string" },
      team: { type: "string" },
      function: { type: "string" },
      kind: { type: "string" },
      concern: { type: "string" },
      criticality: { type: "string" },
      gap: { type: "string" },
    },
  });
  if (values.format !== "json" && values.format !== "csv") return fail(out, `--format must be json or csv, not "${values.format}".`);
  const raw = { ...values, asOf: values["as-of"] };
  const filters = parseReportFilters(raw);
  // The page forgives a bad filter; a command says so, so that a typo never yields a silently wrong report.
  for (const key of Object.keys(reportFiltersSchema.shape) as (keyof typeof filters)[]) {
    const given = (raw as Record<string, string | undefined>)[key];
    if (given !== undefined && filters[key] === undefined) return fail(out, `--${key === "asOf" ? "as-of" : key} "${given}" is not valid.`);
  }

  const database = await openCliDatabase();
  const prisma = createPrismaClient(database.url);
  try {
    const report = await loadReport(prisma, filters);
    out.write(values.format === "json" ? reportToJson(report) : loadedReportToCsv(report));
    return 0;
  } finally {
    await prisma.$disconnect();
    await database.release();
  }
}

function fail(out: { error(message: string): void }, message: string): number {
  out.error(message);
  return 1;
}
