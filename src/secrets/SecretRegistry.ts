import { secretsPattern, replacement } from "./maskSecrets.js";

/**
 * The secret values found during one gate run, kept in memory only, so that
 * every output (messages, render errors, diffs, logs) can be scrubbed of
 * them before it is written. Create one per run and share it between the
 * secrets check and the reporters.
 *
 * @example
 * const registry = new SecretRegistry();
 * const check = createSecretsCheck({ registry });
 * // ... run the gate ...
 * const safe = registry.mask(JSON.stringify(verdict));
 */
export class SecretRegistry {
  readonly #values = new Set<string>();
  #pattern: RegExp | undefined;
  #dirty = false;

  /** Remembers values to mask (empty strings are ignored). */
  add(...values: string[]): void {
    for (const v of values) {
      if (v !== "" && !this.#values.has(v)) {
        this.#values.add(v);
        this.#dirty = true;
      }
    }
  }

  /** How many distinct values are known. */
  get size(): number {
    return this.#values.size;
  }

  /** `text` with every known value (and its variants) masked. */
  mask(text: string): string {
    if (this.#dirty) {
      this.#pattern = secretsPattern(this.#values);
      this.#dirty = false;
    }
    return this.#pattern ? text.replace(this.#pattern, replacement) : text;
  }
}
