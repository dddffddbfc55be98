import { environmentOf } from "../config/environmentOf.js";
import type { Config } from "../config/schema.js";

/**
 * The environment of an app's render target: the one its rendered
 * directory lies in, else the one of the file that declares the app. A
 * Flux Kustomization in `clusters/prod/` that renders a shared
 * `infrastructure/` directory deploys to prod, so its findings are judged
 * as prod findings.
 */
export function targetEnvironment(
  config: Pick<Config, "environments">,
  dir: string | undefined,
  file: string,
): string | undefined {
  const fromDir =
    dir === undefined ? undefined : environmentOf(config, `${dir}/`);
  return fromDir ?? environmentOf(config, file);
}
