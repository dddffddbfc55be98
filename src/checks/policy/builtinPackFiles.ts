import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { RegoModuleSource } from "./engine.js";

/** The pack's directory: `policies/` at the package root (src/ or dist/). */
export const BUILTIN_PACK_DIR = fileURLToPath(
  new URL("../../../policies/", import.meta.url),
);

/**
 * Reads every `.rego` file of the built-in pack, paths relative to the
 * package root (`policies/images.rego`), sorted.
 */
export async function readBuiltinPackFiles(
  dir: string = BUILTIN_PACK_DIR,
): Promise<RegoModuleSource[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith(".rego"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const root = join(dir, "..");
  return Promise.all(
    files.map(async (f) => ({
      path: relative(root, f).split(sep).join("/"),
      source: await readFile(f, "utf8"),
    })),
  );
}
