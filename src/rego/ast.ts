import type { Value } from "./value.js";

/** Source position of a node. */
export interface Loc {
  file: string;
  row: number;
  col: number;
  /** Source text of the node, where known. */
  text?: string;
}

/** A Rego term. */
export type Term =
  | { type: "scalar"; value: Value; loc: Loc }
  | { type: "var"; name: string; loc: Loc }
  | { type: "ref"; head: Term; path: Term[]; loc: Loc }
  | { type: "array"; items: Term[]; loc: Loc }
  | { type: "set"; items: Term[]; loc: Loc }
  | { type: "object"; pairs: [Term, Term][]; loc: Loc }
  | { type: "arraycomp"; term: Term; body: Literal[]; loc: Loc }
  | { type: "setcomp"; term: Term; body: Literal[]; loc: Loc }
  | { type: "objectcomp"; key: Term; value: Term; body: Literal[]; loc: Loc }
  | { type: "call"; name: string; fn: Term; args: Term[]; loc: Loc }
  | { type: "template"; parts: (string | Term)[]; loc: Loc };

/** `with target as value`. */
export interface With {
  target: Term;
  value: Term;
  loc: Loc;
}

/** A body literal. */
export type Literal =
  | {
      kind: "expr";
      expr: Term;
      negated: boolean;
      withs: With[];
      loc: Loc;
    }
  | { kind: "some"; vars: Term[]; loc: Loc; withs: With[] }
  | {
      kind: "somein";
      key?: Term;
      value: Term;
      domain: Term;
      loc: Loc;
      withs: With[];
    }
  | {
      kind: "every";
      key?: Term;
      value: Term;
      domain: Term;
      body: Literal[];
      loc: Loc;
      withs: With[];
    };

/** A rule (or function) with its `else` chain. */
export interface Rule {
  /** `single` (complete / ref head), `set` (contains) or `func`. */
  kind: "single" | "set" | "func";
  /** Head ref after the package: first term is the rule name (a var). */
  ref: Term[];
  args?: Term[];
  /** Set element (`contains`) . */
  key?: Term;
  value?: Term;
  /** `:=` in the head. */
  assign: boolean;
  isDefault: boolean;
  body: Literal[];
  elseRule?: Rule;
  loc: Loc;
  module?: Module;
  annotations?: Annotation[];
}

/** `import path [as alias]`. */
export interface Import {
  path: Term;
  alias?: string;
  loc: Loc;
}

/** A METADATA annotation block. */
export interface Annotation {
  scope: string;
  data: Record<string, unknown>;
  loc: Loc;
}

/** A parsed module. */
export interface Module {
  file: string;
  /** Package path without the `data` root, e.g. ["lib", "k8s"]. */
  pkg: string[];
  pkgLoc: Loc;
  imports: Import[];
  rules: Rule[];
  regoV1: boolean;
  annotations: Annotation[];
}

/** Builds a location. */
export function loc(file: string, row: number, col: number): Loc {
  return { file, row, col };
}
