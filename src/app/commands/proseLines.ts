/** An opening code fence: up to three spaces, then three or more ` or ~. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** Four columns of indentation open an indented code block. */
const INDENTED = /^(?: {4}|\t)/;
const QUOTE = /^ {0,3}>/;

/**
 * The lines of a Markdown comment that render as plain text, trimmed:
 * lines in fenced or indented code blocks and in block quotes are left
 * out, so a quoted or pasted command is never run. A line right after a
 * quote is a lazy continuation of it (CommonMark) until a blank line.
 * Errs on the side of leaving a line out. Pure.
 * @example proseLines("> /gitops recheck\n\nok") // ["", "ok"]
 */
export function proseLines(body: string): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  let quoted = false;
  for (const line of body.split(/\r?\n/)) {
    if (fence !== undefined) {
      if (closes(line, fence)) fence = undefined;
      continue;
    }
    const open = FENCE.exec(line)?.[1];
    if (open !== undefined) {
      fence = open;
      continue;
    }
    const blank = line.trim() === "";
    quoted = QUOTE.test(line) || (quoted && !blank);
    if (quoted || INDENTED.test(line)) continue;
    out.push(line.trim());
  }
  return out;
}

/** A closing fence: the same character, at least as long, nothing after. */
function closes(line: string, fence: string): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
  return m?.[1]?.[0] === fence[0] && (m?.[1]?.length ?? 0) >= fence.length;
}
