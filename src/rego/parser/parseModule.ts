import { parse as parseYaml } from "yaml";
import type {
  Annotation,
  Import,
  Literal,
  Module,
  Rule,
  Term,
} from "../ast.js";
import { lex, type Comment, type Token } from "../lexer.js";
import { RegoError } from "../RegoError.js";
import { describe, type Keyword, TermParser } from "./TermParser.js";

const ALL_KW: Keyword[] = ["in", "every", "contains", "if"];

class ModuleParser extends TermParser {
  v1: boolean;
  constructor(toks: Token[], file: string, src: string, v1: boolean) {
    super(toks, file, src);
    this.v1 = v1;
    if (!v1) this.keywords = new Set();
  }

  parseModule(comments: Comment[]): Module {
    this.skipNl();
    const t = this.peek();
    if (t.kind !== "ident" || t.text !== "package")
      this.fail("package expected");
    this.next();
    const pkgTerm = this.parseTerm();
    const pkg = this.pathOf(pkgTerm, t);
    const mod: Module = {
      file: this.file,
      pkg,
      pkgLoc: this.loc(t),
      imports: [],
      rules: [],
      regoV1: this.v1,
      annotations: [],
    };
    this.endLine();
    this.parseImports(mod);
    mod.regoV1 = this.v1;
    for (;;) {
      this.skipNl();
      if (this.peek().kind === "eof") break;
      mod.rules.push(this.parseRule(mod));
      this.endLine();
    }
    attachAnnotations(mod, comments, this.file);
    return mod;
  }

  private endLine(): void {
    const t = this.toks[this.pos]!;
    if (t.kind === "nl" || t.kind === "eof") return;
    if (t.kind === "op" && t.text === ";") {
      this.pos++;
      return;
    }
    this.fail(`unexpected ${describe(t)} token`, t);
  }

  private pathOf(term: Term, t: Token): string[] {
    const parts: string[] = [];
    const walk = (x: Term): void => {
      if (x.type === "var") parts.push(x.name);
      else if (x.type === "ref") {
        walk(x.head);
        for (const p of x.path) {
          if (p.type !== "scalar" || typeof p.value !== "string")
            this.fail("package path must be strings", t);
          parts.push(p.value);
        }
      } else this.fail("unexpected package path", t);
    };
    walk(term);
    return parts;
  }

  private parseImports(mod: Module): void {
    for (;;) {
      this.skipNl();
      const t = this.peek();
      if (t.kind !== "ident" || t.text !== "import") return;
      this.next();
      const path = this.parseTerm();
      const imp: Import = { path, loc: this.loc(t) };
      if (this.peek().kind === "ident" && this.peek().text === "as") {
        this.next();
        imp.alias = this.next().text;
      }
      this.endLine();
      this.applyImport(imp, t);
      mod.imports.push(imp);
    }
  }

  private applyImport(imp: Import, t: Token): void {
    const p = this.pathOf(imp.path, t);
    if (p[0] === "rego" && p[1] === "v1" && p.length === 2) {
      this.v1 = true;
      this.keywords = new Set(ALL_KW);
    } else if (p[0] === "future" && p[1] === "keywords") {
      if (p.length === 2) for (const k of ALL_KW) this.keywords.add(k);
      else if (ALL_KW.includes(p[2] as Keyword))
        this.keywords.add(p[2] as Keyword);
      else this.fail(`unexpected keyword in future.keywords: ${p[2]}`, t);
    } else if (
      p[0] !== "data" &&
      p[0] !== "input" &&
      p[0] !== "future" &&
      p[0] !== "rego"
    )
      this.fail(
        "unexpected import path, must begin with one of: {data, future, input, rego}",
        t,
      );
  }

  private parseRule(mod: Module): Rule {
    const t = this.peek();
    let isDefault = false;
    if (t.kind === "ident" && t.text === "default" && !this.refFollows()) {
      this.next();
      isDefault = true;
    }
    const rule = this.parseHead(isDefault);
    rule.module = mod;
    if (isDefault) {
      if (!rule.value) this.fail("default rule must have a value", t);
      return rule;
    }
    this.parseRuleBody(rule, t);
    let prev = rule;
    while (this.peekElse()) prev = this.parseElse(prev, rule);
    return rule;
  }

  private peekElse(): boolean {
    let i = this.pos;
    while (this.toks[i]!.kind === "nl") i++;
    const t = this.toks[i]!;
    if (t.kind === "ident" && t.text === "else" && !this.refFollows(i)) {
      this.pos = i;
      return true;
    }
    return false;
  }

  private parseElse(prev: Rule, first: Rule): Rule {
    const t = this.next();
    const r: Rule = {
      ...first,
      value: undefined,
      body: [],
      elseRule: undefined,
      loc: this.loc(t),
      assign: false,
    };
    if (this.isOp("=") || this.isOp(":=")) {
      r.assign = this.next().text === ":=";
      r.value = this.parseIn();
    }
    this.parseRuleBody(r, t);
    prev.elseRule = r;
    return r;
  }

