import { RegoError } from "./RegoError.js";

/** Token kinds produced by {@link lex}. */
export type TokKind =
  | "ident"
  | "string"
  | "rawstring"
  | "template"
  | "number"
  | "op"
  | "nl"
  | "eof";

/** One token with its 1-based position. */
export interface Token {
  kind: TokKind;
  text: string;
  /** Decoded value of strings. */
  value?: string;
  /** Literal text and expression sources of a template string. */
  parts?: TemplatePart[];
  row: number;
  col: number;
  offset: number;
}

/** A piece of a template string: literal text or an embedded expression. */
export type TemplatePart = string | { src: string; offset: number };

/** A `#` comment with its position. */
export interface Comment {
  text: string;
  row: number;
  col: number;
}

const OPS3 = new Set<string>();
const OPS2 = new Set([":=", "==", "!=", "<=", ">="]);
const OPS1 = new Set("()[]{},;.:=<>+-*/%&|".split(""));

const ESC: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

class Lexer {
  pos = 0;
  row = 1;
  lineStart = 0;
  toks: Token[] = [];
  comments: Comment[] = [];
  constructor(
    readonly src: string,
    readonly file: string,
  ) {}

  fail(msg: string, offset = this.pos): never {
    const col = offset - this.lineStart + 1;
    throw RegoError.single("rego_parse_error", msg, {
      file: this.file,
      row: this.row,
      col,
    });
  }

  push(kind: TokKind, start: number, text: string, value?: string): void {
    const col = start - this.lineStart + 1;
    this.toks.push({ kind, text, value, row: this.row, col, offset: start });
  }

