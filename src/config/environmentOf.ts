import picomatch from "picomatch";
import type { Config } from "./schema.js";

/**
 * The environment whose path globs match a repo-relative path; the first
 * match in config order wins. A directory may be given with a trailing `/`.
 */
export function environmentOf(
  config: Pick<Config, "environments">,
  path: string,
): string | undefined {
  for (const [name, env] of Object.entries(config.environments)) {
    const match = picomatch(env.paths, { dot: true });
    if (
      match(path) ||
      match(path.replace(/\/$/, "")) ||
      (path.endsWith("/") && match(`${path}x`))
    ) {
      return name;
    }
  }
  return undefined;
}
