/**
 * Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (CSV injection, see
 * https://owasp.org/www-community/attacks/CSV_Injection). The export prefixes such values with a
 * single quote, which spreadsheets show as text; the import removes exactly that one quote again, so
 * an exported file re-imports to the same values. A value that already starts with quotes before
 * such a character gets one more quote, which keeps the mapping reversible. The import refuses a
 * formula without its quote: nobody can tell whether it was meant as text or as a formula.
 */

const FORMULA = /^[=+\-@]/;
const FORMULA_LIKE = /^'*[=+\-@]/;
const ESCAPED = /^'+[=+\-@]/;

export function isFormula(value: string): boolean {
  return FORMULA.test(value);
}

export function escapeForSpreadsheet(value: string): string {
  return FORMULA_LIKE.test(value) ? `'${value}` : value;
}

export function unescapeFromSpreadsheet(value: string): string {
  return ESCAPED.test(value) ? value.slice(1) : value;
}
