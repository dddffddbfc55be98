/** What a kustomize failure means, when we know its usual cause. */
export interface KustomizeCause {
  /** One plain sentence put before kustomize's own text. */
  cause: string;
  /** The resource entry to look for in the kustomization, if one is named. */
  entry?: string;
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
    (m) => ({
      cause: `a patch or replacement targets a resource the build does not have (${m[1]!.trim()})`,
    }),
  ],
];

/**
 * Reads the usual causes out of kustomize's nested error chains (a
 * missing resource file, a resource declared twice, a patch without a
 * target), so the finding starts with the reason in plain words. The
 * chain's second half, kustomize's retry of a file entry as a directory
 * (`must build at directory: …`), repeats the cause and is cut.
 *
 * @example explainKustomizeError("… accumulating resources from 'x.yaml':" +
 *   " evalsymlink failure on 'a/x.yaml' : lstat a/x.yaml: no such file" +
 *   " or directory': must build at directory: …")
 * // message: 'resource "x.yaml" does not exist (kustomize: … directory)'
 */
export function explainKustomizeError(message: string): {
  message: string;
  entry?: string;
} {
  for (const [re, explain] of CAUSES) {
    const m = re.exec(message);
    if (!m) continue;
    const { cause, entry } = explain(m);
    const tail = message.replace(/'?: must build at directory: [\s\S]*$/, "");
    const said = tail.replace(/^kustomize failed: /, "");
    const out = `kustomize failed: ${cause} (kustomize: ${said})`;
    return entry === undefined ? { message: out } : { message: out, entry };
  }
  return { message };
}
