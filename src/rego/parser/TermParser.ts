import type { Literal, Loc, Term, With } from "../ast.js";
import { lex, type TemplatePart, type Token } from "../lexer.js";
import { RegoError } from "../RegoError.js";
import { parseNumber } from "./parseNumber.js";

const REL_OPS: Record<string, string> = {
  "==": "equal",
  "!=": "neq",
  "<": "lt",
  ">": "gt",
  "<=": "lte",
  ">=": "gte",
};
const ARITH_OPS: Record<string, string> = { "+": "plus", "-": "minus" };
const FACTOR_OPS: Record<string, string> = {
  "*": "mul",
  "/": "div",
  "%": "rem",
};

/** Keywords that may be switched on per module (v0 `future.keywords`). */
export type Keyword = "in" | "every" | "contains" | "if";

/** Term, expression and query parsing shared by modules and queries. */
export class TermParser {
  protected pos = 0;
  protected nl: boolean[] = [true];
  protected noOr = false;
  keywords = new Set<Keyword>(["in", "every", "contains", "if"]);
  static wildcards = 0;

  constructor(
    protected toks: Token[],
    readonly file: string,
    protected src: string,
  ) {}

  protected fail(msg: string, t: Token = this.peek()): never {
    throw RegoError.single("rego_parse_error", msg, {
      file: this.file,
      row: t.row,
      col: t.col,
    });
  }

  protected peek(k = 0): Token {
    let i = this.pos;
    const skip = !this.nl[this.nl.length - 1];
    for (;;) {
      while (skip && this.toks[i]!.kind === "nl") i++;
      if (k === 0) return this.toks[i]!;
      k--;
      i++;
      if (i >= this.toks.length) return this.toks[this.toks.length - 1]!;
    }
  }

  protected next(): Token {
    const skip = !this.nl[this.nl.length - 1];
    while (skip && this.toks[this.pos]!.kind === "nl") this.pos++;
    const t = this.toks[this.pos]!;
    if (t.kind !== "eof") this.pos++;
    return t;
  }

  protected isOp(op: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === "op" && t.text === op;
  }

  protected isKw(kw: string): boolean {
    const t = this.peek();
    if (t.kind !== "ident" || t.text !== kw) return false;
    return !(kw in KW_SET) || this.keywords.has(kw as Keyword);
  }

  protected expectOp(op: string): Token {
    const t = this.peek();
    if (t.kind !== "op" || t.text !== op)
      this.fail(`unexpected ${describe(t)} token: expected ${op}`);
    return this.next();
  }

  /** True when the token at raw index i is followed by an adjacent `.`/`[`. */
  protected refFollows(i = this.rawPeekIndex()): boolean {
    const t = this.toks[i]!;
    const n = this.toks[i + 1];
    return (
      !!n &&
      n.kind === "op" &&
      (n.text === "." || n.text === "[") &&
      n.offset === t.offset + t.text.length
    );
  }

  protected rawPeekIndex(): number {
    let i = this.pos;
    if (!this.nl[this.nl.length - 1]) while (this.toks[i]!.kind === "nl") i++;
    return i;
  }

  protected skipNl(): void {
    while (this.toks[this.pos]!.kind === "nl") this.pos++;
  }

  protected loc(t: Token): Loc {
    return { file: this.file, row: t.row, col: t.col };
  }

  protected withText(l: Loc, startTok: Token): Loc {
    const prev = this.toks[this.pos - 1]!;
    l.text = this.src.slice(startTok.offset, prev.offset + prev.text.length);
    return l;
  }

  /** Parses a whole source as one expression. */
  parseExprOnly(): Term {
    this.nl.push(false);
    const e = this.parseExpr();
    const t = this.peek();
    if (t.kind !== "eof") this.fail(`unexpected ${describe(t)} token`);
    return e;
  }