  private parseRuleBody(rule: Rule, t: Token): void {
    if (this.isKw("if")) {
      this.next();
      if (this.isOp("{")) {
        const save = this.pos;
        const depth = this.nl.length;
        try {
          rule.body = this.braced();
          return;
        } catch (e) {
          if (!(e instanceof RegoError)) throw e;
          this.pos = save;
          this.nl.length = depth;
          try {
            rule.body = [this.parseLiteral()];
          } catch {
            throw e;
          }
          return;
        }
      }
      rule.body = [this.parseLiteral()];
      return;
    }
    if (this.isOp("{")) {
      if (this.v1)
        this.fail("`if` keyword is required before rule body", this.peek());
      rule.body = this.braced();
      return;
    }
    rule.body = [trueLit(rule, t)];
  }

  private braced(): Literal[] {
    this.expectOp("{");
    this.nl.push(true);
    const body = this.parseQuery("}");
    this.nl.pop();
    this.expectOp("}");
    return body;
  }

  private parseHead(isDefault: boolean): Rule {
    const t = this.peek();
    if (t.kind !== "ident")
      this.fail(`unexpected ${describe(t)} token: expected rule head`);
    const head = this.parseTerm();
    const rule: Rule = {
      kind: "single",
      ref: [],
      assign: false,
      isDefault,
      body: [],
      loc: this.loc(t),
    };
    let refTerm = head;
    if (head.type === "call") {
      rule.kind = "func";
      rule.args = head.args;
      refTerm = head.fn;
    }
    rule.ref = headRef(refTerm, () => this.fail("invalid rule head", t));
    if (this.isKw("contains")) {
      this.next();
      rule.kind = "set";
      rule.key = this.parseIn();
      return rule;
    }
    if (this.isOp("=") || this.isOp(":=")) {
      rule.assign = this.next().text === ":=";
      rule.value = this.parseIn();
    } else if (
      !this.v1 &&
      rule.kind === "single" &&
      rule.ref.length === 2 &&
      rule.ref[1]!.type !== "scalar"
    ) {
      rule.kind = "set";
      rule.key = rule.ref.pop();
    } else if (
      !this.v1 &&
      rule.kind === "single" &&
      rule.ref.length === 2 &&
      !this.isKw("if") &&
      isBracket(head)
    ) {
      rule.kind = "set";
      rule.key = rule.ref.pop();
    }
    void isDefault;
    return rule;
  }
}

function isBracket(head: Term): boolean {
  return head.type === "ref" && (head.loc.text ?? "").includes("[");
}

function trueLit(rule: Rule, t: Token): Literal {
  const l = { file: rule.loc.file, row: t.row, col: t.col, text: "true" };
  return {
    kind: "expr",
    expr: { type: "scalar", value: true, loc: l },
    negated: false,
    withs: [],
    loc: l,
  };
}

function headRef(t: Term, fail: () => never): Term[] {
  if (t.type === "var") return [t];
  if (t.type === "ref" && t.head.type === "var") return [t.head, ...t.path];
  return fail();
}

function attachAnnotations(
  mod: Module,
  comments: Comment[],
  file: string,
): void {
  for (let i = 0; i < comments.length; i++) {
    const c = comments[i]!;
    if (c.text.trim() !== "METADATA") continue;
    const lines: string[] = [];
    let row = c.row;
    let j = i + 1;
    while (j < comments.length && comments[j]!.row === row + 1) {
      lines.push(comments[j]!.text.replace(/^ /, ""));
      row = comments[j]!.row;
      j++;
    }
    i = j - 1;
    let data: Record<string, unknown>;
    try {
      data = (parseYaml(lines.join("\n")) ?? {}) as Record<string, unknown>;
    } catch (e) {
      throw RegoError.single(
        "rego_parse_error",
        `yaml: ${(e as Error).message}`,
        { file, row: c.row, col: c.col },
        e,
      );
    }
    const ann: Annotation = {
      scope: "",
      data,
      loc: { file, row: c.row, col: c.col },
    };
    attachTo(mod, ann, row);
  }
}

function attachTo(mod: Module, ann: Annotation, lastRow: number): void {
  const scope = typeof ann.data.scope === "string" ? ann.data.scope : "";
  if (mod.pkgLoc.row > lastRow) {
    ann.scope = scope || "package";
    mod.annotations.push(ann);
    return;
  }
  const rule = mod.rules.find((r) => r.loc.row > lastRow);
  if (!rule) return;
  ann.scope = scope || "rule";
  if (ann.scope === "package" || ann.scope === "subpackages")
    mod.annotations.push(ann);
  else (rule.annotations ??= []).push(ann);
}

/** Parses one module. `v1` selects Rego v1 unless the module imports rego.v1. */
export function parseModule(src: string, file: string, v1: boolean): Module {
  TermParser.wildcards = 0;
  const { tokens, comments } = lex(src, file);
  return new ModuleParser(tokens, file, src, v1).parseModule(comments);
}

/** Parses a query (a body). */
export function parseQuery(src: string, file = "query"): Literal[] {
  const { tokens } = lex(src, file);
  const p = new TermParser(tokens, file, src);
  return p.parseQuery("");
}
