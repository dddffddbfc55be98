/**
 * A preview of a secret that shows at most 4 of its characters (fewer for
 * short values, none under 12) and its length.
 * @example maskPreview("AKIAQX7RZ4KJ2LMN5PQR") // "AKIA… (20 chars)"
 */
export function maskPreview(value: string): string {
  const chars = [...value];
  const shown = visibleChars(chars.length);
  const head = chars.slice(0, shown).join("").replace(/\s/g, " ");
  return `${head}… (${chars.length} chars)`;
}

function visibleChars(length: number): number {
  if (length >= 20) return 4;
  if (length >= 12) return 2;
  return 0;
}
