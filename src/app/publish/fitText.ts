/**
 * Shortens Markdown to at most `max` characters, cutting at a line break,
 * and says what was cut: GitHub rejects longer bodies, and a silent cut
 * would hide findings. Pure.
 * @example fitText(report, 65_535, "the full list is in the check run")
 */
export function fitText(text: string, max: number, where: string): string {
  if (text.length <= max) return text;
  const note = (cut: number, lines: number): string =>
    `\n\n> ✂️ ${cut} characters (${lines} lines) were cut to fit ` +
    `GitHub's limit of ${max}; ${where}.\n`;
  const room = max - note(text.length, countLines(text)).length;
  const lineEnd = text.lastIndexOf("\n", room);
  const kept = text.slice(0, lineEnd > 0 ? lineEnd : Math.max(room, 0));
  const rest = text.slice(kept.length);
  return kept + note(rest.length, countLines(rest));
}

function countLines(text: string): number {
  return text.split("\n").filter((l) => l !== "").length;
}
