// Typed wrapper around scripts/materialize-example.mjs.
// @ts-expect-error -- plain ESM script without type declarations
import { materializeExample as impl } from "../../scripts/materialize-example.mjs";

/** A temporary git repo built from an example and its PR commits. */
export interface MaterializedExample {
  dir: string;
  base: string;
  head: string;
}

/** See scripts/materialize-example.mjs. */
export const materializeExample = impl as (
  name: string,
  opts?: { into?: string; commits?: number },
) => MaterializedExample;
