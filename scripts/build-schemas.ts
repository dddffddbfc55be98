/**
 * Builds the strict JSON Schemas the schema check ships in
 * `schemas/kubernetes/`, from pinned `kubernetes-models` packages fetched
 * with `npm pack` (the packages are read, never installed or run).
 *
 * Run: `node --import tsx scripts/build-schemas.ts` (needs the npm
 * registry). Output: one `<bundle>.json.gz` per package (and per
 * Kubernetes release) with `{ source, kinds: { "apps/v1/Deployment":
 * defName }, $defs }`, and `index.json.gz`: `{ sources, core: { "1.34":
 * bundle }, coreKinds, kinds: { "argoproj.io/v1alpha1/Application":
 * bundle } }`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { readdirSync, readFileSync } from "node:fs";
import { rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import * as tar from "tar";
import ts from "typescript";
import { DtsConverter } from "./build-schemas-dts.js";

/**
 * Kubernetes itself, one bundle per release that `kubernetes-models`
 * published (identified by the fields each added: gRPC probes 1.23,
 * hostUsers 1.25, resizePolicy 1.27, ServiceCIDR 1.33, resource.k8s.io/v1
 * 1.34). A target version uses the oldest bundle at or after it.
 */
const CORE: Record<string, string> = {
  "1.23": "kubernetes-models@3.1.0",
  "1.25": "kubernetes-models@4.1.0",
  "1.27": "kubernetes-models@4.4.2",
  "1.33": "kubernetes-models@4.5.1",
  "1.34": "kubernetes-models@5.1.0",
};

/** CRD packages whose kinds we ship, by bundle name. */
const CRDS: Record<string, string> = {
  "argo-cd": "@kubernetes-models/argo-cd@4.0.0",
  "flux-cd": "@kubernetes-models/flux-cd@4.0.0",
  "cert-manager": "@kubernetes-models/cert-manager@6.0.0",
  "external-secrets": "@kubernetes-models/external-secrets@2.0.0",
  "sealed-secrets": "@kubernetes-models/sealed-secrets@6.0.0",
  "gateway-api": "@kubernetes-models/gateway-api@2.0.0",
  "prometheus-operator": "@kubernetes-models/prometheus-operator@6.0.0",
};

const OUT = path.resolve(import.meta.dirname, "../schemas/kubernetes");

function main(): void {
  mkdirSync(OUT, { recursive: true });
  const core: Record<string, string> = {};
  const coreKinds = new Set<string>();
  for (const [version, spec] of Object.entries(CORE)) {
    core[version] = `kubernetes-${version}`;
    const kinds = inWorkDir([spec], (modules) =>
      buildBundle(`kubernetes-${version}`, spec, modules),
    );
    kinds.forEach((k) => coreKinds.add(k));
  }
  const kinds: Record<string, string> = {};
  inWorkDir(Object.values(CRDS), (modules) => {
    for (const [bundle, spec] of Object.entries(CRDS)) {
      for (const kind of buildBundle(bundle, spec, modules)) {
        if (!coreKinds.has(kind)) kinds[kind] ??= bundle;
      }
    }
    buildObjectMeta(modules);
  });
  const sources = { ...prefixed(CORE), ...CRDS };
  write("index", { sources, core, coreKinds: [...coreKinds].sort(), kinds });
  console.log(
    `schemas: ${coreKinds.size} core kinds, ${Object.keys(kinds).length} CRD kinds -> ${OUT}`,
  );
}

function prefixed(core: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(core).map(([v, spec]) => [`kubernetes-${v}`, spec]),
  );
}

/** Unpacks packages and their `kubernetes-models` dependencies into a
 * fresh `node_modules`, runs `build` on it, then removes it. */
function inWorkDir<T>(specs: string[], build: (modules: string) => T): T {
  const work = mkdtempSync(path.join(os.tmpdir(), "gg-schemas-"));
  try {
    const modules = path.join(work, "node_modules");
    for (const spec of specs) unpack(spec, work, modules);
    return build(modules);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function unpack(spec: string, work: string, modules: string): void {
  const name = spec.slice(0, spec.lastIndexOf("@"));
  const dir = path.join(modules, name);
  if (existsSync(dir)) return;
  const out = execFileSync(
    "npm",
    ["pack", spec, "--pack-destination", work, "--silent"],
    { encoding: "utf8" },
  );
  const file = path.join(work, out.trim().split("\n").pop() ?? "");
  mkdirSync(dir, { recursive: true });
  tar.x({ file, cwd: dir, strip: 1, sync: true });
  const manifest = JSON.parse(
    readFileSync(path.join(dir, "package.json"), "utf8"),
  ) as { dependencies?: Record<string, string> };
  for (const [dep, range] of Object.entries(manifest.dependencies ?? {})) {
    if (dep === "kubernetes-models" || dep.startsWith("@kubernetes-models/")) {
      unpack(`${dep}@${range}`, work, modules);
    }
  }
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

/** `object-meta`: the strict ObjectMeta that custom resources of the
 * repository's CRDs get (a CRD's own `metadata` schema is free-form). */
function buildObjectMeta(modules: string): void {
  const file = path.join(
    modules,
    "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta.d.ts",
  );
  const program = ts.createProgram([file], {
    moduleResolution: ts.ModuleResolutionKind.Node10,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const decl = program
    .getSourceFile(file)
    ?.statements.find(ts.isInterfaceDeclaration);
  if (!decl) throw new Error(`build-schemas: no interface in ${file}`);
  const converter = new DtsConverter(program, modules);
  const def = converter.define(decl);
  write("object-meta", {
    source: "@kubernetes-models/apimachinery",
    kinds: { ObjectMeta: def },
    $defs: converter.defs,
  });
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
