/** What a kustomize failure means, when we know its usual cause. */
export interface KustomizeCause {
  /** One plain sentence put before kustomize's own text. */
  cause: string;
  /** The resource entry to look for in the kustomization, if one is named. */
  entry?: string;
  /** A patch entry to look for: its file path or the `Kind/name` it patches. */
  patch?: { path: string } | { kind: string; name: string };
  /** Kustomize could not parse the kustomization: its own line for it. */
  syntaxLine?: number;
  /** A resource file kustomize could not parse, relative to its kustomization. */
  badFile?: string;
}

/** What {@link explainKustomizeError} read out of a failure. */
export interface KustomizeExplanation extends Omit<KustomizeCause, "cause"> {
  message: string;
  /**
   * Repo-relative directory of the innermost kustomization the error
   * chain names (`.` for the repo root), when it names one.
   */
  dir?: string;
}

/** `Kind.version.[group]/name.[namespace]`, kustomize's resource id. */
function patchId(id: string): KustomizeCause["patch"] {
  const m = /^([^./]+)\.[^/]*\/(.+)\.[^.]*$/.exec(id);
  return m ? { kind: m[1]!, name: m[2]! } : undefined;
}

const CAUSES: [RegExp, (m: RegExpExecArray) => KustomizeCause][] = [
  [
    /accumulating resources from '([^']+)': evalsymlink failure on '[^']*' : lstat [^:]*: no such file or directory/,
    (m) => ({ cause: `resource "${m[1]}" does not exist`, entry: m[1]! }),
  ],
  [
    /may not add resource with an already registered id: ([^'\s]+)/,
    (m) => ({ cause: `a resource is declared twice (${m[1]})` }),
  ],
  [
    /no matches for (?:Id|target) ([^;'\n]+?)(?:; |'|$)/m,
    (m) => {
      const id = m[1]!.trim();
      const patch = patchId(id);
      const cause =
        "a patch or replacement targets a resource the build does not " +
        `have (${id})`;
      return patch ? { cause, patch } : { cause };
    },
  ],
  [
    /must specify a target for JSON patch \[path: "([^"]+)"\]/,
    (m) => ({
      cause: `JSON patch "${m[1]}" has no target`,
      patch: { path: m[1]! },
    }),
  ],
  [
    /accumulating resources from '[^']+': MalformedYAMLError: yaml: line (\d+): [^\n]*? in File: ([^\s']+)/,
    (m) => ({
      cause: `resource "${m[2]}" is not valid YAML`,
      syntaxLine: Number(m[1]),
      badFile: m[2]!,
    }),
  ],
  [
    /invalid Kustomization: yaml: line (\d+): /,
    (m) => ({
      cause: "the kustomization is not valid YAML",
      syntaxLine: Number(m[1]),
    }),
  ],
];

/** Kustomize's own name for the kustomization dir an error comes from. */
const DIR =
  /(?:recursed accumulation of path|couldn't make target for path) '([^']*)'/g;

/**
 * Reads the usual causes out of kustomize's nested error chains (a
 * missing resource file, a resource declared twice, a patch without a
 * target, a kustomization that is not YAML), so the finding starts with
 * the reason in plain words. The chain's second half, kustomize's retry of
 * a file entry as a directory (`must build at directory: …`), repeats the
 * cause and is cut.
 *
 * @example explainKustomizeError("… accumulating resources from 'x.yaml':" +
 *   " evalsymlink failure on 'a/x.yaml' : lstat a/x.yaml: no such file" +
 *   " or directory': must build at directory: …")
 * // message: 'resource "x.yaml" does not exist (kustomize: … directory)'
 */
export function explainKustomizeError(message: string): KustomizeExplanation {
  const dirs = [...message.matchAll(DIR)].map((m) => m[1]!);
  const at = dirs.length > 0 ? { dir: dirs[dirs.length - 1]! } : {};
  for (const [re, explain] of CAUSES) {
    const m = re.exec(message);
    if (!m) continue;
    const { cause, ...where } = explain(m);
    const tail = message.replace(/'?: must build at directory: [\s\S]*$/, "");
    const said = tail.replace(/^kustomize failed: /, "");
    const out = `kustomize failed: ${cause} (kustomize: ${said})`;
    return { message: out, ...at, ...where };
  }
  return { message, ...at };
}