  /** Parses an expression including `=` / `:=`. */
  parseExpr(): Term {
    const start = this.peek();
    const lhs = this.parseIn();
    for (const [op, name] of [
      [":=", "assign"],
      ["=", "eq"],
    ] as const) {
      if (this.isOp(op)) {
        this.next();
        const rhs = this.parseIn();
        return this.call(name, [lhs, rhs], start);
      }
    }
    return lhs;
  }

  protected call(name: string, args: Term[], t: Token): Term {
    const l = this.withText(this.loc(t), t);
    const fn: Term = { type: "var", name, loc: l };
    return { type: "call", name, fn, args, loc: l };
  }

  protected parseIn(): Term {
    const start = this.peek();
    let lhs = this.parseRelation();
    while (this.isKw("in")) {
      this.next();
      const rhs = this.parseRelation();
      lhs = this.call("internal.member_2", [lhs, rhs], start);
    }
    return lhs;
  }

  protected parseRelation(): Term {
    return this.binary(() => this.parseOr(), REL_OPS);
  }

  private binary(sub: () => Term, ops: Record<string, string>): Term {
    const start = this.peek();
    let lhs = sub();
    for (;;) {
      const t = this.peek();
      const name = t.kind === "op" ? ops[t.text] : undefined;
      if (!name) return lhs;
      this.next();
      lhs = this.call(name, [lhs, sub()], start);
    }
  }

  protected parseOr(): Term {
    if (this.noOr) return this.parseAnd();
    return this.binary(() => this.parseAnd(), { "|": "or" });
  }

  protected parseAnd(): Term {
    return this.binary(() => this.parseArith(), { "&": "and" });
  }

  protected parseArith(): Term {
    return this.binary(() => this.parseFactor(), ARITH_OPS);
  }

  protected parseFactor(): Term {
    return this.binary(() => this.parseTerm(), FACTOR_OPS);
  }

  /** Parses a primary term with its ref / call suffixes. */
  parseTerm(): Term {
    const start = this.peek();
    let t = this.parsePrimary();
    for (;;) {
      const n = this.toks[this.pos]!;
      const prev = this.toks[this.pos - 1]!;
      const adjacent = n.offset === prev.offset + prev.text.length;
      if (n.kind !== "op" || !adjacent) break;
      if (n.text === ".") t = this.dotSuffix(t, start);
      else if (n.text === "[") t = this.bracketSuffix(t, start);
      else if (n.text === "(" && isCallable(t)) t = this.callSuffix(t, start);
      else break;
    }
    return t;
  }

  private dotSuffix(t: Term, start: Token): Term {
    this.next();
    const id = this.next();
    if (id.kind !== "ident")
      this.fail(`unexpected ${describe(id)} token: expected ident`, id);
    const seg: Term = { type: "scalar", value: id.text, loc: this.loc(id) };
    return this.extend(t, seg, start);
  }

  private bracketSuffix(t: Term, start: Token): Term {
    this.next();
    this.nl.push(false);
    const saved = this.noOr;
    this.noOr = false;
    const seg = this.parseIn();
    this.noOr = saved;
    this.expectOp("]");
    this.nl.pop();
    return this.extend(t, seg, start);
  }

  private extend(t: Term, seg: Term, start: Token): Term {
    const l = this.withText(this.loc(start), start);
    if (t.type === "ref")
      return { type: "ref", head: t.head, path: [...t.path, seg], loc: l };
    return { type: "ref", head: t, path: [seg], loc: l };
  }

  private callSuffix(t: Term, start: Token): Term {
    this.next();
    const args = this.parseList(")");
    const name = refName(t);
    const l = this.withText(this.loc(start), start);
    return { type: "call", name, fn: t, args, loc: l };
  }

  protected parseList(close: string): Term[] {
    this.nl.push(false);
    const saved = this.noOr;
    this.noOr = false;
    const items: Term[] = [];
    while (!this.isOp(close)) {
      items.push(this.parseIn());
      if (!this.isOp(",")) break;
      this.next();
    }
    this.expectOp(close);
    this.noOr = saved;
    this.nl.pop();
    return items;
  }

