/** A Kubernetes minor release, e.g. `{ major: 1, minor: 33 }`. */
export interface KubeVersion {
  major: number;
  minor: number;
}

/**
 * Parses `1.33`, `v1.33` or `1.33.2` (the patch is ignored: APIs only
 * change between minor releases).
 * @throws when the text is not a Kubernetes version.
 */
export function parseKubeVersion(text: string): KubeVersion {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(text.trim());
  if (!m) {
    throw new Error(
      `checks.schema.kubernetesVersion: "${text}" is not a Kubernetes ` +
        `version (expected e.g. "1.33")`,
    );
  }
  return { major: Number(m[1]), minor: Number(m[2]) };
}

/** Negative, zero or positive as `a` is older, equal or newer than `b`. */
export function compareKubeVersion(a: KubeVersion, b: KubeVersion): number {
  return a.major - b.major || a.minor - b.minor;
}

/** `1.33` */
export function formatKubeVersion(v: KubeVersion): string {
  return `${v.major}.${v.minor}`;
}
