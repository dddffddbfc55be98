/** Longest tool message we repeat in a finding. */
const MAX_MESSAGE = 2000;

/**
 * Makes a tool's error output safe to show: the sandbox and HOME paths are
 * cut out (so paths read as repo-relative), ANSI escapes and Go stack dumps
 * are dropped, and the text is capped.
 *
 * @param privatePaths - absolute temp paths to remove, longest first wins
 */
export function sanitizeMessage(
  text: string,
  privatePaths: readonly string[],
): string {
  // eslint-disable-next-line no-control-regex -- ANSI escapes start with ESC
  let out = text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "");
  const paths = [...privatePaths].sort((a, b) => b.length - a.length);
  for (const p of paths) {
    if (p === "") continue;
    out = out.split(`${p}/`).join("").split(p).join(".");
  }
  out = out.replace(/\/tmp\/[^\s'"`:]*/g, "<tmp>");
  // Tool advice about flags of its own that the gate does not have.
  out = out.replace(/\s*Use --debug flag to render out invalid YAML\.?/g, "");
  const stack = out.search(/\n(goroutine \d+|runtime stack:)/);
  if (stack >= 0) out = out.slice(0, stack);
  out = out.trim();
  if (out.length > MAX_MESSAGE) {
    out = `${out.slice(0, MAX_MESSAGE)}… (${out.length - MAX_MESSAGE} more characters cut)`;
  }
  return out;
}
