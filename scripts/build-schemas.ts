/**
 * Builds the strict JSON Schemas the schema check ships in
 * `schemas/kubernetes/`, from pinned `kubernetes-models` packages fetched
 * with `npm pack` (the packages are read, never installed or run).
 *
 * Run: `node --import tsx scripts/build-schemas.ts` (needs the npm
 * registry). Output: one `<bundle>.json.gz` per package with
 * `{ source, kinds: { "apps/v1/Deployment": defName }, $defs }`, and
 * `index.json.gz` mapping each `apiVersion/kind` to its bundle.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import * as tar from "tar";
import ts from "typescript";
import { DtsConverter } from "./build-schemas-dts.js";

/** Packages whose kinds we ship, by bundle name. */
const BUNDLES: Record<string, string> = {
  kubernetes: "kubernetes-models@5.1.0",
  "argo-cd": "@kubernetes-models/argo-cd@4.0.0",
  "flux-cd": "@kubernetes-models/flux-cd@4.0.0",
  "cert-manager": "@kubernetes-models/cert-manager@6.0.0",
  "external-secrets": "@kubernetes-models/external-secrets@2.0.0",
  "sealed-secrets": "@kubernetes-models/sealed-secrets@6.0.0",
  "gateway-api": "@kubernetes-models/gateway-api@2.0.0",
  "prometheus-operator": "@kubernetes-models/prometheus-operator@6.0.0",
};

/** Packages the bundles import types from. */
const SUPPORT = [
  "@kubernetes-models/apimachinery@3.0.2",
  "@kubernetes-models/base@6.0.1",
];

const OUT = path.resolve(import.meta.dirname, "../schemas/kubernetes");

function main(): void {
  const work = mkdtempSync(path.join(os.tmpdir(), "gg-schemas-"));
  try {
    const modules = path.join(work, "node_modules");
    for (const spec of [...Object.values(BUNDLES), ...SUPPORT]) {
      unpack(spec, work, modules);
    }
    mkdirSync(OUT, { recursive: true });
    const index: Record<string, string> = {};
    for (const [bundle, spec] of Object.entries(BUNDLES)) {
      const kinds = buildBundle(bundle, spec, modules);
      for (const kind of kinds) index[kind] ??= bundle;
    }
    const sources = BUNDLES;
    write("index", { sources, kinds: index });
    console.log(`schemas: ${Object.keys(index).length} kinds -> ${OUT}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function unpack(spec: string, work: string, modules: string): void {
  const name = spec.slice(0, spec.lastIndexOf("@"));
  const out = execFileSync(
    "npm",
    ["pack", spec, "--pack-destination", work, "--silent"],
    { encoding: "utf8" },
  );
  const file = path.join(work, out.trim().split("\n").pop() ?? "");
  const dir = path.join(modules, name);
  mkdirSync(dir, { recursive: true });
  tar.x({ file, cwd: dir, strip: 1, sync: true });
}

function buildBundle(bundle: string, spec: string, modules: string): string[] {
  const name = spec.slice(0, spec.lastIndexOf("@"));
  const roots = rootFiles(path.join(modules, name));
  const program = ts.createProgram(roots, {
    moduleResolution: ts.ModuleResolutionKind.Node10,
    module: ts.ModuleKind.CommonJS,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const converter = new DtsConverter(program, modules);
  const kinds: Record<string, string> = {};
  for (const file of roots) {
    const source = program.getSourceFile(file);
    const decl = source?.statements.find(isKindInterface);
    if (!decl) continue;
    const apiVersion = literalMember(decl, "apiVersion");
    const kind = literalMember(decl, "kind");
    if (!apiVersion || !kind || kind.endsWith("List")) continue;
    kinds[`${apiVersion}/${kind}`] = converter.define(decl);
  }
  write(bundle, { source: spec, kinds, $defs: converter.defs });
  return Object.keys(kinds);
}

function rootFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "node_modules") {
      out.push(...rootFiles(full));
    } else if (entry.name.endsWith(".d.ts")) {
      if (/extends TypeMeta \{/.test(readFileSync(full, "utf8"))) {
        out.push(full);
      }
    }
  }
  return out.sort();
}

function isKindInterface(node: ts.Node): node is ts.InterfaceDeclaration {
  return (
    ts.isInterfaceDeclaration(node) &&
    (node.heritageClauses ?? []).some((c) =>
      c.types.some((t) => t.expression.getText() === "TypeMeta"),
    )
  );
}

function literalMember(
  decl: ts.InterfaceDeclaration,
  key: string,
): string | undefined {
  for (const m of decl.members) {
    if (!ts.isPropertySignature(m) || m.type === undefined) continue;
    if (!ts.isStringLiteral(m.name) && !ts.isIdentifier(m.name)) continue;
    if (m.name.text !== key || !ts.isLiteralTypeNode(m.type)) continue;
    if (ts.isStringLiteral(m.type.literal)) return m.type.literal.text;
  }
  return undefined;
}

function write(name: string, data: unknown): void {
  const json = JSON.stringify(data);
  writeFileSync(
    path.join(OUT, `${name}.json.gz`),
    gzipSync(json, { level: 9 }),
  );
}

main();
