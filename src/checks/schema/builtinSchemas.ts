import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { Ajv, ValidateFunction } from "ajv";
import { createAjv } from "./createAjv.js";
import {
  compareKubeVersion,
  parseKubeVersion,
  type KubeVersion,
} from "./kubeVersion.js";

/** Where `scripts/build-schemas.ts` writes the shipped schemas. */
export const SCHEMAS_DIR = fileURLToPath(
  new URL("../../../schemas/kubernetes/", import.meta.url),
);

/** Reads one `<name>.json.gz` of the shipped schemas. */
export type BundleReader = (name: string) => Promise<Buffer>;

interface SchemaIndex {
  sources: Record<string, string>;
  /** Kubernetes release (`1.34`) to its bundle. */
  core: Record<string, string>;
  coreKinds: string[];
  /** CRD `apiVersion/kind` to its bundle. */
  kinds: Record<string, string>;
}

interface SchemaBundle {
  source: string;
  kinds: Record<string, string>;
  $defs: Record<string, unknown>;
}

/** Definitions to add to an ajv instance, and the one to reference. */
export interface SchemaDefs {
  $defs: Record<string, unknown>;
  def: string;
}

const readShipped: BundleReader = (name) =>
  readFile(new URL(`${name}.json.gz`, `file://${SCHEMAS_DIR}`));

/**
 * The strict schemas shipped with the package: Kubernetes kinds, one
 * bundle per covered release, and the kinds of the shipped CRDs (Argo CD,
 * Flux, cert-manager, External Secrets, Sealed Secrets, Gateway API,
 * Prometheus Operator). A bundle is read the first time one of its kinds
 * is met, and each kind is compiled once, then reused by every later run
 * of the same process.
 */
export class BuiltinSchemas {
  private index: Promise<SchemaIndex> | undefined;
  private coreKinds: Set<string> | undefined;
  private meta: Promise<SchemaDefs> | undefined;
  private readonly bundles = new Map<string, Promise<SchemaBundle>>();
  private readonly validators = new Map<string, ValidateFunction>();
  /** `target|apiVersion/kind` to what `validator` found (null: nothing). */
  private readonly resolved = new Map<string, ValidateFunction | null>();
  private readonly ajv: Ajv = createAjv();

  constructor(private readonly read: BundleReader = readShipped) {}

  /**
   * The compiled validator of `apiVersion/kind` for the target release,
   * or undefined if no shipped schema has the kind. Kubernetes kinds use
   * the oldest covered release at or after the target (never a schema
   * older than the cluster: that would reject valid newer fields), or a
   * newer release that still has the kind.
   */
  async validator(
    apiVersion: string,
    kind: string,
    target: KubeVersion,
  ): Promise<ValidateFunction | undefined> {
    const key = `${apiVersion}/${kind}`;
    const memo = `${target.major}.${target.minor}|${key}`;
    const known = this.resolved.get(memo);
    if (known !== undefined) return known ?? undefined;
    const fn = await this.resolve(key, target);
    this.resolved.set(memo, fn ?? null);
    return fn;
  }

  private async resolve(
    key: string,
    target: KubeVersion,
  ): Promise<ValidateFunction | undefined> {
    const index = await this.loadIndex();
    const crdBundle = index.kinds[key];
    if (crdBundle !== undefined) return this.compiled(crdBundle, key);
    this.coreKinds ??= new Set(index.coreKinds);
    if (!this.coreKinds.has(key)) return undefined;
    for (const name of coreBundlesFrom(index, target)) {
      const fn = await this.compiled(name, key);
      if (fn) return fn;
    }
    return undefined;
  }

  /**
   * True for kinds of Kubernetes itself: a repository CRD cannot replace
   * them (the API server refuses CRDs in its own groups), so a CRD that
   * claims one is ignored rather than trusted to loosen validation.
   */
  async isCore(apiVersion: string, kind: string): Promise<boolean> {
    const index = await this.loadIndex();
    this.coreKinds ??= new Set(index.coreKinds);
    return this.coreKinds.has(`${apiVersion}/${kind}`);
  }

