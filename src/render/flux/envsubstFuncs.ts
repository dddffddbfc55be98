/**
 * The string functions of Flux's envsubst, by operator. Every default
 * operator (`=`, `:=`, `:-`, `:?`, `:+`) means the same there: the
 * joined arguments when the value is empty, else the value.
 */
const FUNCS: Record<string, (v: string, args: string[]) => string> = {
  "": (v) => v,
  "#len": (v) => String(Buffer.byteLength(v)),
  ",": (v) => v.charAt(0).toLowerCase() + v.slice(1),
  ",,": (v) => v.toLowerCase(),
  "^": (v) => v.charAt(0).toUpperCase() + v.slice(1),
  "^^": (v) => v.toUpperCase(),
  ":": substring,
  "/": (v, [a = "", b = ""]) => v.replace(a, () => b),
  "//": (v, [a = "", b = ""]) => (a === "" ? v : v.split(a).join(b)),
  "/#": (v, [a = "", b = ""]) => (v.startsWith(a) ? b + v.slice(a.length) : v),
  "/%": (v, [a = "", b = ""]) =>
    v.endsWith(a) ? v.slice(0, v.length - a.length) + b : v,
  "#": (v, [p = ""]) => trimPrefix(v, p, false),
  "##": (v, [p = ""]) => trimPrefix(v, p, true),
  "%": (v, [p = ""]) => reverse(trimPrefix(reverse(v), reverse(p), false)),
  "%%": (v, [p = ""]) => reverse(trimPrefix(reverse(v), reverse(p), true)),
};

const DEFAULT_OPS = new Set(["=", ":=", ":-", ":?", ":+"]);

/** True for operators that supply a value of their own when it is empty. */
export function isDefaultOp(op: string): boolean {
  return DEFAULT_OPS.has(op);
}

/** Applies the function of `op` to a variable's value. */
export function applyFunc(op: string, value: string, args: string[]): string {
  if (isDefaultOp(op)) return value === "" ? args.join("") : value;
  return (FUNCS[op] ?? FUNCS[""]!)(value, args);
}

function substring(v: string, [p = "", l]: string[]): string {
  let pos = Number.parseInt(p, 10);
  if (Number.isNaN(pos)) return v;
  if (pos < 0) pos = Math.max(0, v.length + pos);
  if (l === undefined) return v.slice(pos);
  const len = Number.parseInt(l, 10);
  if (Number.isNaN(len)) return v;
  if (len < 0) return v.length + len < pos ? "" : v.slice(pos, v.length + len);
  return v.slice(pos, pos + len);
}

/** Strips the shortest or longest prefix matching a shell glob. */
function trimPrefix(v: string, glob: string, longest: boolean): string {
  const re = globRegExp(glob);
  if (!re) return v;
  let found = -1;
  for (let n = 1; n <= v.length; n++) {
    if (!re.test(v.slice(0, n))) continue;
    found = n;
    if (!longest) break;
  }
  return found < 0 ? v : v.slice(found);
}

/** Go's `path.Match` glob (`*`, `?`, `[...]`) as an anchored RegExp. */
function globRegExp(glob: string): RegExp | undefined {
  let src = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") src += "[^/]*";
    else if (c === "?") src += "[^/]";
    else if (c === "[") {
      const end = glob.indexOf("]", i + 1);
      if (end < 0) return undefined;
      const body = glob.slice(i + 1, end).replace(/^\^/, "!");
      src += `[${body.startsWith("!") ? "^" + body.slice(1) : body}]`;
      i = end;
    } else src += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  try {
    return new RegExp(`^${src}$`, "s");
  } catch {
    return undefined;
  }
}

function reverse(s: string): string {
  return [...s].reverse().join("");
}
