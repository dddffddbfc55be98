/**
 * Kubernetes' `resource.Quantity` grammar, as CRDs spell it in their
 * `pattern`: `500m`, `2`, `1.5Gi`, `1e3`.
 */
export const QUANTITY_PATTERN =
  "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))" +
  "(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";

/**
 * The known field closest to a misspelt one, when it is close enough to be
 * a typo (edit distance at most 2, or a case-only difference).
 * @example suggestField("imagePullPolcy", containerSchema) // "imagePullPolicy"
 */
export function suggestField(
  field: string,
  parentSchema: unknown,
): string | undefined {
  return suggestName(field, propertiesOf(parentSchema));
}

/**
 * The known name closest to a misspelt one (edit distance at most 2, or
 * a case-only difference): fields, kinds.
 * @example suggestName("deployment", ["Deployment", "DaemonSet"]) // "Deployment"
 */
export function suggestName(
  word: string,
  known: readonly string[],
): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const name of known) {
    if (name.toLowerCase() === word.toLowerCase()) return name;
    const d = editDistance(word, name, bestDistance);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best;
}

function propertiesOf(schema: unknown): string[] {
  if (typeof schema !== "object" || schema === null) return [];
  const props = (schema as Record<string, unknown>)["properties"];
  return typeof props === "object" && props !== null ? Object.keys(props) : [];
}

/**
 * Edit distance counting a swap of two neighbours as one edit (the most
 * common typo), giving up (returning `limit`) past `limit`.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, before[j - 2]! + 1);
      }
    }
    if (Math.min(...row) >= limit) return limit;
    [before, prev] = [prev, row];
  }
  return Math.min(prev[b.length]!, limit);
}
