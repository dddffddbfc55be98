import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { Ajv, ValidateFunction } from "ajv";
import { createAjv } from "./createAjv.js";

/** Where `scripts/build-schemas.ts` writes the shipped schemas. */
export const SCHEMAS_DIR = fileURLToPath(
  new URL("../../../schemas/kubernetes/", import.meta.url),
);

/** Reads one `<name>.json.gz` of the shipped schemas. */
export type BundleReader = (name: string) => Promise<Buffer>;

interface SchemaIndex {
  sources: Record<string, string>;
  kinds: Record<string, string>;
}

interface SchemaBundle {
  source: string;
  kinds: Record<string, string>;
  $defs: Record<string, unknown>;
}

const readShipped: BundleReader = (name) =>
  readFile(new URL(`${name}.json.gz`, `file://${SCHEMAS_DIR}`));

/**
 * The strict schemas shipped with the package (Kubernetes core kinds and
 * the Argo CD, Flux, cert-manager, External Secrets and Sealed Secrets
 * CRDs), loaded and compiled lazily: a bundle is read the first time one of
 * its kinds is met, and each kind is compiled once, then reused by every
 * later run of the same process.
 */
export class BuiltinSchemas {
  private index: Promise<SchemaIndex> | undefined;
  private readonly bundles = new Map<string, Promise<SchemaBundle>>();
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly ajv: Ajv = createAjv();

  constructor(private readonly read: BundleReader = readShipped) {}

  /** The compiled validator of `apiVersion/kind`, or undefined if none. */
  async validator(
    apiVersion: string,
    kind: string,
  ): Promise<ValidateFunction | undefined> {
    const key = `${apiVersion}/${kind}`;
    const cached = this.validators.get(key);
    if (cached) return cached;
    const name = (await this.loadIndex()).kinds[key];
    if (name === undefined) return undefined;
    const bundle = await this.loadBundle(name);
    const def = bundle.kinds[key];
    const fn = this.ajv.getSchema(`${name}#/$defs/${def}`);
    if (!fn) throw new Error(`schema bundle ${name}: no definition ${def}`);
    this.validators.set(key, fn);
    return fn;
  }

  /**
   * True for kinds of Kubernetes itself: a repository CRD cannot replace
   * them (the API server refuses CRDs in its own groups), so a CRD that
   * claims one is ignored rather than trusted to loosen validation.
   */
  async isCore(apiVersion: string, kind: string): Promise<boolean> {
    const index = await this.loadIndex();
    return index.kinds[`${apiVersion}/${kind}`] === "kubernetes";
  }

  /** Which package each shipped bundle was built from. */
  async sources(): Promise<Record<string, string>> {
    return (await this.loadIndex()).sources;
  }

  private loadIndex(): Promise<SchemaIndex> {
    this.index ??= this.readJson<SchemaIndex>("index");
    return this.index;
  }

  private loadBundle(name: string): Promise<SchemaBundle> {
    let bundle = this.bundles.get(name);
    if (!bundle) {
      bundle = this.readJson<SchemaBundle>(name).then((b) => {
        this.ajv.addSchema({ $id: name, $defs: b.$defs }, name);
        return b;
      });
      this.bundles.set(name, bundle);
    }
    return bundle;
  }

  private async readJson<T>(name: string): Promise<T> {
    try {
      return JSON.parse(gunzipSync(await this.read(name)).toString()) as T;
    } catch (cause) {
      throw new Error(
        `schema check: cannot load shipped schemas "${name}" from ` +
          `${SCHEMAS_DIR} (rebuild with scripts/build-schemas.ts)`,
        { cause },
      );
    }
  }
}
