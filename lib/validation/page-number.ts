/** Reads `?page=` safely: anything that is not a positive whole number is page 1. */
export function parsePage(value: string | string[] | undefined): number {
  const page = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(page) && page > 0 && page < 1_000_000 ? page : 1;
}