  protected parsePrimary(): Term {
    const t = this.peek();
    const l = this.loc(t);
    switch (t.kind) {
      case "number":
        this.next();
        return {
          type: "scalar",
          value: parseNumber(t.text),
          loc: this.withText(l, t),
        };
      case "string":
      case "rawstring":
        this.next();
        return { type: "scalar", value: t.value!, loc: this.withText(l, t) };
      case "template":
        this.next();
        return this.template(t);
      case "ident":
        return this.ident(t);
      case "op":
        return this.opPrimary(t);
      default:
        return this.fail(`unexpected ${describe(t)} token`);
    }
  }

  private ident(t: Token): Term {
    const l = this.loc(t);
    const n = this.toks[this.pos + 1]!;
    const refNext =
      n.kind === "op" &&
      (n.text === "." ||
        n.text === "[" ||
        (n.text === "(" && t.text in KW_SET)) &&
      n.offset === t.offset + t.text.length;
    if (
      !refNext &&
      (RESERVED.has(t.text) ||
        (t.text in KW_SET && this.keywords.has(t.text as Keyword)))
    )
      this.fail(`unexpected ${t.text} keyword`);
    this.next();
    if (
      !refNext &&
      (t.text === "true" || t.text === "false" || t.text === "null")
    ) {
      const value = t.text === "null" ? null : t.text === "true";
      return { type: "scalar", value, loc: this.withText(l, t) };
    }
    if (t.text === "set" && this.isOp("(") && this.isOp(")", 1)) {
      this.next();
      this.next();
      return { type: "set", items: [], loc: this.withText(l, t) };
    }
    const name = t.text === "_" ? `$${TermParser.wildcards++}` : t.text;
    return { type: "var", name, loc: this.withText(l, t) };
  }

  private opPrimary(t: Token): Term {
    if (t.text === "[") return this.arrayLike(t);
    if (t.text === "{") return this.braceLike(t);
    if (t.text === "(") {
      this.next();
      this.nl.push(false);
      const saved = this.noOr;
      this.noOr = false;
      const e = this.parseMemberExpr();
      this.noOr = saved;
      this.expectOp(")");
      this.nl.pop();
      return e;
    }
    if (t.text === "-") {
      this.next();
      const n = this.peek();
      const inner = this.parseTerm();
      if (inner.type === "scalar" && n.kind === "number") {
        const v = inner.value as number | bigint;
        return {
          ...inner,
          value: typeof v === "bigint" ? -v : v === 0 ? 0 : -v,
        };
      }
      const zero: Term = { type: "scalar", value: 0, loc: this.loc(t) };
      return this.call("minus", [zero, inner], t);
    }
    return this.fail(`unexpected ${describe(t)} token`);
  }

  private arrayLike(t: Token): Term {
    this.next();
    this.nl.push(false);
    const saved = this.noOr;
    this.noOr = true;
    const items: Term[] = [];
    if (!this.isOp("]")) {
      const first = this.parseIn();
      this.noOr = false;
      if (this.isOp("|")) {
        this.next();
        const body = this.parseBodyUntil("]");
        this.noOr = saved;
        this.nl.pop();
        return {
          type: "arraycomp",
          term: first,
          body,
          loc: this.withText(this.loc(t), t),
        };
      }
      items.push(first);
      while (this.isOp(",")) {
        this.next();
        if (this.isOp("]")) break;
        items.push(this.parseIn());
      }
    }
    this.noOr = saved;
    this.expectOp("]");
    this.nl.pop();
    return { type: "array", items, loc: this.withText(this.loc(t), t) };
  }

