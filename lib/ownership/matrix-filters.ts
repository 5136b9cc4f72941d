import { z } from "zod";

/** The matrix's URL state. Anything unreadable falls back to "no filter", never to an error page. */
const optionalText = z.string().trim().max(100).optional().catch(undefined);

export const matrixFiltersSchema = z.object({
  kind: optionalText,
  team: z.coerce.number().int().positive().optional().catch(undefined),
  criticality: z.enum(["low", "medium", "high", "critical"]).optional().catch(undefined),
  home: z.enum(["marketing", "it", "shared"]).optional().catch(undefined),
  state: z.enum(["gaps", "covered"]).optional().catch(undefined),
  q: optionalText,
  asset: optionalText,
  concern: optionalText,
});

export type MatrixFilters = z.output<typeof matrixFiltersSchema>;

export function parseMatrixFilters(searchParams: Record<string, string | string[] | undefined>): MatrixFilters {
  const flat = Object.fromEntries(
    Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  return matrixFiltersSchema.parse(flat);
}

export const MATRIX_PAGE_SIZE = 100;
