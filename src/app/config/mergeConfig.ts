type Plain = Record<string, unknown>;

function isPlain(v: unknown): v is Plain {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Lays a repository's config over the org defaults: objects merge key by
 * key, anything else (lists included) in the repository wins. Pure.
 * @example mergeConfig({ gate: { failOn: "warning" } }, { gate: {} })
 */
export function mergeConfig(defaults: unknown, repo: unknown): unknown {
  if (!isPlain(defaults) || !isPlain(repo)) {
    return repo === undefined ? defaults : repo;
  }
  const out: Plain = { ...defaults };
  for (const [key, value] of Object.entries(repo)) {
    out[key] = mergeConfig(defaults[key], value);
  }
  return out;
}
