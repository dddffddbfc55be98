import { applyFunc, isDefaultOp } from "./envsubstFuncs.js";

/** How {@link envsubst} treats variables that have no value. */
export interface EnvsubstOptions {
  /**
   * Leave references to unknown variables as written, for when some
   * values live only in the cluster (a substituteFrom outside the repo);
   * ones with a default still take it, the likeliest value.
   */
  keepUnknown?: boolean;
}

/** The result of {@link envsubst}. */
export interface EnvsubstResult {
  text: string;
  /** Variables read without a value and without a default operator. */
  missing: string[];
}

/**
 * Flux `postBuild.substitute`, following the grammar of Flux's fork of
 * drone/envsubst: `${var}`, `${#var}`, `${var:=d}`, `${var:-d}`,
 * `${var=d}`, `${var:?d}`, `${var:+d}` (all of which use `d` when the
 * value is empty, nested `${...}` allowed), `${var:n:len}`, `${var^^}`,
 * `${var,,}`, `${var/a/b}`, `${var#p}`, `${var%p}`. `$$` is a literal
 * `$`, so `$${var}` stays `${var}`; `$var` is not a reference.
 *
 * @throws Error with Flux's message (e.g. `bad substitution`) when the
 *   text has a `${` Flux cannot parse; Flux then fails the build.
 * @example envsubst("r: ${N:=2}", {}).text === "r: 2"
 */
export function envsubst(
  text: string,
  vars: Readonly<Record<string, string>>,
  options: EnvsubstOptions = {},
): EnvsubstResult {
  const missing = new Set<string>();
  const p = new Parser(text, (name, op, args, raw) => {
    const value = vars[name];
    if (value === undefined && options.keepUnknown && !isDefaultOp(op)) {
      return raw;
    }
    if (value === undefined && !isDefaultOp(op)) missing.add(name);
    return applyFunc(op, value ?? "", args);
  });
  return { text: p.top(), missing: [...missing].sort() };
}

type Lookup = (name: string, op: string, args: string[], raw: string) => string;

const IDENT = /[\p{L}\p{N}_]/u;

/** Recursive descent over Flux's envsubst grammar, evaluating as it goes. */
class Parser {
  private pos = 0;

  constructor(
    private readonly s: string,
    private readonly lookup: Lookup,
  ) {}

  /** Top-level text: `$$` escapes a `$`, `${` opens a reference. */
  top(): string {
    let out = "";
    while (this.pos < this.s.length) {
      if (this.s.startsWith("$$", this.pos)) {
        out += "$";
        this.pos += 2;
      } else if (this.s.startsWith("${", this.pos)) {
        out += this.reference();
      } else {
        out += this.s[this.pos++];
      }
    }
    return out;
  }

  private reference(): string {
    const start = this.pos;
    this.pos += 2;
    if (this.peek() === "#") {
      this.pos++;
      const name = this.ident("bad substitution");
      this.close();
      return this.lookup(name, "#len", [], this.s.slice(start, this.pos));
    }
    const name = this.ident("unable to parse variable name");
    const { op, args } = this.func();
    return this.lookup(name, op, args, this.s.slice(start, this.pos));
  }

  private func(): { op: string; args: string[] } {
    const c = this.peek();
    const next = this.s[this.pos + 1] ?? "";
    if (c === "}") return this.done("", []);
    if (c === "=" || (c === ":" && "=-?+".includes(next) && next !== "")) {
      const op = this.take(c === "=" ? 1 : 2);
      return { op, args: this.defaultArgs() };
    }
    if (c === ":") return this.substr();
    if (c === "," || c === "^") return this.done(this.takeRun(c, 2), []);
    if (c === "#" || c === "%") {
      const op = this.takeRun(c, 2);
      return this.done(op, [this.param((ch) => ch !== "}")]);
    }
    if (c === "/") return this.replace();
    throw new Error("missing closing brace");
  }

  private defaultArgs(): string[] {
    const args: string[] = [];
    while (this.peek() !== "}") {
      if (this.pos >= this.s.length) throw new Error("bad substitution");
      args.push(this.param((ch) => ch !== "}"));
    }
    this.pos++;
    return args;
  }

  private substr(): { op: string; args: string[] } {
    this.pos++;
    const args = [this.param((ch) => ch !== ":" && ch !== "}")];
    if (this.peek() === ":") {
      this.pos++;
      args.push(this.param((ch) => ch !== "}"));
    }
    return this.done(":", args);
  }

  private replace(): { op: string; args: string[] } {
    this.pos++;
    let op = "/";
    if ("/#%".includes(this.peek()) && this.peek() !== "") op += this.take(1);
    const pattern = this.peek() === "/" ? "" : this.param((c) => c !== "/");
    if (this.peek() !== "/") throw new Error("bad substitution");
    this.pos++;
    if (this.peek() === "}") return this.done(op, [pattern]);
    return this.done(op, [pattern, this.param((c) => c !== "}")]);
  }

  /** One argument: a nested reference or text up to a stop character. */
  private param(accept: (c: string) => boolean): string {
    if (this.s.startsWith("${", this.pos)) return this.reference();
    const start = this.pos;
    while (this.pos < this.s.length && accept(this.peek())) {
      if (this.s.startsWith("${", this.pos) && this.pos > start) break;
      this.pos++;
    }
    if (this.pos >= this.s.length) throw new Error("bad substitution");
    return this.s.slice(start, this.pos);
  }

  private ident(error: string): string {
    const start = this.pos;
    while (IDENT.test(this.peek())) this.pos++;
    if (this.pos === start) throw new Error(error);
    return this.s.slice(start, this.pos);
  }

  private done(op: string, args: string[]): { op: string; args: string[] } {
    this.close();
    return { op, args };
  }

  private close(): void {
    if (this.peek() !== "}") throw new Error("bad substitution");
    this.pos++;
  }

  private takeRun(c: string, max: number): string {
    let n = 0;
    while (n < max && this.s[this.pos + n] === c) n++;
    return this.take(n);
  }

  private take(n: number): string {
    const out = this.s.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  private peek(): string {
    return this.s[this.pos] ?? "";
  }
}