  run(): void {
    const s = this.src;
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (c === "\n") {
        this.push("nl", this.pos, "\n");
        this.pos++;
        this.row++;
        this.lineStart = this.pos;
      } else if (c === " " || c === "\t" || c === "\r") this.pos++;
      else if (c === "#") this.comment();
      else if (c === '"') this.string();
      else if (c === "`") this.raw();
      else if (
        c === "$" &&
        (s[this.pos + 1] === '"' || s[this.pos + 1] === "`")
      )
        this.template();
      else if (isDigit(c)) this.number();
      else if (isIdentStart(c)) this.ident();
      else this.op();
    }
    this.push("eof", this.pos, "");
  }

  comment(): void {
    const start = this.pos;
    while (this.pos < this.src.length && this.src[this.pos] !== "\n")
      this.pos++;
    this.comments.push({
      text: this.src.slice(start + 1, this.pos).replace(/\r$/, ""),
      row: this.row,
      col: start - this.lineStart + 1,
    });
  }

  string(): void {
    const start = this.pos;
    const value = this.readQuoted('"');
    this.push("string", start, this.src.slice(start, this.pos), value);
  }

  readQuoted(q: string, template = false): string {
    const s = this.src;
    this.pos++;
    let out = "";
    for (;;) {
      if (this.pos >= s.length) this.fail("non-terminated string");
      const c = s[this.pos]!;
      if (c === "\n" && q === '"') this.fail("non-terminated string");
      if (c === q) {
        this.pos++;
        return out;
      }
      if (c === "\n") {
        this.row++;
        this.lineStart = this.pos + 1;
      }
      if (c === "\\" && q === '"') {
        out += this.escape(template);
        continue;
      }
      out += c;
      this.pos++;
    }
  }

  escape(template: boolean): string {
    const s = this.src;
    const e = s[this.pos + 1];
    if (e === undefined) this.fail("non-terminated string");
    if (template && (e === "{" || e === "}")) {
      this.pos += 2;
      return "\\" + e;
    }
    if (e === "u") {
      const hex = s.slice(this.pos + 2, this.pos + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("illegal escape sequence");
      this.pos += 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    const r = ESC[e];
    if (r === undefined) this.fail("illegal escape sequence");
    this.pos += 2;
    return r;
  }

  raw(): void {
    const start = this.pos;
    const startRow = this.row;
    const startLine = this.lineStart;
    const value = this.readQuoted("`");
    const col = start - startLine + 1;
    const text = this.src.slice(start, this.pos);
    this.toks.push({
      kind: "rawstring",
      text,
      value,
      row: startRow,
      col,
      offset: start,
    });
  }

  template(): void {
    const start = this.pos;
    const startRow = this.row;
    const col = start - this.lineStart + 1;
    const q = this.src[this.pos + 1]!;
    this.pos += 2;
    const parts: TemplatePart[] = [];
    let lit = "";
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) this.fail("non-terminated string");
      if (c === q) break;
      if (c === "\\" && q === '"') {
        const e = this.src[this.pos + 1];
        if (e === "{" || e === "}") {
          lit += e;
          this.pos += 2;
        } else lit += this.escape(false);
      } else if (c === "{") {
        parts.push(lit);
        lit = "";
        parts.push(this.templateExpr());
      } else {
        if (c === "\n" && q === '"') this.fail("non-terminated string");
        if (c === "\n") {
          this.row++;
          this.lineStart = this.pos + 1;
        }
        lit += c;
        this.pos++;
      }
    }
    this.pos++;
    parts.push(lit);
    const text = this.src.slice(start, this.pos);
    this.toks.push({
      kind: "template",
      text,
      parts,
      row: startRow,
      col,
      offset: start,
    });
  }

  templateExpr(): TemplatePart {
    const s = this.src;
    const begin = ++this.pos;
    let depth = 0;
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (c === '"') {
        this.readQuoted('"');
        continue;
      }
      if (c === "`") {
        this.readQuoted("`");
        continue;
      }
      if (c === "{") depth++;
      if (c === "}") {
        if (depth === 0) break;
        depth--;
      }
      this.pos++;
    }
    if (this.pos >= s.length) this.fail("non-terminated string");
    const part = { src: s.slice(begin, this.pos), offset: begin };
    this.pos++;
    return part;
  }

  number(): void {
    const s = this.src;
    const start = this.pos;
    while (isDigit(s[this.pos])) this.pos++;
    if (s[this.pos] === "." && isDigit(s[this.pos + 1])) {
      this.pos++;
      while (isDigit(s[this.pos])) this.pos++;
    }
    if (s[this.pos] === "e" || s[this.pos] === "E") {
      let p = this.pos + 1;
      if (s[p] === "+" || s[p] === "-") p++;
      if (isDigit(s[p])) {
        this.pos = p;
        while (isDigit(s[this.pos])) this.pos++;
      }
    }
    if (isIdentStart(s[this.pos] ?? " ")) this.fail("illegal number format");
    this.push("number", start, s.slice(start, this.pos));
  }

  ident(): void {
    const s = this.src;
    const start = this.pos;
    while (this.pos < s.length && isIdentPart(s[this.pos]!)) this.pos++;
    this.push("ident", start, s.slice(start, this.pos));
  }

  op(): void {
    const s = this.src;
    const three = s.slice(this.pos, this.pos + 3);
    const two = s.slice(this.pos, this.pos + 2);
    const one = s[this.pos]!;
    const t = OPS3.has(three)
      ? three
      : OPS2.has(two)
        ? two
        : OPS1.has(one)
          ? one
          : "";
    if (!t) this.fail(`illegal token '${one}'`);
    this.push("op", this.pos, t);
    this.pos += t.length;
  }
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

function isIdentStart(c: string): boolean {
  return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_";
}

function isIdentPart(c: string): boolean {
  return isIdentStart(c) || isDigit(c);
}

/** Splits Rego source into tokens (newlines kept) and comments. */
export function lex(
  src: string,
  file: string,
): { tokens: Token[]; comments: Comment[] } {
  const l = new Lexer(src, file);
  l.run();
  return { tokens: l.toks, comments: l.comments };
}