  private braceLike(t: Token): Term {
    this.next();
    this.nl.push(false);
    const saved = this.noOr;
    const l = this.loc(t);
    if (this.isOp("}")) {
      this.next();
      this.nl.pop();
      return { type: "object", pairs: [], loc: this.withText(l, t) };
    }
    this.noOr = true;
    const first = this.parseIn();
    let out: Term;
    if (this.isOp(":")) out = this.objectRest(first, t);
    else if (this.isOp("|")) {
      this.next();
      this.noOr = false;
      const body = this.parseBodyUntil("}");
      this.noOr = saved;
      this.nl.pop();
      return { type: "setcomp", term: first, body, loc: this.withText(l, t) };
    } else {
      const items = [first];
      this.noOr = false;
      while (this.isOp(",")) {
        this.next();
        if (this.isOp("}")) break;
        items.push(this.parseIn());
      }
      this.expectOp("}");
      out = { type: "set", items, loc: this.withText(l, t) };
    }
    this.noOr = saved;
    this.nl.pop();
    return out;
  }

  private objectRest(firstKey: Term, t: Token): Term {
    this.next();
    const v = this.parseIn();
    this.noOr = false;
    if (this.isOp("|")) {
      this.next();
      const body = this.parseBodyUntil("}");
      return {
        type: "objectcomp",
        key: firstKey,
        value: v,
        body,
        loc: this.withText(this.loc(t), t),
      };
    }
    const pairs: [Term, Term][] = [[firstKey, v]];
    while (this.isOp(",")) {
      this.next();
      if (this.isOp("}")) break;
      const k = this.parseIn();
      this.expectOp(":");
      pairs.push([k, this.parseIn()]);
    }
    this.expectOp("}");
    return { type: "object", pairs, loc: this.withText(this.loc(t), t) };
  }

  /** Parses a comprehension body up to (and including) the closing op. */
  private parseBodyUntil(close: string): Literal[] {
    this.nl.push(true);
    const body = this.parseQuery(close);
    this.nl.pop();
    this.expectOp(close);
    return body;
  }

  /** Parses literals separated by `;` or newlines until `close` (not consumed). */
  parseQuery(close: string): Literal[] {
    const lits: Literal[] = [];
    for (;;) {
      this.skipSeparators();
      const t = this.peek();
      if ((t.kind === "op" && t.text === close) || t.kind === "eof") break;
      lits.push(this.parseLiteral());
      const n = this.toks[this.pos]!;
      if (!(
        n.kind === "nl" ||
        (n.kind === "op" && (n.text === ";" || n.text === close)) ||
        n.kind === "eof"
      ))
        this.fail(`unexpected ${describe(n)} token`, n);
    }
    if (lits.length === 0) this.fail("found empty body");
    return lits;
  }

  private skipSeparators(): void {
    for (;;) {
      const t = this.toks[this.pos]!;
      if (t.kind === "nl" || (t.kind === "op" && t.text === ";")) this.pos++;
      else return;
    }
  }

  /** Parses one body literal. */
  parseLiteral(): Literal {
    const t = this.peek();
    let lit: Literal;
    const kwOk = !this.refFollows();
    if (t.kind === "ident" && t.text === "some" && kwOk) lit = this.parseSome();
    else if (this.isKw("every") && kwOk) lit = this.parseEvery();
    else {
      const negated = t.kind === "ident" && t.text === "not" && kwOk;
      if (negated) this.next();
      lit = {
        kind: "expr",
        expr: this.parseMemberExpr(),
        negated,
        withs: [],
        loc: this.loc(t),
      };
      this.withText(lit.loc, t);
    }
    while (this.nextIsWith()) lit.withs.push(this.parseWith());
    return lit;
  }

  private nextIsWith(): boolean {
    let i = this.pos;
    while (this.toks[i]!.kind === "nl") i++;
    const t = this.toks[i]!;
    if (t.kind !== "ident" || t.text !== "with" || this.refFollows(i))
      return false;
    this.pos = i;
    return true;
  }

