import { readFileSync } from "node:fs";

/** The version in package.json (two levels up from src/cli or dist/cli). */
export function packageVersion(): string {
  const url = new URL("../../package.json", import.meta.url);
  const pkg = JSON.parse(readFileSync(url, "utf8")) as { version?: string };
  return pkg.version ?? "0.0.0";
}
