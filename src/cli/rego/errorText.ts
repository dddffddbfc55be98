import type { RegoError, RegoErrorDetail } from "../../rego/index.js";

/**
 * A Rego error for a terminal: one `file:row:col: code: message` line per
 * detail (OPA prints only the row; the column saves a search), after a
 * count when there are several.
 *
 * @example errorText(err) // "policy/main.rego:4:10: rego_parse_error: unexpected eof token"
 */
export function errorText(err: RegoError): string {
  const lines = err.errors.map(detailText);
  if (lines.length <= 1) return lines[0] ?? err.message;
  return [`${lines.length} errors occurred:`, ...lines].join("\n");
}

function detailText(d: RegoErrorDetail): string {
  const at = d.location
    ? `${d.location.file}:${d.location.row}:${d.location.col}: `
    : "";
  return `${at}${d.code}: ${d.message}`;
}