  /** Parses an expression, allowing `k, v in coll` membership. */
  protected parseMemberExpr(): Term {
    const start = this.peek();
    const e = this.parseExpr();
    if (!this.isOp(",") || !this.keywords.has("in")) return e;
    this.next();
    const v = this.parseRelation();
    if (!this.isKw("in")) this.fail("unexpected , token");
    this.next();
    const domain = this.parseRelation();
    return this.call("internal.member_3", [e, v, domain], start);
  }

  private parseWith(): With {
    const t = this.next();
    const target = this.parseTerm();
    const as = this.next();
    if (as.kind !== "ident" || as.text !== "as")
      this.fail("unexpected token: expected as", as);
    return { target, value: this.parseIn(), loc: this.loc(t) };
  }

  private parseSome(): Literal {
    const t = this.next();
    const l = this.loc(t);
    const first = this.parseOr();
    const terms = [first];
    while (this.isOp(",")) {
      this.next();
      terms.push(this.parseOr());
    }
    if (this.isKw("in")) {
      this.next();
      if (terms.length > 2) this.fail("unexpected , token");
      const domain = this.parseRelation();
      const [key, value] = terms.length === 2 ? terms : [undefined, terms[0]!];
      return {
        kind: "somein",
        key,
        value: value!,
        domain,
        loc: this.withText(l, t),
        withs: [],
      };
    }
    for (const v of terms)
      if (v.type !== "var") this.fail("expected var in some declaration");
    return { kind: "some", vars: terms, loc: this.withText(l, t), withs: [] };
  }

  private parseEvery(): Literal {
    const t = this.next();
    const first = this.parseOr();
    let key: Term | undefined;
    let value = first;
    if (this.isOp(",")) {
      this.next();
      key = first;
      value = this.parseOr();
    }
    if (!this.isKw("in")) this.fail("unexpected token: expected in");
    this.next();
    const domain = this.parseRelation();
    this.expectOp("{");
    this.nl.push(true);
    const body = this.parseQuery("}");
    this.nl.pop();
    this.expectOp("}");
    return {
      kind: "every",
      key,
      value,
      domain,
      body,
      loc: this.withText(this.loc(t), t),
      withs: [],
    };
  }

  private template(t: Token): Term {
    const parts: (string | Term)[] = [];
    for (const p of t.parts as TemplatePart[]) {
      if (typeof p === "string") parts.push(p);
      else parts.push(parseSubExpr(p.src, this.file, this.keywords));
    }
    return { type: "template", parts, loc: this.withText(this.loc(t), t) };
  }
}

function parseSubExpr(src: string, file: string, kws: Set<Keyword>): Term {
  const { tokens } = lex(src, file);
  const p = new TermParser(tokens, file, src);
  p.keywords = kws;
  return p.parseExprOnly();
}

const KW_SET = { in: 1, every: 1, contains: 1, if: 1 };
const RESERVED = new Set([
  "not",
  "with",
  "as",
  "some",
  "package",
  "import",
  "default",
  "else",
]);

/** Describes a token for parse errors, as OPA does. */
export function describe(t: Token): string {
  if (t.kind === "eof") return "eof";
  if (t.kind === "ident") return "ident";
  if (t.kind === "nl") return "newline";
  if (t.kind === "string" || t.kind === "rawstring") return "string";
  if (t.kind === "number") return "number";
  return t.text;
}

function isCallable(t: Term): boolean {
  if (t.type === "var") return true;
  return (
    t.type === "ref" &&
    t.head.type === "var" &&
    t.path.every((p) => p.type === "scalar" && typeof p.value === "string")
  );
}

/** Dotted name of a var or string-path ref (`a.b.c`). */
export function refName(t: Term): string {
  if (t.type === "var") return t.name;
  if (t.type !== "ref") return "";
  return [
    refName(t.head),
    ...t.path.map((p) => (p.type === "scalar" ? String(p.value) : "?")),
  ].join(".");
}