  /**
   * Other apiVersions the shipped schemas know for the kind: those of the
   * same group, and whether that group is Kubernetes' own; or, when the
   * group has none, the Kubernetes apiVersions of a kind of that name
   * (`app/v1` Deployment is most likely a typo of `apps/v1`).
   * @example otherVersions("apps/v2", "Deployment")
   *   // { core: true, apiVersions: ["apps/v1", "apps/v1beta1", ...] }
   */
  async otherVersions(apiVersion: string, kind: string): Promise<Others> {
    const index = await this.loadIndex();
    const group = groupOf(apiVersion);
    const all = [...index.coreKinds, ...Object.keys(index.kinds)];
    const sameGroup = versionsOfKind(all, kind, (v) => groupOf(v) === group);
    if (sameGroup.length > 0) {
      const core = index.coreKinds.some((k) =>
        sameGroup.includes(k.slice(0, k.lastIndexOf("/"))),
      );
      return { core, apiVersions: sameGroup, elsewhere: [] };
    }
    const elsewhere = versionsOfKind(index.coreKinds, kind, () => true);
    return { core: false, apiVersions: [], elsewhere };
  }

  /**
   * The kinds Kubernetes serves in the group of `apiVersion` (any
   * version), or undefined when the group is not Kubernetes' own. No CRD
   * can add a kind to these groups, so any other kind there is an error.
   */
  async coreGroupKinds(apiVersion: string): Promise<string[] | undefined> {
    const index = await this.loadIndex();
    const group = groupOf(apiVersion);
    const kinds = index.coreKinds
      .filter((k) => groupOf(k.slice(0, k.lastIndexOf("/"))) === group)
      .map((k) => k.slice(k.lastIndexOf("/") + 1));
    return kinds.length > 0 ? [...new Set(kinds)].sort() : undefined;
  }

  /**
   * The strict `ObjectMeta` schema (`$defs` plus the name of its own
   * definition), for custom resources of the repository's CRDs.
   */
  objectMeta(): Promise<SchemaDefs> {
    this.meta ??= this.readJson<SchemaBundle>("object-meta").then((b) => ({
      $defs: b.$defs,
      def: b.kinds["ObjectMeta"] ?? "",
    }));
    return this.meta;
  }

  /** The Kubernetes releases with a shipped bundle, oldest first. */
  async releases(): Promise<KubeVersion[]> {
    const index = await this.loadIndex();
    return Object.keys(index.core)
      .map(parseKubeVersion)
      .sort(compareKubeVersion);
  }

  /** Which package each shipped bundle was built from. */
  async sources(): Promise<Record<string, string>> {
    return (await this.loadIndex()).sources;
  }

  private async compiled(
    name: string,
    key: string,
  ): Promise<ValidateFunction | undefined> {
    const cacheKey = `${name}:${key}`;
    const cached = this.validators.get(cacheKey);
    if (cached) return cached;
    const def = (await this.loadBundle(name)).kinds[key];
    if (def === undefined) return undefined;
    const fn = this.ajv.getSchema(`${name}#/$defs/${def}`);
    if (!fn) throw new Error(`schema bundle ${name}: no definition ${def}`);
    this.validators.set(cacheKey, fn);
    return fn;
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

/** Core bundles to try for a target: at or after it, oldest first, then
 * older ones, newest first (a target newer than every bundle). */
function coreBundlesFrom(index: SchemaIndex, target: KubeVersion): string[] {
  const releases = Object.keys(index.core)
    .map((v) => ({ v, parsed: parseKubeVersion(v) }))
    .sort((a, b) => compareKubeVersion(a.parsed, b.parsed));
  const newer = releases.filter(
    (r) => compareKubeVersion(r.parsed, target) >= 0,
  );
  const older = releases.filter(
    (r) => compareKubeVersion(r.parsed, target) < 0,
  );
  return [...newer, ...older.reverse()].map((r) => index.core[r.v] ?? "");
}

/** What the shipped schemas know of a kind in other apiVersions. */
export interface Others {
  /** The requested group is Kubernetes' own. */
  core: boolean;
  /** Known apiVersions of the kind in the requested group. */
  apiVersions: string[];
  /** Kubernetes apiVersions of a kind of that name in other groups. */
  elsewhere: string[];
}

function versionsOfKind(
  keys: readonly string[],
  kind: string,
  keep: (apiVersion: string) => boolean,
): string[] {
  const out = new Set<string>();
  for (const key of keys) {
    const at = key.lastIndexOf("/");
    const v = key.slice(0, at);
    if (key.slice(at + 1) === kind && keep(v)) out.add(v);
  }
  return [...out].sort();
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}
