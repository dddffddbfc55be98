import type { Ajv, ValidateFunction } from "ajv";
import { createAjv } from "./createAjv.js";
import type { SchemaDefs } from "./builtinSchemas.js";
import type { CrdVersion } from "./crdVersions.js";
import { strictCrdSchema } from "./strictCrdSchema.js";

/**
 * The custom resource kinds declared by CRDs of the repository, compiled
 * lazily (one ajv instance per run: a repository's CRDs must not leak into
 * the next repository's run).
 */
export class CrdSchemas {
  private readonly versions = new Map<string, CrdVersion>();
  private readonly kinds = new Set<string>();
  private readonly validators = new Map<string, ValidateFunction>();
  private ajv: Ajv | undefined;

  /**
   * Later CRDs of the same kind and version replace earlier ones.
   * @param objectMeta - strict ObjectMeta for the custom resources'
   *   `metadata`; free-form without it
   */
  constructor(
    versions: Iterable<CrdVersion>,
    private readonly objectMeta?: SchemaDefs,
  ) {
    for (const v of versions) {
      // The API server refuses CRDs whose group has no dot (`apps`, the
      // core group): such a CRD could only shadow a built-in kind.
      if (!group(v.apiVersion).includes(".")) continue;
      this.versions.set(`${v.apiVersion}/${v.kind}`, v);
      this.kinds.add(`${group(v.apiVersion)}/${v.kind}`);
    }
  }

  /** The declared version of `apiVersion/kind`, if a CRD declares it. */
  version(apiVersion: string, kind: string): CrdVersion | undefined {
    return this.versions.get(`${apiVersion}/${kind}`);
  }

  /** True when some CRD declares the kind in the group, in any version. */
  hasKind(apiVersion: string, kind: string): boolean {
    return this.kinds.has(`${group(apiVersion)}/${kind}`);
  }

  /** Versions declared for the kind of the group (for messages). */
  versionsOf(apiVersion: string, kind: string): string[] {
    const g = group(apiVersion);
    return [...this.versions.values()]
      .filter((v) => v.kind === kind && group(v.apiVersion) === g)
      .map((v) => v.apiVersion);
  }

  /** The compiled validator, or undefined when the version has no schema. */
  validator(v: CrdVersion): ValidateFunction | undefined {
    if (v.schema === undefined) return undefined;
    const key = `${v.apiVersion}/${v.kind}`;
    let fn = this.validators.get(key);
    if (!fn) {
      fn = compile(this.ajv ?? this.createAjv(), v, this.metadataRef());
      this.validators.set(key, fn);
    }
    return fn;
  }

  private createAjv(): Ajv {
    this.ajv = createAjv(true);
    if (this.objectMeta) {
      const { $defs } = this.objectMeta;
      this.ajv.addSchema({ $id: META_ID, $defs }, META_ID);
    }
    return this.ajv;
  }

  private metadataRef(): Record<string, unknown> | undefined {
    if (!this.objectMeta) return undefined;
    return { $ref: `${META_ID}#/$defs/${this.objectMeta.def}` };
  }
}

function compile(
  ajv: Ajv,
  v: CrdVersion,
  metadata: Record<string, unknown> | undefined,
): ValidateFunction {
  try {
    const keep = v.preserveUnknownFields;
    return ajv.compile(strictCrdSchema(v.schema, metadata, keep));
  } catch (cause) {
    throw new Error(
      `schema check: the CRD schema of ${v.kind} ${v.apiVersion} ` +
        `(${v.source.path}:${v.source.line ?? 1}) does not compile`,
      { cause },
    );
  }
}

const META_ID = "object-meta";

function group(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}
