import { BuiltinError, register } from "./registry.js";
import { str } from "./strings.js";

/**
 * One glob token: `.` (any character) or a set of code points (a literal
 * is a one-element set), with how often it repeats.
 */
interface GlobToken {
  any: boolean;
  chars: Set<number>;
  /** `one`: exactly once; `star`: zero or more times. */
  rep: "one" | "star";
}

/** A rune read from the pattern, with the index after it. */
interface Rune {
  cp: number;
  escaped: boolean;
  next: number;
}

class GlobSyntaxError extends Error {}

function fail(pos: number, msg: string): never {
  throw new GlobSyntaxError(`pos:${pos}, ${msg}`);
}

function readRune(runes: number[], i: number): Rune | undefined {
  if (i >= runes.length) return undefined;
  if (runes[i] !== 0x5c) return { cp: runes[i]!, escaped: false, next: i + 1 };
  if (i === runes.length - 1)
    fail(i, "input ends with a \\ (escape) character");
  return { cp: runes[i + 1]!, escaped: true, next: i + 2 };
}

function addRange(
  runes: number[],
  at: number,
  from: number,
  out: Set<number>,
): number {
  if (at >= runes.length - 1)
    fail(at, "range character '-' must be followed by a Unicode character");
  const r = readRune(runes, at)!;
  if (!r.escaped && (r.cp === 0x5d || r.cp === 0x2d))
    fail(r.next, "range character '-' cannot be followed by a special symbol");
  if (r.cp < from)
    fail(
      r.next,
      `range is out of order: '${String.fromCodePoint(r.cp)}' comes before ` +
        `'${String.fromCodePoint(from)}' in Unicode`,
    );
  for (let c = from; c <= r.cp; c++) out.add(c);
  return r.next;
}

function readSet(runes: number[], start: number): [Set<number>, number] {
  const out = new Set<number>();
  let prev: number | undefined;
  let r = readRune(runes, start);
  while (r) {
    if (!r.escaped && r.cp === 0x5d) return [out, r.next];
    if (!r.escaped && r.cp === 0x2d) {
      if (prev === undefined)
        fail(
          r.next,
          "range character '-' must be preceded by a Unicode character",
        );
      r = readRune(runes, addRange(runes, r.next, prev, out));
      prev = undefined;
      continue;
    }
    out.add(r.cp);
    prev = r.cp;
    r = readRune(runes, r.next);
  }
  return fail(runes.length, "found [ without matching ]");
}

function readToken(runes: number[], r: Rune): [GlobToken, number] {
  const tok: GlobToken = { any: false, chars: new Set(), rep: "one" };
  if (r.escaped) tok.chars.add(r.cp);
  else if (r.cp === 0x2e) tok.any = true;
  else if (r.cp === 0x5d) fail(r.next, "set-close ']' with no preceding '['");
  else if (r.cp === 0x5b) {
    const [set, next] = readSet(runes, r.next);
    tok.chars = set;
    return [tok, next];
  } else if (r.cp === 0x2b || r.cp === 0x2a)
    fail(
      r.next,
      `flag '${String.fromCodePoint(r.cp)}' must be preceded by a non-flag`,
    );
  else tok.chars.add(r.cp);
  return [tok, r.next];
}

/**
 * Tokenizes a glob-like regex (`.`, `[...]`, `\` escapes, `*` and `+`);
 * `x+` becomes `x x*`.
 */
export function tokenizeGlob(pattern: string): GlobToken[] {
  const runes = [...pattern].map((c) => c.codePointAt(0)!);
  const out: GlobToken[] = [];
  let r = readRune(runes, 0);
  while (r) {
    const [tok, next] = readToken(runes, r);
    out.push(tok);
    r = readRune(runes, next);
    if (r && !r.escaped && (r.cp === 0x2a || r.cp === 0x2b)) {
      if (r.cp === 0x2b) out.push({ ...tok });
      out[out.length - 1]!.rep = "star";
      r = readRune(runes, r.next);
    }
  }
  return out;
}

function overlap(a: GlobToken, b: GlobToken): boolean {
  if (a.any) return b.any || b.chars.size > 0;
  if (b.any) return a.chars.size > 0;
  const [small, big] = a.chars.size < b.chars.size ? [a, b] : [b, a];
  for (const c of small.chars) if (big.chars.has(c)) return true;
  return false;
}

/**
 * True when some non-empty string matches both token lists (each anchored
 * at both ends): a search over the product of the two automata.
 */
export function globsIntersect(a: GlobToken[], b: GlobToken[]): boolean {
  const seen = new Set<number>();
  const todo: [number, number, number][] = [[0, 0, 0]];
  const push = (i: number, j: number, c: number): void => {
    const key = (i * (b.length + 1) + j) * 2 + c;
    if (!seen.has(key)) {
      seen.add(key);
      todo.push([i, j, c]);
    }
  };
  for (let s = todo.pop(); s; s = todo.pop()) {
    const [i, j, c] = s;
    if (i === a.length && j === b.length && c === 1) return true;
    const ta = a[i];
    const tb = b[j];
    if (ta?.rep === "star") push(i + 1, j, c);
    if (tb?.rep === "star") push(i, j + 1, c);
    if (ta && tb && overlap(ta, tb))
      push(ta.rep === "star" ? i : i + 1, tb.rep === "star" ? j : j + 1, 1);
  }
  return false;
}

function parse(pattern: string): GlobToken[] {
  try {
    return tokenizeGlob(pattern);
  } catch (e) {
    if (!(e instanceof GlobSyntaxError)) throw e;
    throw new BuiltinError(
      `input:${pattern}, ${e.message}: the input provided is invalid`,
      "eval_builtin_error",
      false,
      e,
    );
  }
}

register("regex.globs_match", 2, ([a, b]) =>
  globsIntersect(parse(str(a!, 1)), parse(str(b!, 2))),
);
