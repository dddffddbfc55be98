import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { parse as parseYaml } from "yaml";
import type { RegoModuleSource } from "../../rego/index.js";
import { fsReason } from "../describeFsError.js";
import { UsageError } from "../UsageError.js";

/** Policies and data loaded from `-d` paths, the way `opa eval -d` does. */
export interface LoadedFiles {
  modules: RegoModuleSource[];
  data: Record<string, unknown>;
}

function walk(p: string): string[] {
  if (!statSync(p).isDirectory()) return [p];
  return readdirSync(p)
    .sort()
    .filter((n) => !n.startsWith("."))
    .flatMap((n) => walk(join(p, n)));
}

function merge(
  into: Record<string, unknown>,
  path: string[],
  value: unknown,
): void {
  let cur = into;
  for (const k of path) {
    const next = cur[k];
    if (next === null || typeof next !== "object" || Array.isArray(next))
      cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new Error(
      `data file at ${path.join("/") || "/"} must contain an object`,
    );
  }
  for (const [k, v] of Object.entries(value)) {
    const old = cur[k];
    if (
      old &&
      typeof old === "object" &&
      !Array.isArray(old) &&
      v &&
      typeof v === "object" &&
      !Array.isArray(v)
    ) {
      merge(cur, [k], v);
    } else cur[k] = v;
  }
}

/** Reads a JSON or YAML document keeping big integers exact. */
export function readDocument(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (cause) {
    const why = fsReason(cause) ?? (cause as Error).message;
    throw new UsageError(`cannot read ${file}: ${why}`, { cause });
  }
  try {
    return parseYaml(text, { intAsBigInt: true });
  } catch (cause) {
    const why = cause instanceof Error ? cause.message.split("\n")[0] : "";
    throw new UsageError(`${file} is not valid JSON or YAML: ${why}`, {
      cause,
    });
  }
}

function mergeFile(
  into: Record<string, unknown>,
  path: string[],
  file: string,
): void {
  try {
    merge(into, path, readDocument(file));
  } catch (cause) {
    if (cause instanceof UsageError) throw cause;
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new UsageError(`data file ${file}: ${why}`, { cause });
  }
}

/** Loads `.rego`, `.json`, `.yaml` / `.yml` files from files or directories. */
export function loadRegoFiles(paths: string[]): LoadedFiles {
  const out: LoadedFiles = { modules: [], data: {} };
  for (const root of paths) {
    const isDir = statSync(root).isDirectory();
    for (const file of walk(root)) {
      const ext = extname(file).toLowerCase();
      if (ext === ".rego")
        out.modules.push({ path: file, source: readFileSync(file, "utf8") });
      else if (ext === ".json" || ext === ".yaml" || ext === ".yml") {
        const rel = isDir ? relative(root, join(file, "..")) : "";
        const path = rel ? rel.split(sep).filter(Boolean) : [];
        mergeFile(out.data, path, file);
      }
    }
  }
  return out;
}
