import type { Annotation, Module } from "./ast.js";

/** A METADATA annotation of a package or rule. */
export interface RegoAnnotation {
  scope: string;
  /** `data.<package>[.<rule>]`. */
  path: string;
  title?: string;
  description?: string;
  custom?: Record<string, unknown>;
  /** All annotation fields as written. */
  fields: Record<string, unknown>;
  location: { file: string; row: number; col: number };
}

function toAnn(a: Annotation, path: string): RegoAnnotation {
  const d = a.data;
  const out: RegoAnnotation = {
    scope: a.scope,
    path,
    fields: d,
    location: { file: a.loc.file, row: a.loc.row, col: a.loc.col },
  };
  if (typeof d.title === "string") out.title = d.title;
  if (typeof d.description === "string") out.description = d.description;
  if (d.custom && typeof d.custom === "object")
    out.custom = d.custom as Record<string, unknown>;
  return out;
}

/** Collects package and rule annotations of modules, in source order. */
export function collectAnnotations(modules: Module[]): RegoAnnotation[] {
  const out: RegoAnnotation[] = [];
  for (const m of modules) {
    const pkg = ["data", ...m.pkg].join(".");
    for (const a of m.annotations) out.push(toAnn(a, pkg));
    for (const r of m.rules) {
      const first = r.ref[0];
      const name = first?.type === "var" ? first.name : "";
      for (const a of r.annotations ?? []) out.push(toAnn(a, `${pkg}.${name}`));
    }
  }
  return out;
}
